"""Abbreviations defined in the text, found with the Schwartz-Hearst algorithm and used
document-wide.

Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation definitions in
biomedical text": for "long form (SF)" the long form is the shortest run of words before the
parenthesis, at most min(|SF| + 5, 2|SF|) words, in which every letter/digit of the short form
can be matched right-to-left, the first one at the start of a word.

The ``litkg_abbreviations`` component (after ``litkg_entities``) records
``Doc._.abbreviations = {short: (long, concept id or None, label or None)}`` and gives every
occurrence of a short form the label and id of its long form: it relabels an entity that
covers exactly the short form and adds one where there is none.  The long form's concept comes
from the entity recognised over it, else from the lexicon; a disease long form nobody knows
takes the id of the known disease that ends it ("levodopa-induced dyskinesias (LID)" -> LID is
a dyskinesia), and an unknown long form leaves a short form that is itself a known name of the
same type its own id.  A short form whose long form is no entity at all ("deep brain
stimulation (DBS)") loses the NER's guesses on it.
"""

# (no "from __future__ import annotations": spaCy factories need real type objects)

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from litkg.extract import claims_lexicon as lex
from litkg.extract.entity_contexts import dosing_context
from litkg.extract.extensions import register_extensions
from litkg.extract.known_abbreviations import known_abbreviation_spans
from litkg.extract.lexicon import common_words, load_lexicon

_PAREN = re.compile(r"\(([^()]{1,30})\)")
_STAT = re.compile(r"\s*(?:[<>=≤≥]|-?value)")
_BOUNDARY = re.compile(r"[.;:!?\n]\s|\n")
#: after a one- or two-letter short form, a word of genetics: "the G allele" names a
#: nucleotide (or a genotype), whatever amino acid "G" abbreviates elsewhere in the text
_ALLELE = re.compile(rf"\s*{lex.GENETIC_VARIANT}\b", re.I)


@dataclass(frozen=True)
class Abbreviation:
    short: str
    long: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int


def _valid_short(sf: str) -> bool:
    # One capital letter is accepted ("serum phosphorus (P)"): lab tables define them so.
    if len(sf) == 1:
        return sf.isalpha() and sf.isupper()
    return (2 <= len(sf) <= 10 and len(sf.split()) <= 2 and any(c.isalpha() for c in sf)
            and sf[0].isalnum() and not sf.lower() in {"ie", "eg", "vs", "see", "et al"}
            # "(Group R)", "(BC arm)": a trial arm's code, which litkg.extract.arms reads
            and not {"group", "arm", "groups", "arms"} & set(sf.lower().split()))


def best_long_form(short: str, candidate: str) -> str | None:
    """The Schwartz-Hearst match of ``short`` inside the text preceding it, or ``None``."""
    s, l = len(short) - 1, len(candidate) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        # The first short-form character must start a word of the long form.
        while l >= 0 and (candidate[l].lower() != c or (s == 0 and l > 0 and candidate[l - 1].isalnum())):
            l -= 1
        if l < 0:
            return None
        l -= 1
        s -= 1
    start = candidate.rfind(" ", 0, l + 1) + 1
    long = candidate[start:].strip()
    if len(long) <= len(short) or short.lower() in long.lower().split():
        return None
    return _by_initials(short, candidate) or long


def _by_initials(short: str, candidate: str) -> str | None:
    """The last words of ``candidate`` whose initials spell the short form's capitals, when the
    character match above stopped inside one of them: in "Proton pump inhibitors (PPIs)" both
    P's can match the two p's of "pump", but the initials P-p-i are the reading the author
    meant."""
    letters = [c for c in short if c.isalpha()]
    if len(letters) > 2 and letters[-1] == "s" and letters[-2].isupper():
        letters = letters[:-1]  # "PPIs": the plural of PPI
    words = candidate.split()
    if sum(c.isupper() for c in letters) < 2 or len(words) < len(letters):
        return None
    tail = words[-len(letters):]
    if [w[0].lower() for w in tail] == [c.lower() for c in letters] and \
            all(w[0].isalpha() for w in tail):
        return " ".join(tail)  # "von Willebrand disease (vWD)", "rh" of "rhGH" included
    return None


def find_abbreviations(text: str) -> list[Abbreviation]:
    """All "long form (SF)" definitions in ``text``, in order."""
    out: list[Abbreviation] = []
    for match in _PAREN.finditer(text):
        inner = match.group(1)
        sf = re.split(r"[;,]\s", inner)[0].strip()
        if not _valid_short(sf):
            continue
        sf_start = match.start(1) + inner.index(sf)
        # Preceding words of the same sentence, at most min(|SF| + 5, 2 |SF|) of them.
        before = text[:match.start()]
        cut = max((m.end() for m in _BOUNDARY.finditer(before)), default=0)
        words = before[cut:].split()
        limit = min(len(sf) + 5, 2 * len(sf))
        candidate = " ".join(words[-limit:]) if words else ""
        long = best_long_form(sf, candidate)
        if not long:
            continue
        long_end = len(before.rstrip())
        long_start = long_end - len(long)
        if text[long_start:long_end] != long:  # whitespace differed (newlines): locate it
            idx = before.rfind(long.split()[0])
            if idx < 0:
                continue
            long_start = idx
        out.append(Abbreviation(sf, text[long_start:long_end], sf_start, sf_start + len(sf),
                                long_start, long_end))
    return out


_HEAD_FINAL = ("CONDITION", "PHENOTYPE")
_CHEMICAL_END = re.compile(r"(ate|ide|ine|ol|one|ium|yl|ane|ene|ose|oid|ates|ides|ines)$", re.I)


def _chemical_look(long_form: str) -> bool:
    """Does ``long_form`` look like a chemical name: a digit ("5-hydroxyindoleacetic acid"), an
    acid, or a last word with a chemical ending that is no everyday word ("sulphonate", not
    "medium" of "Davis minimal salts medium" nor "machine")?"""
    last = long_form.split()[-1].lower() if long_form.split() else ""
    return bool(re.search(r"\d", long_form)) or last.startswith("acid") or (
        bool(_CHEMICAL_END.search(last)) and last not in common_words()
        and last not in _TISSUES_AND_STATES)


#: words with a chemical ending that name a tissue, a chamber or a state ("left atrium (LA)")
_TISSUES_AND_STATES = frozenset({
    "atrium", "epithelium", "endothelium", "myocardium", "pericardium", "endometrium",
    "myometrium", "perineurium", "cranium", "delirium", "equilibrium", "mesothelium",
    "urothelium", "endocardium", "peritoneum", "perineum", "ileum", "duodenum", "jejunum",
    "cerebellum", "septum", "sternum", "membrane", "spine", "intestine"})


def _tail_entity(ents, abbr: Abbreviation):
    """The longest entity ending the long form (inside it), or ``None``.  An endpoint may
    also start before it: its modifiers are not spelled by the short form ("atrial
    electrogram fractionation intervals (FIs)")."""
    tail = [e for e in ents if e.end_char == abbr.long_end and (
        e.start_char >= abbr.long_start or e.label_ == "ENDPOINT")]
    return min(tail, key=lambda e: e.start_char) if tail else None


class AbbreviationResolver:
    """The ``litkg_abbreviations`` component."""

    def __init__(self, nlp: Language, name: str):
        register_extensions()
        self.name = name
        self.lexicon = load_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        table: dict[str, tuple[str, str | None, str | None]] = {}
        ents = list(doc.ents)
        additions: list[Span] = []
        unknown: set[str] = set()
        for abbr in find_abbreviations(doc.text):
            if abbr.short in table:
                continue
            label, cid, name = None, None, None
            exact = [e for e in ents if e.start_char == abbr.long_start and e.end_char == abbr.long_end]
            if exact:
                label, cid, name = exact[0].label_, exact[0]._.concept_id, exact[0]._.concept_label
                if cid is None and label in _HEAD_FINAL:
                    tail = _tail_entity(ents, abbr)
                    if tail is not None:
                        cid, name = tail._.concept_id, tail._.concept_label
            else:
                entry = self.lexicon.lookup(abbr.long)
                if entry is not None and "short" not in entry.flags:
                    label, cid, name = entry.label, entry.id, entry.name
                    span = doc.char_span(abbr.long_start, abbr.long_end)
                    if span is not None:
                        span = Span(doc, span.start, span.end, label=label)
                        span._.concept_id, span._.concept_label, span._.source = cid, name, "lexicon"
                        additions.append(span)
                else:  # an entity ending the long form gives at least the type
                    tail = _tail_entity(ents, abbr)
                    if tail is not None:
                        label = tail.label_
                        # Disease names are head-final: "levodopa-induced dyskinesias (LID)"
                        # is a kind of dyskinesia, so LID takes the head's id.
                        if label in _HEAD_FINAL and tail._.concept_id:
                            cid, name = tail._.concept_id, tail._.concept_label
            if cid is None and label is not None:
                # An unknown long form ("3'-azido-3'-deoxythymidine (AZT)"): the short form
                # itself may be a known name of the same type.
                entry = self.lexicon.lookup(abbr.short) or self.lexicon.entries.get("=" + abbr.short)
                if entry is not None and entry.id and entry.label == label:
                    cid, name = entry.id, entry.name
            table[abbr.short] = (abbr.long, cid, label)
            long_entry = self.lexicon.lookup(abbr.long) if label == "ANALYTE" else None
            if label is None:
                # "deep brain stimulation (DBS)": the short form names what the long form names,
                # and that is no entity, so NER guesses on the short form are dropped -- unless
                # the long form looks like a chemical name the recognisers missed
                # ("5-hydroxyindoleacetic acid (5-HIAA)", "2-mercaptoethane sulphonate (MESNA)").
                if not _chemical_look(abbr.long):
                    unknown.add(abbr.short)
                continue
            # a plural short form names the singular too: "(PPIs)" ... "PPI use"
            stem = abbr.short[:-1] if len(abbr.short) > 2 and abbr.short[-1] == "s" and \
                abbr.short[-2].isupper() else abbr.short
            pattern = re.compile(r"(?<![A-Za-z0-9])" + re.escape(stem) + r"s?(?![A-Za-z0-9])")
            for m in pattern.finditer(doc.text):
                if len(abbr.short) == 1 and _STAT.match(doc.text, m.end()):
                    continue  # "P < 0.05" is a p-value, not phosphorus
                if len(abbr.short) <= 2 and _ALLELE.match(doc.text, m.end()):
                    continue  # "the G allele", "GG genotype": a nucleotide, not glycine
                end = m.end() if not m.group().endswith("s") or stem.endswith("s") else m.end() - 1
                span = doc.char_span(m.start(), end) or doc.char_span(m.start(), m.end())
                if span is None:
                    continue  # "PPIs" is one token: the plural is the name
                sf_label, sf_id = label, cid
                if label == "ANALYTE" and long_entry is not None and "chem" in long_entry.flags \
                        and long_entry.xref and dosing_context(doc, span.start, span.end):
                    sf_label, sf_id = "DRUG", long_entry.xref  # "Elemental Ca oral: 2 g/day"
                new = Span(doc, span.start, span.end, label=sf_label)
                new._.concept_id, new._.concept_label, new._.source = sf_id, name or abbr.long, "abbreviation"
                additions.append(new)
        additions += known_abbreviation_spans(doc, table)  # undefined but known: "NMS", "SJS"
        doc._.abbreviations = table
        if unknown:
            # a part of an unknown short form is no entity either: "ATP" in "Adult Treatment
            # Panel III (ATP-III)" is not adenosine triphosphate
            inside = [(m.start(), m.end()) for short in unknown
                      for m in re.finditer(r"(?<![A-Za-z0-9])" + re.escape(short) + r"(?![A-Za-z0-9])",
                                           doc.text)]
            kept = [e for e in ents if not (e.text in unknown and e._.source == "ner")
                    and not any(a <= e.start_char and e.end_char <= b and e.end_char - e.start_char < b - a
                                for a, b in inside)]
            if len(kept) != len(ents):
                ents = kept
                doc.ents = kept
        if additions:
            added = {(s.start, s.end) for s in additions}
            longs = [s for s in additions if s._.source == "lexicon"]
            # Keep recognised entities unless relabelled here or inside a grounded long form.
            # an endpoint phrase built on a drug's short form ("PPI use") was built before the
            # short form was known: the drug is the entity
            drugs = [s for s in additions if s.label_ in ("DRUG", "PROCEDURE")]
            kept = [e for e in ents if (e.start, e.end) not in added
                    and not any(l.start <= e.start and e.end <= l.end for l in longs)
                    and not (e._.source == "endpoint" and any(
                        e.start <= d.start and d.end <= e.end for d in drugs))]
            taken = set()
            for e in kept:
                taken.update(range(e.start, e.end))
            for s in additions:
                if not taken.intersection(range(s.start, s.end)):
                    kept.append(s)
                    taken.update(range(s.start, s.end))
            doc.ents = sorted(kept, key=lambda s: s.start)
        return doc


@Language.factory("litkg_abbreviations")
def make_abbreviations(nlp: Language, name: str) -> AbbreviationResolver:
    return AbbreviationResolver(nlp, name)
