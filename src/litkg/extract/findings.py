"""Phrases the entity recogniser leaves untyped that an adverse-effect pair can be made of:
findings (candidate effects) and names written as given (candidate drugs).

Case reports name many harms as a clinical *finding* rather than a disease: "cutaneous
eruptions", "neurological signs", "anaphylactic reaction", "liver enzyme elevation", "toxic
effects".  Disease vocabularies and a disease NER miss most of them, since
their head is a generic finding noun and their meaning comes from the modifiers.  English noun
phrases are head-final, so such a phrase is found from its head: a noun from the closed list
:data:`FINDING_HEADS`, extended leftwards over the modifier words before it (stopping at function
words, verbs of the harm cues, numbers, punctuation and other entities).  Heads that more
often name a wanted effect ("PTH suppression", "viral suppression") are left out; a generic
head ("changes", "effects", "elevation") counts only with a modifier that is more than a
degree ("skin changes", not "marked changes" or "3-fold elevation": basic-science abstracts
are full of those), and a benefit word ("protective effects") makes no finding.

Drugs the recogniser does not know ("IL-2", "Budefat", "senna") are found by the grammar of
giving instead: the name right after "treated with", "receiving", "administration of" (past
words of how it was given: "use of high-dose X"), an abbreviation, brand or lexicon drug name
right before "therapy", "injection", "dose", a lexicon drug name (one the recogniser only
grounds, taken whole: "cytosine arabinoside") after a cause phrase ("associated with
interleukin-2"), an allergy or a harm of it ("dermatitis to X", "toxicity of X") or listed with
a recognised drug ("with interferon-alpha and interleukin-2"), or a name glued to a cause word
("senna-induced hepatitis", "VGB-associated Y"); never a unit ("mg/m2 dose") nor how or how
long it was given ("cumulative", "10-day") (:func:`given_names`).  An endpoint the recogniser
typed that reads as a finding ("infectious complications") is a finding here.  A finding head right after a recognised condition ("hypersensitivity
reaction") is part of that name, not a second finding.

The spans are *candidates* for the adverse-effect relation only (see
:func:`litkg.extract.claims_relations.adverse_candidates`): they do not become entities of the
document, so entity figures (NER, grounding) are untouched, and the pair classifier decides,
with the span's head among its features, whether a finding is a drug's harm.
"""

import re
from functools import lru_cache

from spacy.tokens import Span

from litkg.extract import claims_lexicon as lex
from litkg.extract.extensions import register_extensions
from litkg.extract.induced import CAUSE_WORDS
from litkg.extract.lexicon import common_words, load_lexicon, norm_token, norm_tokens
from litkg.extract.units import is_unit

#: label given to the spans; the relation stage treats it as a condition
FINDING_LABEL = "PHENOTYPE"

#: generic heads of finding phrases (singular and plural)
FINDING_HEADS = frozenset("""
eruption eruptions rash rashes reaction reactions effect effects abnormality abnormalities
manifestation manifestations sign signs symptom symptoms complication complications lesion
lesions damage injury injuries degeneration detachment perforation discoloration dermatosis
dermatoses nodule nodules crisis elevation elevations toxicity toxicities disorder disorders
insult intoxication poisoning overdose death deaths mortality changes dysfunction
impairment deterioration syndrome
""".split())

#: words that end a modifier run: function words, auxiliaries and common clause verbs
_STOP = frozenset("""
a an the this that these those his her its their our your my of in on at to for from by with
without and or but nor as than then so such no not any all some other both each either neither
is are was were be been being has have had having do does did will would can could may might
should must shall who which whose whom what when where while after before during since until
upon following developed develop develops developing showed shows show had experienced
presented present reported report describe described observed noted found occurred occur
saw seen see
occurs including include includes also very most more less rare rarely common commonly
patient patients case cases man woman boy girl child children infant adult we it they he she
there here one two three four five six first second third new known possible potential
""".split())

_WORD = re.compile(r"^[A-Za-z][A-Za-z'-]*$")
_MAX_MODIFIERS = 3

#: heads that name a harm only through a clinical modifier ("skin changes", "toxic effects",
#: "liver enzyme elevation"); bare or with a degree word ("changes", "3-fold elevation",
#: "marked changes") they are any finding of a basic-science abstract
_GENERIC_HEADS = frozenset({"changes", "effect", "effects", "elevation", "elevations"})
#: modifiers of degree, number or kind, which make no finding clinical
_DEGREE = frozenset("""
fold significant marked slight mild several various different similar overall additional
further possible dose-dependent time-dependent concentration-dependent minor major small subtle
electrophysiological pharmacological physiological
""".split())
#: modifiers that make the finding a benefit ("protective effects", "therapeutic effects")
_BENEFIT = frozenset("""
beneficial protective therapeutic favorable favourable positive desired desirable
antitumor antitumour anti-inflammatory analgesic antiviral antibacterial
""".split())


#: words that add no clinical content to a harm word ("severe side effects", "unwanted
#: complications")
_HARM_ONLY = frozenset("""
side adverse unwanted undesirable undesired untoward unexpected severe serious fewer frequent
mediated effect effects complication complications -
""".split())


def names_only_harm(span: Span) -> bool:
    """"side effects", "various adverse effects", "unwanted complications": a finding that says
    only that there was harm.  It stays a finding (the classifier reads it as a list head:
    "side effects include A and B"), but names no effect of its own."""
    words = [t.lower_ for t in span]
    return words[-1] in ("effect", "effects", "complication", "complications") and \
        all(w in _HARM_ONLY or w in _DEGREE for w in words)


def _modifier(token, sent_start: int) -> bool:
    """May ``token`` stand in front of a finding head as one of its modifiers?"""
    low = token.lower_
    if not _WORD.match(token.text) or low in _STOP or low.startswith(lex.ADVERSE_CUES):
        return False
    if low.endswith("ly") and not low.endswith(("ily", "ply")):
        return False  # an adverb belongs to the verb ("rarely causes")
    # a capitalised word inside the sentence is a name (of a drug, place, author), not a modifier
    return token.i == sent_start or not token.text[0].isupper() or token.text.isupper()


def _clinical(modifiers: Span, head: str) -> bool:
    """Can ``modifiers`` + ``head`` name a harm?  Not with a benefit word; a generic head needs
    a modifier other than a degree word (see :data:`_GENERIC_HEADS`)."""
    words = {t.lower_ for t in modifiers}
    # ("antiparkinsonian effects", "antinociceptive effects": an anti- word names what it counters)
    if words & _BENEFIT or (head in _GENERIC_HEADS and any(w.startswith("anti") for w in words)):
        return False
    return head not in _GENERIC_HEADS or bool(words - _DEGREE)


def finding_spans(sent: Span, ents: list[Span]) -> list[Span]:
    """Finding phrases of ``sent`` that overlap none of ``ents`` (see the module docstring),
    and findings named by a change (:func:`change_spans`)."""
    register_extensions()
    doc = sent.doc
    covered = {i for e in ents for i in range(e.start, e.end)}
    named_before = {e.end - 1 for e in ents if e.label_ in ("CONDITION", "PHENOTYPE")}
    out = []
    for tok in sent:
        if tok.lower_ not in FINDING_HEADS or tok.i in covered:
            continue
        if tok.i + 1 < sent.end and doc[tok.i + 1].lower_ in FINDING_HEADS:
            continue  # "drug reaction syndrome": the last head is the phrase's head
        start = tok.i
        while start > sent.start and tok.i - start < _MAX_MODIFIERS and \
                start - 1 not in covered and _modifier(doc[start - 1], sent.start):
            start -= 1
        # "long-term side effects": a hyphenated modifier is one word ("long-term"), not a
        # finding "term side effects" with a stray "long-" before it
        while start - 2 >= sent.start and doc[start - 1].text == "-" and \
                not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_ and \
                start - 2 not in covered and _modifier(doc[start - 2], sent.start):
            start -= 2
        if start - 1 in named_before:
            continue  # "hypersensitivity reaction": the condition before already names it
        if not _clinical(doc[start:tok.i], tok.lower_):
            continue
        span = Span(doc, start, tok.i + 1, label=FINDING_LABEL)
        span._.source = "finding"  # tells the pair classifier it is no recognised entity
        out.append(span)
    out += [_as_finding(e) for e in ents if e.label_ == "ENDPOINT" and _reads_as_finding(e)]
    # findings named by a change ("decreased visual acuity"), where no head finding stands
    return sorted(out + change_spans(sent, list(ents) + out), key=lambda s: s.start)


#: words that open an endpoint's name and make it a finding ("altered mental status")
_ABNORMAL = frozenset({"abnormal", "altered", "impaired", "unusual"})
#: finding heads that, in an endpoint's name, name what a trial counts ("28-day mortality")
_COUNTED_HEADS = frozenset({"mortality", "death", "deaths"})


def _reads_as_finding(e: Span) -> bool:
    """Does an endpoint's name read as a clinical finding: a finding head with a clinical
    modifier ("infectious complications", "vague symptoms") or an abnormality of what it
    measures ("abnormal retinal function")?  The endpoint recogniser takes them for what a
    study measured; a case report names them as what a patient had."""
    head, first = e[-1].lower_, e[0].lower_
    if first in _ABNORMAL and len(e) >= 2:
        return True
    return head in FINDING_HEADS and head not in _COUNTED_HEADS and len(e) >= 2 and \
        _clinical(e[:-1], head) and all(_modifier(t, e.start) for t in e[:-1])


def _as_finding(e: Span) -> Span:
    span = Span(e.doc, e.start, e.end, label=FINDING_LABEL)
    span._.source = "finding"
    return span


#: participles and adjectives that name a harm by a change of what follows ("decreased visual
#: acuity", "increased vascular permeability", "impaired macrophage migration"): English puts
#: them before the noun, so the phrase is found from its first word, rightwards
CHANGE_BEFORE = frozenset("""
increased decreased elevated raised reduced lowered diminished impaired abnormal altered
prolonged depressed excessive
""".split())
#: nouns of a change whose object follows after "of" / "in" ("increase in pulmonary artery
#: pressure", "deepening of the lid sulcus", "exacerbation of maladaptive behaviours")
CHANGE_NOUNS = frozenset("""
increase increases decrease decreases rise fall drop reduction loss deepening exacerbation
worsening production prolongation
""".split())
#: what a change may be of without naming a finding: an exposure, a count or a chance
#: ("increased dose", "increase in the number", "reduced risk")
_NOT_FINDING = frozenset("""
dose doses dosage dosing use risk risks number incidence frequency likelihood odds chance
probability rate rates need amount time duration survival efficacy response responses
concentration concentrations exposure clearance absorption
""".split())
_DETERMINERS = frozenset({"the", "a", "an"})
#: where a level is measured, written before an analyte's name ("plasma thyroxine", "urinary
#: calcium")
SPECIMENS = frozenset("""
plasma serum sera blood urinary urine csf cerebrospinal salivary saliva circulating fecal faecal
stool sputum erythrocyte intracellular extracellular whole
""".split())


def _run_after(sent: Span, start: int, covered: set[int]) -> int:
    """End of the run of up to :data:`_MAX_MODIFIERS` modifier-like words from ``start``."""
    doc, end = sent.doc, start
    while end < sent.end and end - start < _MAX_MODIFIERS and end not in covered and \
            doc[end].lower_ not in CHANGE_NOUNS and _modifier(doc[end], -1) and \
            not _past_form(doc[end].lower_):
        end += 1
    return end


def _past_form(word: str) -> bool:
    """A past form ends the run ("increased based on"): the phrase is a noun's."""
    return len(word) > 4 and word.endswith("ed")


#: auxiliaries that make a participle a verb ("the dose was increased"), not a finding's word
_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being", "get", "got",
                          "gets", "became", "become", "becomes", "remained"})


def _predicative(doc, i: int, sent_start: int) -> bool:
    """Is the participle at ``i`` a verb after an auxiliary, past adverbs ("was gradually
    increased")?"""
    k = _before_adverbs(doc, i, sent_start)
    return k >= sent_start and doc[k].lower_ in _AUXILIARIES


def _before_adverbs(doc, i: int, sent_start: int) -> int:
    """The token before ``i`` past any "-ly" adverbs ("was gradually increased")."""
    k = i - 1
    while k >= sent_start and doc[k].lower_.endswith("ly"):
        k -= 1
    return k


#: the labels of what is given (as in claims_relations.DRUG_LABELS; not imported, which
#: would make findings depend on the claim stage)
_GIVEN_LABELS = frozenset({"DRUG", "PROCEDURE"})


def _drugs_verb(doc, i: int, sent_start: int, ents: list[Span]) -> bool:
    """Is the "-ed" word at ``i`` the verb of a drug named right before it, past adverbs
    ("Allopurinol (significantly) decreased serum urate")?  It then reports the drug's effect,
    an outcome; it names no finding."""
    if not doc[i].lower_.endswith("ed"):
        return False
    k = _before_adverbs(doc, i, sent_start)
    return k >= sent_start and any(e.end == k + 1 and e.label_ in _GIVEN_LABELS for e in ents)


def change_spans(sent: Span, ents: list[Span]) -> list[Span]:
    """Findings named by a change (see :data:`CHANGE_BEFORE`, :data:`CHANGE_NOUNS`): the change
    word and the one to three words it changes, which overlap no entity; a change of a dose,
    a risk or a count (:data:`_NOT_FINDING`) or to the better names no finding."""
    register_extensions()
    doc = sent.doc
    covered = {i for e in ents for i in range(e.start, e.end)}
    out: list[Span] = []
    for tok in sent:
        low, i = tok.lower_, tok.i
        if i in covered or (out and i < out[-1].end):
            continue
        if low in CHANGE_BEFORE and not _predicative(doc, i, sent.start) and \
                not _drugs_verb(doc, i, sent.start, ents):
            first = i + 1
        elif low in CHANGE_NOUNS and i + 1 < sent.end and doc[i + 1].lower_ in ("of", "in"):
            first = i + 2
            while first < sent.end and doc[first].lower_ in _DETERMINERS:
                first += 1
        else:
            continue
        end = _run_after(sent, first, covered)
        named = next((e for e in ents if e.start == end), None) if end < sent.end else None
        if named is not None and end > first and \
                all(t.lower_ in SPECIMENS for t in doc[first:end]):
            # "depressed plasma thyroxine", "elevated serum creatinine": a specimen word says the
            # change is of the level named next, so the finding takes that name in; cut before
            # it, "depressed plasma" would name nothing
            end = named.end
        elif named is not None and named.label_ in ("CONDITION", "PHENOTYPE"):
            continue  # "reduced hepatic necrosis": the change and its modifiers are the condition's
        words = {t.lower_ for t in doc[first:end]}
        if end == first or doc[end - 1].lower_ in _NOT_FINDING or words & _BENEFIT:
            continue
        if low in _FALL and _names_condition(doc[first:end]):
            continue  # "a reduction in itching": a fall of a disease or symptom is no harm
        span = Span(doc, i, end, label=FINDING_LABEL)
        span._.source = "finding"
        out.append(span)
    return out


#: change words that say something fell ("loss" is left out: "loss of vision" is a harm)
_FALL = frozenset("""
decreased reduced lowered diminished decrease decreases fall drop reduction
""".split())


def _names_condition(words: Span) -> bool:
    """Do ``words`` name a disease or symptom in the lexicon ("itching", "pain"), rather than a
    function or a level that may fall to harm ("visual acuity", "platelet count")?"""
    if any(t.text.isupper() for t in words):
        return False  # an abbreviation ("decreased MED") grounds too loosely to tell
    entry = load_lexicon().lookup(words.text)
    return entry is not None and entry.label in ("CONDITION", "PHENOTYPE")


#: words after a name that say it was given: "insulin therapy", "G-CSF injection"
GIVEN_AFTER = frozenset({"therapy", "treatment", "treatments", "administration", "infusion",
                         "infusions", "injection", "injections", "dose", "doses", "dosage",
                         "monotherapy", "regimen", "overdose", "ingestion", "prophylaxis",
                         "tablets", "capsules"})
#: words before a name that say it was given: "treated with SASP", "receiving G-CSF",
#: "exposed prenatally to VGB"
GIVEN_BEFORE = re.compile(r"\b((treated|treatment|therapy) with|receiv(ing|ed|es)|taking|took|"
                          r"(administrations?|injections?|infusions?|doses?|ingestion|overdose|use|"
                          r"courses?|initiation|introduction|start) of|given|administered|"
                          r"exposed( \w+ly)? to|exposure to)\s*$",
                          re.I)
#: words before a name that make it a candidate cause: "associated with interleukin-2"
CAUSE_BEFORE = re.compile(r"\b((associated|induced|caused|triggered|precipitated) by|"
                          r"(associated|related|attributed|secondary|due) to|associated with|"
                          r"after|following|during)\s*$", re.I)
_NAME_END = {",", ".", ";", ":", "(", ")", "[", "]", "/"}


@lru_cache(maxsize=1)
def _everyday() -> frozenset[str]:
    return common_words()


def _glued_run(sent: Span, start: int, covered: set[int]) -> int:
    """End of the token run from ``start`` written without spaces ("IL-2", "IFN-alpha")."""
    doc = sent.doc
    end = start + 1
    while end < sent.end and end not in covered and doc[end - 1].whitespace_ == "" and \
            doc[end].text not in _NAME_END:
        end += 1
    return end


def _in_unit(span: Span) -> bool:
    """Part of a unit or ratio ("100 mg/m2 dose", "mg/kg"): glued to a slash before it, or a
    unit itself."""
    doc = span.doc
    glued_slash = span.start > 0 and doc[span.start - 1].text == "/" and \
        not doc[span.start - 1].whitespace_
    return glued_slash or is_unit(span.text)


#: devices, procedures and exposures that cause findings but are no drugs ("catheter-associated
#: thrombosis", "CAPD-related peritonitis", "ventilator-associated pneumonia")
_NOT_DRUGS = frozenset("""
catheter catheters stent stents device devices implant implants pacemaker pacemakers prosthesis
shunt shunts tube tubes ventilator ventilation transfusion transfusions transplant
transplantation surgery radiation radiotherapy dialysis hemodialysis haemodialysis capd
infection infections mold molds virus bacteria smoking exercise trauma injury stress
""".split())


def _may_name_a_drug(span: Span, abbreviation_only: bool) -> bool:
    text = span.text
    if not text[0].isalnum() or len(text) < 2 or text.lower() in _STOP or \
            text.lower() in _NOT_DRUGS or \
            text.lower().startswith(lex.ADVERSE_CUES) or _in_unit(span):
        return False
    coined = any(ch.isupper() or ch.isdigit() for ch in text[1:])  # "IL-2", "AZA", "KW-2149"
    if abbreviation_only:
        return coined
    return coined or text.lower() not in _everyday()


#: how a drug was given, written before its name: "high-dose cytosine arabinoside", "oral X"
_HOW_GIVEN = frozenset("""
high low dose doses oral intravenous iv topical subcutaneous intramuscular intrathecal
intravesical inhaled recombinant systemic daily single repeated prolonged long short term
chronic excessive therapeutic standard cumulative concomitant parenteral intrauterine prenatal
continuous intermittent adjuvant maintenance sustained extended slow release
""".split())
#: a duration written as one word: "10-day treatment with X"
_DURATION = re.compile(r"^\d+(\.\d+)?-?(hours?|days?|weeks?|months?|years?|h|d|wk)$", re.I)
_HYPHENS = ("-", "\u2013")


def _cause_at(doc, k: int, sent_end: int) -> bool:
    """Does a cause word start at token ``k`` ("-induced", " associated")?"""
    if k < sent_end and doc[k].text in _HYPHENS:
        k += 1
    return k < sent_end and doc[k].lower_ in CAUSE_WORDS


def _name_end(sent: Span, start: int, covered: set[int]) -> int:
    """End of the glued run from ``start``, cut before a cause word: in "senna-induced
    hepatitis" the name is "senna"."""
    end = _glued_run(sent, start, covered)
    for k in range(start + 1, end):
        if sent.doc[k].text in _HYPHENS and _cause_at(sent.doc, k, end):
            return k
    return end


def _known_drug(span: Span) -> bool:
    """A name the lexicon knows as a drug, though only to ground it ("streptokinase")."""
    entry = load_lexicon().lookup(span.text)
    return entry is not None and entry.label == "DRUG"


#: words before a name that make a drug the lexicon knows a candidate cause: "dermatitis to X",
#: "the pulmonary toxicity of X", "with A and X" (listed with a recognised drug)
KNOWN_DRUG_BEFORE = re.compile(r"(\b(allerg\w*|hypersensitivity|dermatitis|reactions?|"
                               r"intolerance|sensitivity) to|\b(side|adverse|toxic) effects? of|"
                               r"\btoxicit(y|ies) of|<DRUG> (and|or|,))\s*$", re.I)


def _known_drug_end(sent: Span, start: int, covered: set[int]) -> int | None:
    """End of the longest name of two to four words from ``start`` that the lexicon knows as
    a drug, though only to ground it ("cytosine arabinoside"): the glued run of
    :func:`_name_end` would keep its first word only.  A capitalised name is left out: the
    drug dictionary also lists organisms' allergen extracts ("Listeria monocytogenes")."""
    doc = sent.doc
    # most words open no drug name of several words: one set look-up rules them out
    if doc[start].text[:1].isupper() or \
            norm_token(doc[start].text).split(" ")[0] not in _drug_first_words():
        return None
    entries = load_lexicon().entries
    for end in range(min(sent.end, start + 4), start + 1, -1):
        entry = entries.get(" ".join(norm_tokens(t.text for t in doc[start:end])))
        if entry is not None and entry.label == "DRUG" and \
                all(k not in covered for k in range(start, end)):
            return end
    return None


@lru_cache(maxsize=1)
def _drug_first_words() -> frozenset[str]:
    """First words of the lexicon's drug names of several words."""
    return frozenset(k.split(" ", 1)[0] for k, e in load_lexicon().entries.items()
                     if e.label == "DRUG" and " " in k)


def _written_as_given(span: Span, before: str, after: str, sent_end: int) -> bool:
    """Does the grammar around ``span`` (``before``: the words before it, past how it was
    given, with a recognised drug written ``<DRUG>``; ``after``: the next word) make it a drug
    candidate?  See :func:`given_names`."""
    doc, end = span.doc, span.end
    after_giving = GIVEN_BEFORE.search(before) and _may_name_a_drug(span, False)
    before_giving = after in GIVEN_AFTER and (
        _may_name_a_drug(span, True) or (_may_name_a_drug(span, False) and _known_drug(span)))
    after_cause = (CAUSE_BEFORE.search(before) or KNOWN_DRUG_BEFORE.search(before)) and \
        _may_name_a_drug(span, False) and _known_drug(span)
    # glued to a cause word; spaced ("medically induced") only for a coined name ("dextran-40")
    glued_cause = _cause_at(doc, end, sent_end) and len(span.text) >= 3 and \
        _may_name_a_drug(span, doc[end].text not in _HYPHENS)
    return bool(after_giving or before_giving or after_cause or glued_cause)


def given_names(sent: Span, ents: list[Span]) -> list[Span]:
    """Unrecognised names written as given: after a giving phrase ("treated with Budefat",
    also past how it was given: "use of high-dose X"), a name before a giving noun that is an
    abbreviation or a drug the lexicon knows ("IL-2 therapy", "streptokinase treatment"), a
    drug the lexicon knows after a cause phrase ("Y associated with interleukin-2"), or a
    name glued to a cause word ("senna-induced Y", "VGB-associated Y"); typed DRUG."""
    register_extensions()
    doc = sent.doc
    covered = {i for e in ents for i in range(e.start, e.end)}
    drug_ends = {e.end for e in ents if e.label_ == "DRUG"}
    out: list[Span] = []
    taken: set[int] = set()
    for tok in sent:
        i = tok.i
        if i in covered or i in taken:
            continue
        end = max(_name_end(sent, i, covered), _known_drug_end(sent, i, covered) or 0)
        words = [t.lower_ for t in doc[i:end] if t.text not in _HYPHENS]
        if all(w in _HOW_GIVEN for w in words) or _DURATION.match(doc[i:end].text):
            continue  # "high-dose", "10-day": how or how long it was given, not what
        if end < sent.end and any(e.start == end and e.label_ == "DRUG" for e in ents):
            continue  # "sustained-release procainamide": a word before a drug's name is its modifier
        span = Span(doc, i, end, label="DRUG")
        after = doc[end].lower_ if end < sent.end else ""
        k = i
        while k > sent.start and (doc[k - 1].lower_ in _HOW_GIVEN or doc[k - 1].text in _HYPHENS):
            k -= 1
        before = doc[max(sent.start, k - 3):k].text
        if k - 1 in drug_ends and doc[k - 1].lower_ in ("and", "or", ","):
            before = "<DRUG> " + doc[k - 1].lower_  # "with interferon-alpha and interleukin-2"
        if _written_as_given(span, before, after, sent.end):
            span._.source = "given"  # tells the pair classifier it is no recognised entity
            out.append(span)
            taken.update(range(i, end))
    return out
