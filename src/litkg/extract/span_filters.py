"""Spans that look like entities and are not: names in references, spinal levels and time
points ("T4"), organism names ("Mycobacterium tuberculosis", "M. bovis"), dates, the first part
of a hyphenated gene or protein name ("PD" of "PD-L1"), a chemical naming a gene element
("androgen response element"); the edges of an NER span that ran into
the phrase around it.

Split from :mod:`litkg.extract.entities` (these filters run on its candidate spans).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from litkg.extract import claims_lexicon as lex
from litkg.extract.units import is_unit

_NAME = r"[A-Z][\w'\u2019-]+(?:\s+(?:de|van|von|der|den|la|le|da|di|du|dos|del)?\s*[A-Z][\w'\u2019-]+)*"
#: One author-year reference: "McMichael and Potter, 1980", "Lin et al, 2007", "Smith 1999a".
_CITATION_ITEM = re.compile(rf"^\s*(?:see |e\.g\.,? |cf\.? )?{_NAME}(?:\s+(?:et al\.?|and|&)\s*(?:{_NAME})?)?"
                            r",?\s+(?:19|20)\d\d[a-z]?\s*$")
_PARENTHESIS = re.compile(r"\(([^()]{4,600})\)")


def citation_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of parentheses that hold author-year references (most of their
    ';'-separated items look like "Name [et al|and Name], Year")."""
    out = []
    for m in _PARENTHESIS.finditer(text):
        items = m.group(1).split(";")
        if sum(1 for item in items if _CITATION_ITEM.match(item)) * 2 >= len(items):
            out.append((m.start(), m.end()))
    return out


_LEVEL = re.compile(r"^[TCLS]\d{1,2}$")


_TIME_UNIT = {"h", "hr", "hrs", "hour", "hours", "min", "mins", "minute", "minutes", "d", "day",
              "days", "wk", "wks", "week", "weeks", "mo", "month", "months"}


def level_or_time_point(doc: Doc, span: Span) -> bool:
    """"T4" in "T7 (T4-T9)" is a dermatome or vertebra, not thyroxine: a level in a range of
    levels of the same letter.  Nor is it in "on T4 h" or in a text that counts its time points
    from "T0": a time point."""
    if span.end - span.start != 1 or not _LEVEL.match(span.text):
        return False
    i = span.start
    if span.text[0] == "T" and ((i + 1 < len(doc) and doc[i + 1].lower_ in _TIME_UNIT)
                                or re.search(r"(?<![\w-])T0(?![\w-])", doc.text)):
        return True
    for a, b in ((i - 2, i - 1), (i + 2, i + 1)):
        if 0 <= a < len(doc) and 0 <= b < len(doc) and doc[b].text in ("-", "–", "to") and \
                _LEVEL.match(doc[a].text) and doc[a].text[0] == span.text[0] and doc[a].text != span.text:
            return True
    return False


_UNIT_TAIL = re.compile(r"\s*/\s*[A-Za-z\u00b5\u03bc]{1,4}\b")


def part_of_a_unit(doc: Doc, span: Span) -> bool:
    """"154 µmol/L": the NER may read "µmol" (or "mmol", "IU") after a number as a chemical; a
    span that, with the "/L" after it, spells a unit names no entity; nor does the liquid of a
    pressure's unit ("10 cm H2O", "5 mm Hg")."""
    if span.text.lower() in ("h2o", "hg") and span.start > 0 and doc[span.start - 1].lower_ in ("cm", "mm"):
        return True
    tail = _UNIT_TAIL.match(doc.text, span.end_char)
    return tail is not None and span.start > 0 and doc[span.start - 1].like_num and \
        is_unit(span.text + tail.group(0).replace(" ", ""))


def names_an_author(doc: Doc, span: Span, cited: list[tuple[int, int]]) -> bool:
    """A name in a reference is a person, not an entity: "Nichols et al. (2005)", or anything
    inside "(McMichael and Potter, 1980; Lin et al, 2007)"."""
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "et" and doc[span.end + 1].lower_.startswith("al"):
        return True
    return any(a <= span.start_char and span.end_char <= b for a, b in cited)


#: Words no entity name starts or ends with.  The statistical NER sometimes runs a name into the
#: words around it ("dry eye in patients with", "the anemia"); a name never ends on a preposition,
#: an article, a conjunction or the population noun.
_EDGE_WORDS = {"in", "with", "without", "of", "for", "to", "by", "on", "at", "from", "as", "and",
               "or", "the", "a", "an", "patients", "patient", "who", "which", "that", ",", ";"}


#: finite verbs no name holds: the span ran into the clause ("Crohn's were enrolled")
_FINITE = {"was", "were", "is", "are", "has", "have", "had", "did", "does"}


_DATE = re.compile(r"^(?:\d{1,2}\s+)?(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|Jun(?:e)?|"
                   r"Jul(?:y)?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|"
                   r"Dec(?:ember)?)\.?(?:\s+\d{1,2},?)?\s+(?:19|20)\d\d$")


def is_date(span: Span) -> bool:
    """"March 2013", "12 Jan 2020": a date the NER took for a name."""
    return bool(_DATE.match(span.text))


#: "p=0.41", "P<0.001", "95%CI": a statistic written without spaces, one token to the NER
_STATISTIC = re.compile(r"^(p\s*[=<>≤≥]\s*0?\.\d+|\d+%\s*ci)$", re.I)


def is_statistic(span: Span) -> bool:
    """"p=0.41": a statistic the NER took for a name."""
    return bool(_STATISTIC.match(span.text))


def ends_no_name(word: str) -> bool:
    """A lower-case word no name ends with: a function word, the population noun, a verb."""
    return word in _EDGE_WORDS or word in _FINITE or word == "be"


def trim_edges(ent: Span) -> Span | None:
    """``ent`` without function words at either edge and without the clause after a finite
    verb in it (None when nothing is left)."""
    start, end = ent.start, ent.end
    doc = ent.doc
    end = next((i for i in range(start + 1, end) if doc[i].lower_ in _FINITE), end)
    # a word stands apart from the name ("A-T", ataxia-telangiectasia, starts with no article)
    while start < end and doc[start].lower_ in _EDGE_WORDS and doc[start].whitespace_:
        start += 1
    while end > start and doc[end - 1].lower_ in _EDGE_WORDS and (
            end - 2 < start or doc[end - 2].whitespace_):
        end -= 1
    if start == end or is_date(doc[start:end]) or is_statistic(doc[start:end]):
        return None
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label_)


_GENUS_ABBREVIATION = re.compile(r"^[A-Z]\.$")


def _after_genus_abbreviation(doc: Doc, i: int) -> bool:
    """Does token ``i`` follow an abbreviated genus, "M." (one token, or "M" and "." when the
    tokenizer split them)?"""
    if i > 0 and _GENUS_ABBREVIATION.match(doc[i - 1].text):
        return True
    return i > 1 and doc[i - 1].text == "." and not doc[i - 2].whitespace_ and \
        len(doc[i - 2].text) == 1 and doc[i - 2].text.isupper()


def without_organism_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """``spans`` without the parts of binomial organism names: the epithet after an abbreviated
    genus ("M. tuberculosis" is the bacterium, not the disease) and a genus the NER took for an
    unknown chemical right before a one-word disease name ("Mycobacterium tuberculosis")."""
    by_start = {sp.start: sp for sp in spans}
    drop = set()
    for sp in spans:
        if len(sp) == 1 and _after_genus_abbreviation(doc, sp.start) and sp.text.islower():
            drop.add(sp.start)
        nxt = by_start.get(sp.end)
        if sp.label_ == "DRUG" and len(sp) == 1 and sp._.concept_id is None and sp.text.istitle() \
                and sp._.source == "ner" and nxt is not None and len(nxt) == 1 \
                and nxt.label_ in ("CONDITION", "PHENOTYPE") and nxt.text.islower() \
                and doc[sp.start].whitespace_:
            drop.update((sp.start, nxt.start))
    return [sp for sp in spans if sp.start not in drop]


#: what "depressed" describes when it means lowered, not low in mood
_MEASURED_AFTER = frozenset({"serum", "plasma", "blood", "urine", "urinary", "circulating",
                             "brain", "hepatic", "renal", "level", "levels", "expression",
                             "activity", "function", "concentration", "concentrations", "mrna",
                             "transcript", "transcripts", "synthesis", "secretion", "production"})
_MEASURED_LABELS = ("ANALYTE", "TARGET", "DRUG")


def without_lowered_meaning(doc: Doc, spans: list[Span]) -> list[Span]:
    """``spans`` without "depressed" where it means lowered ("depressed plasma thyroxine",
    "depressed TRβ mRNA levels", "T4 levels were depressed"), which the NER takes for
    depression."""
    starts = {sp.start: sp for sp in spans}
    ends = {sp.end: sp for sp in spans}

    def measured(i: int) -> bool:  # a measure, or a measured entity, ends at token i - 1
        before = ends.get(i)
        return i > 0 and (doc[i - 1].lower_ in _MEASURED_AFTER or (
            before is not None and before.label_ in _MEASURED_LABELS))

    def lowered(sp: Span) -> bool:
        if sp.text.lower() != "depressed":
            return False
        # "GPHα transcript was depressed": a measure as its subject
        if sp.start > 1 and doc[sp.start - 1].lower_ in ("was", "were", "is", "are", "been") \
                and measured(sp.start - 1):
            return True
        if sp.end >= len(doc):
            return False
        nxt = starts.get(sp.end)
        return doc[sp.end].lower_ in _MEASURED_AFTER or (
            nxt is not None and nxt.label_ in _MEASURED_LABELS)
    return [sp for sp in spans if not lowered(sp)]


_NAME_PART = re.compile(r"^(?:[A-Z]{1,4}\d|\d)")


def part_of_compound_name(doc: Doc, span: Span) -> bool:
    """"PD" in "PD-L1-positive": a hyphen and a code part ("L1", "1") glued after the span make
    it the first half of a longer name (a gene or protein), not a name of its own."""
    end = span.end
    return end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text in ("-", "–") \
        and not doc[end].whitespace_ and bool(_NAME_PART.match(doc[end + 1].text))


def number_of_a_quantity(doc: Doc, start: int, end: int) -> bool:
    """Does the name ``doc[start:end]`` end on the number of a quantity written after it
    ("vitamin K 2 mg": vitamin K at 2 mg, not vitamin K2)?"""
    last = doc[end - 1]
    return end - start > 1 and last.like_num and end < len(doc) and is_unit(doc[end].text)


# ("BRAF/KRAS/NRAS mutant": each gene of a slash list marks the subtype)
_SUBTYPE_AFTER = re.compile(r"(?:/[A-Za-z0-9]+)*(?:-|\s)(?:mutated|mutant|mutation-positive|positive|negative|"
                            r"rearranged|amplified|overexpressing|expressing|deficient|"
                            r"null|wild-type)\b", re.I)


def names_a_subtype(span: Span) -> bool:
    """Is the gene ``span`` the mark of a disease subtype ("EGFR-mutated lung cancer",
    "HER2-positive", "ALK-rearranged"), not a gene product that could rise or fall?"""
    return bool(_SUBTYPE_AFTER.match(span.doc.text, span.end_char))



#: besides the people a text studies (:data:`claims_lexicon.PERSON`), the animals, groups and
#: pronouns a state word may describe ("rats were sedated"), and the words of a person's state
#: ("depressed mood")
_ORGANISMS = frozenset({
    "outpatient", "outpatients", "inpatient", "inpatients", "elderly", "mother", "mothers",
    "father", "fathers", "youth", "youths", "veteran", "veterans", "student", "students",
    "population", "populations", "cohort", "group", "groups", "sample", "they", "he", "she",
    "rat", "rats", "mouse", "mice", "animal", "animals", "dog", "dogs", "monkey", "monkeys",
    "mood", "moods", "affect", "state", "states", "pregnant", "smokers"})
_PERSON = re.compile(lex.PERSON)


def _organism(word: str) -> bool:
    return word in _ORGANISMS or _PERSON.fullmatch(word) is not None


#: verbs that link a subject to a state word after them ("remained depressed")
_LINKING = frozenset({"is", "are", "was", "were", "be", "been", "being", "remain", "remains",
                      "remained", "become", "becomes", "became", "appear", "appears", "appeared",
                      "seem", "seems", "seemed", "stay", "stays", "stayed", "get", "got"})
_DEGREE = frozenset({"not", "still", "further", "also", "less", "more", "very", "slightly",
                     "markedly", "significantly", "severely", "moderately", "mildly", "persistently",
                     "profoundly", "consistently", "clearly", "strongly", "highly", "no", "longer"})


def _skip_degree(doc: Doc, i: int, step: int) -> int:
    while 0 <= i < len(doc) and (doc[i].lower_ in _DEGREE or doc[i].lower_.endswith("ly")):
        i += step
    return i


def state_of_a_thing(doc: Doc, span: Span) -> bool:
    """Is a lone participle typed as a condition ("depressed", "sedated") said of a quantity or a
    process rather than of a person?  "Contractility remained depressed", "depressed activities
    of the enzyme", "amantadine depressed locomotor activity" describe a measure's level; a
    condition is a person's ("depressed patients", "she was depressed", "depressed mood").
    Without a tagger, the word it describes is read from its place: the subject before a
    linking verb in front of it, else the next words."""
    if len(span) != 1 or not span[0].lower_.endswith("ed") or not span[0].is_alpha:
        return False
    i = _skip_degree(doc, span.start - 1, -1)
    if i >= 0 and doc[i].lower_ in _LINKING:
        k = i - 1
        while k >= 0 and (doc[k].lower_ in _LINKING or doc[k].lower_ in _DEGREE
                          or doc[k].lower_.endswith("ly")):
            k -= 1
        return k < 0 or not _organism(doc[k].lower_)
    nxt = [t for t in doc[span.end:span.end + 3] if t.is_alpha]
    following = doc[span.end] if span.end < len(doc) else None
    if following is None or not following.is_alpha or following.lower_ in ("and", "or"):
        return False  # "in the depressed, ..." : nothing follows to describe
    return not any(_organism(t.lower_) for t in nxt)


#: head nouns of a gain in a function: "cognitive enhancement", "memory improvement" name an
#: outcome someone wants, not a disease the NER took it for
_BENEFIT_HEADS = frozenset({"enhancement", "enhancements", "improvement", "improvements",
                            "amelioration", "restoration", "benefit", "benefits"})


def names_a_benefit(span: Span) -> bool:
    """An unknown condition named by a benefit noun ("cognitive enhancement")."""
    return span.label_ in ("CONDITION", "PHENOTYPE") and span._.concept_id is None and \
        span[-1].lower_ in _BENEFIT_HEADS


#: nouns of a stretch of DNA or of a protein ("response element", "binding site", "receptor
#: gene", "-responsive promoter")
_ELEMENT_NOUNS = frozenset({"element", "elements", "promoter", "promoters", "enhancer",
                            "enhancers", "gene", "genes", "motif", "motifs", "sequence",
                            "sequences", "site", "sites", "region", "regions", "box", "domain",
                            "domains", "pocket", "locus"})
#: the word between the chemical and that noun, and the nouns it may take
_ELEMENT_LINKS = {"response": _ELEMENT_NOUNS, "responsive": _ELEMENT_NOUNS,
                  "binding": _ELEMENT_NOUNS - {"gene", "genes", "promoter", "promoters"},
                  "receptor": frozenset({"gene", "genes", "promoter", "promoters", "locus"}),
                  "receptors": frozenset({"gene", "genes"})}


def names_a_gene_element(doc: Doc, span: Span) -> bool:
    """Is a chemical the modifier of a gene or protein element ("androgen response elements",
    "estrogen-responsive promoter", "calcium-binding site", "androgen receptor gene")?  The
    element is named after what binds it; no chemical is given."""
    k = span.end
    if k < len(doc) and doc[k].text in ("-", "–") and not doc[k - 1].whitespace_:
        k += 1
    return k + 1 < len(doc) and doc[k + 1].lower_ in _ELEMENT_LINKS.get(doc[k].lower_, ())


_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,5}s?$")


def undefined_acronym(doc: Doc, span: Span) -> bool:
    """Is ``span`` an acronym no vocabulary knows that the text never defines (no "long form
    (ACR)" nor "ACR (long form)")?  The NER guesses a type for such a letter string from its
    neighbours ("patients with DBS", deep brain stimulation, read as a disease); the
    abbreviation stage re-adds the ones the shipped table knows ("NMS")."""
    text = span.text
    if len(span) != 1 or not _ACRONYM.match(text):
        return False
    stem = re.escape(text[:-1] if text.endswith("s") and len(text) > 2 else text)
    return re.search(rf"\({stem}s?[);,]|(?<![A-Za-z0-9]){stem}s?\s*\(", doc.text) is None


_AMINO_ACIDS = frozenset({
    "alanine", "arginine", "asparagine", "aspartate", "cysteine", "glutamate", "glutamine",
    "glycine", "histidine", "isoleucine", "leucine", "lysine", "methionine", "phenylalanine",
    "proline", "serine", "threonine", "tryptophan", "tyrosine", "valine", "selenocysteine"})
_THREE_LETTER = r"(?:Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val|Sec)"
#: "Arg555Trp", "p.Gly12Asp", "Arg555*", "Gln61Ter", "Cys282Tyr": a protein change
_SUBSTITUTION = re.compile(rf"^(?:p\.)?{_THREE_LETTER}\d+(?:{_THREE_LETTER}|Ter|X|\*|fs\w*|del)$")
#: nouns a residue of a protein is named with ("glutamine repeats", "lysine residues")
_RESIDUE_NOUNS = frozenset({"repeat", "repeats", "residue", "residues", "substitution",
                            "substitutions", "stretch", "stretches", "tract", "tracts", "codon",
                            "codons", "position", "positions"})


def amino_acid_residue(doc: Doc, span: Span) -> bool:
    """Is ``span`` an amino acid named as a residue of a protein change, not given as a drug?
    "arginine 555-to-tryptophan (Arg555Trp)", "glycine-to-alanine", "glutamine and glycine
    repeats", "lysine residues": the name is followed by its position number (not a dose: no
    unit after it), stands on either side of "to" in a substitution, or heads a residue noun
    (also across a coordination of amino acids); or the span is a written substitution."""
    if _SUBSTITUTION.match(span.text):
        return True
    if len(span) != 1 or span.text.lower() not in _AMINO_ACIDS:
        return False
    i, n = span.start, len(doc)

    def word(k: int) -> str:
        return doc[k].lower_ if 0 <= k < n else ""

    nxt = span.end
    if nxt < n and doc[nxt].is_digit and not (nxt + 1 < n and is_unit(doc[nxt + 1].text)) \
            and span.label_ == "DRUG" and word(i - 1) not in _MEASURED_AFTER:
        return True  # "arginine 555": its position in the protein ("serum glycine 250": a level)
    # "555-to-tryptophan", "glycine-to-alanine", "glycine to alanine at position 12"
    before = i - 2 if word(i - 1) in ("-", "–") else i - 1
    if word(before) == "to":
        k = before - 1 if word(before - 1) in ("-", "–") else before
        if word(k - 1) in _AMINO_ACIDS or (k >= 1 and doc[k - 1].is_digit):
            return True
    after = nxt + 1 if word(nxt) in ("-", "–") else nxt
    if word(after) == "to":
        target = after + 2 if word(after + 1) in ("-", "–") else after + 1
        if word(target) in _AMINO_ACIDS:
            return True
    # "glutamine and glycine repeats": skip coordinated amino acids to the head noun
    k = nxt
    while word(k) in ("and", "or", ",", "/") and word(k + 1) in _AMINO_ACIDS:
        k += 2
    return word(k) in _RESIDUE_NOUNS
