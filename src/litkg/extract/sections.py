"""Sections of a text and what they tell a claim reader: a background or aims section
introduces the study, a methods section describes what was done, a results section reports,
a declaration (disclosures, funding, thanks) is about the authors, and a reference list cites
other work.  Split from :mod:`litkg.extract.claims_scope`.

``section_kind(sent)`` is the class of the last heading at or before a sentence: headings are
short phrases opening a line, run in with a colon ("METHODS: In a randomised ...",
"ABSTRACT.RESULTS:", "2. Methods:") or alone on their line ("Methods").
"""

from __future__ import annotations

import re
from typing import Iterator

from spacy.tokens import Doc, Span

from litkg.extract import claims_lexicon as lex

# a heading line of the bibliography; what follows are citations of other works
_REFERENCES = re.compile(r"^[ \t]*(references|bibliography|literature cited|works cited|"
                         r"reference list)[ \t]*:?[ \t]*$", re.I | re.M)


def references_start(text: str) -> int | None:
    """Character offset of the last reference-list heading (None without one).  The last one
    is taken because a table of contents may name the heading earlier."""
    found = list(_REFERENCES.finditer(text))
    return found[-1].start() if found else None


# A heading: a short phrase opening a line, either run in with a colon ("METHODS: In a
# randomised ...", "ABSTRACT.RESULTS:", "2. Methods:") or alone on its line ("Methods").
_HEADING = re.compile(r"^[ \t]*(?:\d+(?:\.\d+)*\.?[ \t]*|[A-Za-z]+\.)?[ \t]*"
                      r"([A-Za-z][A-Za-z &/,-]{2,60}?)[ \t]*(:|$)", re.M)
_DESIGN_HEADING = re.compile(r"background|introduction|objectives?|aims?\b|purpose|methods?|"
                             r"design|setting|participants?|interventions?|rationale|context|"
                             r"hypothes|\bmeasures?\b|\b(primary|secondary|main)\s+(outcomes?|"
                             r"end ?points?)\b", re.I)
# the other words a design heading may have ("Materials and methods", "Study design and
# setting"): a heading with any other word ("Clinical context: limits of X") is a topic title
_DESIGN_HEADING_WORDS = {"and", "of", "the", "study", "materials", "patients", "subjects",
                         "main", "primary", "secondary", "outcome", "outcomes", "measures",
                         "measure", "research", "experimental", "statistical", "analysis",
                         "analyses", "trial", "abstract", "&", "/", "aim", "aims", "objective",
                         "objectives", "methods", "method", "design", "setting", "settings",
                         "participants", "intervention", "interventions", "background",
                         "introduction", "purpose", "rationale", "context", "hypothesis",
                         "hypotheses", "methodology", "endpoint", "endpoints", "end",
                         "point", "points"}
_RESULT_HEADING = re.compile(r"\b(results?|findings?|conclusions?|interpretation|discussion|"
                             r"summary|case)\b", re.I)


#: sections about the authors and the paper, not the study: disclosures, funding, thanks
_DECLARATION_HEADING = re.compile(r"disclosures?|conflicts?\s+of\s+interests?|competing\s+interests?|"
                                  r"declarations?|funding|acknowledge?ments?|author\s+contributions?|"
                                  r"trial\s+registration|registration", re.I)


#: design headings that describe what was done (a background states what was known)
_METHODS_HEADING = re.compile(r"methods?|methodology|design|setting|participants?|subjects|"
                              r"interventions?|materials", re.I)
_BACKGROUND_HEADING = re.compile(r"background|introduction|objectives?|aims?\b|purpose|rationale|"
                                 r"context|hypothes", re.I)


def _heading_class(phrase: str) -> str | None:
    """'design' for a section introducing the study (background, aims), 'methods' for one
    describing what was done (methods, setting, outcome measures), 'results' for one reporting
    or discussing findings, 'declaration' for one about the authors (disclosures, funding), None
    for any other."""
    if _DECLARATION_HEADING.search(phrase):
        return "declaration"
    words = set(re.findall(r"[a-z&/]+", phrase.lower()))
    design = bool(_DESIGN_HEADING.search(phrase)) and words <= _DESIGN_HEADING_WORDS
    if design and words & {"measure", "measures"}:
        return "methods"  # "Main outcome measures" names outcomes, it does not report them
    if _RESULT_HEADING.search(phrase):
        return "results"  # "Methods and results" reports results too
    if design and _METHODS_HEADING.search(phrase) and not _BACKGROUND_HEADING.search(phrase):
        return "methods"
    return "design" if design else None


# A structured abstract written as one paragraph ("Background: X is ... . Methods: We
# randomly ... . Results: Y was lower ..."): a known heading run in after a sentence's end
_INLINE_HEADING = re.compile(r"(?<=[.!?])[ \t]+([A-Z][A-Za-z &/-]{2,40}?):[ \t]")


def _section_marks(doc: Doc) -> list[tuple[int, str | None]]:
    marks = []
    for m in _INLINE_HEADING.finditer(doc.text):
        kind = _heading_class(m.group(1))
        if kind is not None and len(m.group(1).split()) <= 4:
            marks.append((m.start(1), kind))
    for m in _HEADING.finditer(doc.text):
        phrase = m.group(1)
        # a heading is a few words; alone on its line it must also be a known one and open
        # with a capital (a wrapped line of prose, "and methods", is no heading)
        if len(phrase.split()) > 6 or (m.group(2) != ":" and (len(phrase.split()) > 4
                                                               or not phrase[0].isupper())):
            continue
        kind = _heading_class(phrase)
        if kind is not None or m.group(2) == ":":
            marks.append((m.start(), kind))
    return sorted(marks)


def in_design_section(sent: Span) -> bool:
    """Is ``sent`` under a background, aims or methods heading?  Those sections name the
    outcomes a study measured ("the primary end point was clinical deterioration") and what it
    expected, so a change word there reports no finding.  A case report's "Methods" that tells
    one patient's story is its case presentation (:func:`narrates_a_patient`)."""
    return section_kind(sent) in ("design", "methods") and not narrates_a_patient(sent)


#: one patient's story: "A 68-year-old man developed ...", "the patient was treated ..."
_PATIENT_STORY = re.compile(r"\b\d{1,3}[- ](year|month|week|day)s?[- ]old\b|"
                            r"\b(a|an|the|our|this) (patient|man|woman|boy|girl|infant|child|"
                            r"neonate)\b", re.I)


def narrates_a_patient(sent: Span) -> bool:
    """Does ``sent`` tell of one patient (age given, "the patient ...")?  Then it reports what
    happened, whatever the heading above it."""
    return bool(_PATIENT_STORY.search(sent.text))


def methods_section(sent: Span) -> bool:
    """Is ``sent`` under a methods heading and not one patient's story?"""
    return section_kind(sent) == "methods" and not narrates_a_patient(sent)


def section_kind(sent: Span) -> str | None:
    """The class of the last heading at or before ``sent`` (see :func:`_heading_class`)."""
    doc = sent.doc
    marks = doc.user_data.get("litkg_section_marks")
    if marks is None:
        marks = doc.user_data["litkg_section_marks"] = _section_marks(doc)
    kind = None
    for start, k in marks:  # the last heading at or before the sentence (a run-in one included)
        if start > sent.start_char + 1:
            break
        kind = k
    return kind


def study_results(sent: Span) -> bool:
    """Is ``sent`` under a results heading that follows a methods heading?  Such a section
    reports what the study found about the intervention it describes (a single-arm trial's
    "Serum IgE declined during treatment"), unlike a case narrative or a discussion."""
    doc = sent.doc
    section_kind(sent)  # fills the marks
    marks = [(start, k) for start, k in doc.user_data["litkg_section_marks"]
             if start <= sent.start_char + 1]
    return bool(marks) and marks[-1][1] == "results" and any(k == "methods" for _, k in marks)


def sentences_before(sents: list[Span], k: int, limit: int) -> Iterator[Span]:
    """Up to ``limit`` sentences before sentence ``k``, nearest first, never back across a
    section heading (a new section starts a new story)."""
    for back in range(1, limit + 1):
        if k - back < 0:
            return
        prev = sents[k - back]
        if lex.SECTION_RESET.search(prev.text):
            return
        yield prev
