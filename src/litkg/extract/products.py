"""Interventions named by their form: "artificial tears", "lubricant eye drops", "vitamin D
supplementation", "ginger extract", "zinc oxide ointment", "nicotine patch".

Drug vocabularies list substances; a trial often names what patients used by its product form,
which no vocabulary lists.  The ``litkg_products`` component (after ``litkg_entities``) labels a
phrase ending in a product-form noun (:data:`FORMS`) as a DRUG (id unknown), when one to three
modifier words stand before the noun on tokens no other entity holds.  A phrase whose modifier
is a drug entity ("nicotine patch") widens that entity instead of adding one, so the drug keeps
its id and the claim names what was given.

Foods are named by their form too ("cranberry juice", "oat bran", "soy protein isolate":
:data:`litkg.extract.natural_products.FOOD_FORMS`), unless the form word modifies a noun after it
("oil palm") or names a body fluid ("gastric juice"); a drug the NER found as the form alone
("tea") widens to the food that names it.  Organisms written as given ("supplementation with
Nigella sativa") are read by :mod:`litkg.extract.natural_products`.

Behavioural and physical interventions and devices are named by a head noun too ("mindfulness
meditation", "cognitive behavioural therapy", "home exercise programme", "transcranial direct
current stimulation", "hydrotherapy", "left ventricular assist device", "stents"): a phrase ending in :data:`PROCEDURE_HEADS` with one to three
modifiers (or one of :data:`PROCEDURE_WORDS` alone) is a PROCEDURE, unless a modifier says it is
the comparison ("standard therapy", "usual care") or a stage of treatment ("initial therapy").

An operation named after the condition it treats ("cataract surgery", "hernia repair", "tumour
resection") is a PROCEDURE, not a mention of the condition: "tears for dry eye after cataract
surgery" does not treat cataract.

A past participle before the form is an adjective of it after a determiner, a number or a
hyphen ("the adjuvanted vaccine", "enteric-coated tablets"), a verb otherwise ("patients
received vaccine").

Solutions and infusions are left out ("saline solution", "buffer solution" are vehicles and
reagents); so are modifiers that are function words, numbers or verbs.
"""

# (no "from __future__ import annotations": spaCy factories need real type objects)

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from litkg.extract.endpoints import STOP_WORDS, glued_hyphen, verb_like
from litkg.extract.extensions import register_extensions
from litkg.extract.natural_products import (FOOD_FORMS, PROTEIN_PRODUCTS,
                                            organism_interventions)

FORMS = frozenset({"tears", "drops", "eyedrops", "ointment", "ointments", "cream", "creams",
                   "gel", "gels", "spray", "sprays", "patch", "patches", "lozenge", "lozenges",
                   "mouthwash", "supplement", "supplements", "supplementation", "extract",
                   "extracts", "vaccine", "vaccines", "lotion", "shampoo", "suppository",
                   "suppositories", "inhaler", "inhalers", "tablets", "capsules", "emollient",
                   "emollients", "dressing", "dressings"})
#: dosing words (the endpoint module's stop words cover function words and judgements)
_STOP = frozenset({"daily", "twice", "once", "mg", "ml", "g", "dose", "doses", "vehicle",
                   # prepositions the endpoint stop words lack: "stable throughout therapy" is
                   # no named therapy
                   "throughout", "following", "despite", "until", "within", "upon", "via",
                   "through", "across", "under", "beyond", "since", "toward", "towards"})
#: forms that are also everyday nouns: "tears" of an eye lubricant, not "annular tears" or
#: "meniscal tears" (injuries); only these modifiers make them a product
_AMBIGUOUS_FORMS = {"tears": frozenset({"artificial", "lubricant", "synthetic",
                                        "preservative-free"})}
#: devices that are an intervention by themselves ("stents were placed", "a pacemaker")
#: ("implant" only with a modifier: "cochlear implant", not "blastocysts begin to implant")
DEVICE_WORDS = frozenset({"stent", "stents", "pacemaker", "pacemakers", "defibrillator",
                          "defibrillators", "prosthesis", "prostheses"})
DEVICE_HEADS = DEVICE_WORDS | {"device", "devices", "implant", "implants"}
#: the heart's own pacemakers: "sinoatrial and atrioventricular nodal pacemakers"
_NATURAL_PACEMAKERS = frozenset({"nodal", "sinoatrial", "sinus", "junctional", "subsidiary",
                                 "latent", "ectopic", "intrinsic", "natural"})
PROCEDURE_HEADS = frozenset({"therapy", "therapies", "training", "program", "programme",
                             "programs", "programmes", "counselling", "counseling", "education",
                             "meditation", "massage", "rehabilitation", "stimulation",
                             "psychotherapy", "intervention", "interventions",
                             # devices put into or onto a patient ("left ventricular assist
                             # device", "drug-eluting stents", "cochlear implant")
                             "device", "devices",
                             # talking interventions ("motivational interviewing", "peer coaching")
                             "interviewing", "coaching", "implant", "implants"} | DEVICE_WORDS)
#: interventions named by one word
PROCEDURE_WORDS = frozenset({"hydrotherapy", "physiotherapy", "psychotherapy", "acupuncture",
                             "meditation", "mindfulness", "hypnotherapy", "phototherapy",
                             "kinesiotherapy", "balneotherapy"} | DEVICE_WORDS)
#: modifiers that make a therapy phrase a comparison, a stage, a drug's role ("adjunctive") or a
#: judgement ("safe"), not a named intervention (function words and the commonest judgements
#: are the endpoint module's stop words, which end a phrase before it gets here)
_NOT_NAMED = frozenset({"active", "add-on", "additional", "adjunct", "adjunctive", "adjuvant",
                        "alternative", "appropriate", "beneficial", "clinical", "combination",
                        "combined", "concomitant", "conventional", "current", "double", "drug",
                        "dual", "early", "efficacious", "empiric", "empirical", "feasible",
                        "first-line", "further", "ideal", "immediate", "important", "initial",
                        "intravenous", "late", "local", "long-term", "maintenance", "medical",
                        "oral", "pharmacological", "possible", "potential", "previous",
                        "prior", "promising", "prophylactic", "regular", "replacement",
                        "rescue", "routine", "safe", "safer", "salvage", "second-line", "sham",
                        "short-term", "single", "specific", "standard", "subsequent",
                        "substitution", "successful", "suitable", "supportive", "systemic",
                        "targeted", "therapeutic", "topical", "traditional", "treatment",
                        "trial", "triple", "usual", "usual-care"})
#: nouns that make "<condition> <noun>" an operation on it
OPERATIONS = frozenset({"surgery", "surgeries", "operation", "operations", "repair", "repairs",
                        "resection", "resections", "extraction", "excision", "removal",
                        "replacement", "reconstruction", "ablation", "correction", "release",
                        "drainage", "debridement"})
_CONDITIONS = ("CONDITION", "PHENOTYPE")
#: words of funders' and health systems' programmes, not of a patient's intervention
_NOT_PROGRAMME = frozenset({"research", "assessment", "national", "sector", "public",
                            "government", "funding", "grant", "institute", "council",
                            "existing", "viable", "unclear", "plus", "if"})
_MEASURE_AFTER = frozenset({"time", "duration", "load", "capacity", "adherence", "attendance",
                            "score", "scores", "group", "groups", "arm", "sessions"})
_WORD = re.compile(r"^[A-Za-z][A-Za-z'’-]*$")
MAX_MODIFIERS = 3
#: words of a route or release between a drug and its form ("desmopressin nasal spray",
#: "diclofenac topical gel", "fentanyl transdermal patch"): the phrase is still the drug
ROUTE_WORDS = frozenset({"nasal", "intranasal", "oral", "topical", "transdermal", "ophthalmic",
                         "intravenous", "iv", "subcutaneous", "intramuscular",
                         "vaginal", "rectal", "inhaled", "sublingual", "buccal", "otic",
                         "dermal", "cutaneous", "eye", "ear", "skin", "extended-release",
                         "sustained-release", "controlled-release", "modified-release",
                         "slow-release"})
MAX_PROCEDURE_MODIFIERS = 4  # "mindfulness based stress reduction program"
_DRUG = "DRUG"


#: "gastric juice", "duodenal juice": an adjective of an organ before "juice"
_BODY_FLUID = re.compile(r"(?:ic|al|ary|ive)$")


#: nouns after a food that still name what was given ("cranberry juice consumption")
_GIVEN_NOUNS = frozenset({"consumption", "intake", "supplementation", "supplement", "group",
                          "groups", "arm", "arms", "administration", "ingestion", "diet", "diets",
                          "drinkers", "users", "treatment", "use"})


def _noun_after(tok) -> bool:
    word = tok.lower_
    return tok.is_alpha and word not in STOP_WORDS and word not in _STOP and \
        not verb_like(word) and word not in _GIVEN_NOUNS and not word.endswith("ly")


def _food_form(doc: Doc, i: int) -> bool:
    """Token ``i`` ends a food product's name by its form: "cranberry juice", "oat bran", "soy
    protein isolate" (a protein product only after "protein": "clinical isolates" are
    bacteria)."""
    word = doc[i].lower_
    return word in FOOD_FORMS or (word in PROTEIN_PRODUCTS and i > 0
                                  and doc[i - 1].lower_ == "protein")


def _modifier(tok, taken: set[int]) -> bool:
    word = tok.lower_
    return (tok.i not in taken and len(word) > 1 and _WORD.match(tok.text) is not None
            and word not in _STOP
            and word not in STOP_WORDS and word not in _NOT_PROGRAMME
            and (not verb_like(word) or word == "based"))


#: words before a past participle that make it an adjective of the product ("the adjuvanted
#: vaccine", "an inactivated vaccine", "with coated tablets"), not a verb taking the product as
#: its object ("patients received vaccine")
_ATTRIBUTIVE_BEFORE = frozenset({"a", "an", "the", "this", "these", "that", "those", "each",
                                 "both", "their", "its", "his", "her", "our", "with", "of"})


def _attributive_participle(doc: Doc, k: int, taken) -> bool:
    """Is token ``k`` a participle used as an adjective of a product form ("the adjuvanted
    vaccine", "two inactivated vaccines", "enteric-coated tablets")?"""
    tok = doc[k]
    if k in taken or not tok.is_alpha or not tok.lower_.endswith("ed") or not verb_like(tok.lower_):
        return False
    if k == 0 or tok.is_sent_start:
        return True
    prev = doc[k - 1]
    return prev.lower_ in _ATTRIBUTIVE_BEFORE or prev.like_num or glued_hyphen(doc, k - 1)


def _phrase_start(doc: Doc, start: int, head: int) -> int:
    """Never start inside a hyphenated word: "home-based HIIT program" keeps "HIIT program",
    "12-month lifestyle intervention" keeps "lifestyle intervention"."""
    while start < head and start > 0 and glued_hyphen(doc, start - 1):
        start += 1
    return start


def add_products(doc: Doc) -> Doc:
    """Add DRUG and PROCEDURE spans for interventions named by form (see the module doc)."""
    # "the roles of Lupinus luteus in the management of ...": an organism given
    ents = organism_interventions(doc, list(doc.ents))
    changed = len(ents) != len(doc.ents) or any(a is not b for a, b in zip(ents, doc.ents))
    by_token = {i: e for e in ents for i in range(e.start, e.end)}
    for tok in doc:
        food = _food_form(doc, tok.i)
        if tok.lower_ not in FORMS and not food:
            continue
        found = by_token.get(tok.i)
        # "oat bran", "black tea": the NER's drug may be the form alone; the food names it
        if found is not None and not (food and len(found) == 1 and found.label_ == _DRUG):
            continue
        start = tok.i
        while start - 1 >= 0 and tok.i - (start - 1) <= MAX_MODIFIERS and \
                not doc[start].is_sent_start and (_modifier(doc[start - 1], by_token) or
                                                  _attributive_participle(doc, start - 1, by_token)
                                                  or (glued_hyphen(doc, start - 1)
                                                      and start - 1 not in by_token)):
            start -= 1
        # the drug right before the form, or before route words that lead to it
        route = tok.i
        while route - 1 > start - 1 and tok.i - route < MAX_MODIFIERS and \
                doc[route - 1].lower_ in ROUTE_WORDS and route - 1 not in by_token:
            route -= 1
        before = by_token.get(route - 1)
        if before is not None and before.label_ == _DRUG and before.end == route:
            # "nicotine patch", "vitamin D supplementation": the drug, in its form
            wider = Span(doc, before.start, tok.i + 1, label=_DRUG)
            wider._.concept_id, wider._.concept_label = before._.concept_id, before._.concept_label
            wider._.source = before._.source
            ents = [e for e in ents if e is not before] + [wider]
            by_token.update({i: wider for i in range(wider.start, wider.end)})
            changed = True
            continue
        start = _phrase_start(doc, start, tok.i)
        if start == tok.i:
            continue  # "drops", "tears" alone say nothing
        allowed = _AMBIGUOUS_FORMS.get(tok.lower_)
        if allowed is not None and not allowed & {t.lower_ for t in doc[start:tok.i]}:
            continue  # "annular tears": an injury
        if tok.lower_ in ("juice", "juices") and _BODY_FLUID.search(doc[tok.i - 1].lower_):
            continue  # "gastric juice", "pancreatic juice": a body fluid
        if food and tok.i + 1 < len(doc) and _noun_after(doc[tok.i + 1]):
            continue  # "oil palm", "tea plantation": the form word modifies a noun after it
        span = Span(doc, start, tok.i + 1, label=_DRUG)
        span._.source = "product"
        if found is not None:
            ents = [e for e in ents if e is not found]
            if found._.concept_id:  # "black tea" is tea; an unknown "bran" names nothing more
                span._.concept_id, span._.concept_label = found._.concept_id, found._.concept_label
        ents.append(span)
        by_token.update({i: span for i in range(span.start, span.end)})
        changed = True
    # heads first, so "mindfulness meditation" is one phrase, then lone intervention words
    order = [t for t in doc if t.lower_ in PROCEDURE_HEADS] + \
        [t for t in doc if t.lower_ in PROCEDURE_WORDS and t.lower_ not in PROCEDURE_HEADS]
    for tok in order:
        word = tok.lower_
        if tok.i in by_token:
            continue
        start = tok.i
        while start - 1 >= 0 and tok.i - (start - 1) <= MAX_PROCEDURE_MODIFIERS and \
                not doc[start].is_sent_start and _modifier(doc[start - 1], by_token):
            start -= 1
        start = _phrase_start(doc, start, tok.i)
        modifiers = {t.lower_ for t in doc[start:tok.i]}
        if modifiers & _NOT_NAMED or (start == tok.i and word not in PROCEDURE_WORDS):
            continue
        if start > 0 and not doc[start].is_sent_start and doc[start].text[:1].isupper() \
                and doc[start - 1].text[:1].isupper():
            continue  # "National Cholesterol Education Program": the end of an institution's name
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in _MEASURE_AFTER:
            continue  # "meditation time", "training load": a measure of it
        if word in DEVICE_HEADS and (
                (tok.i + 1 < len(doc) and _noun_after(doc[tok.i + 1])) or
                modifiers & _NATURAL_PACEMAKERS):
            continue  # "stent apposition", "stent thrombosis"; "atrioventricular nodal pacemakers"
        if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in ("with", "of") and \
                by_token.get(tok.i + 2) is not None:
            continue  # "therapy with calcium": the drug is the intervention
        span = Span(doc, start, tok.i + 1, label="PROCEDURE")
        span._.source = "product"
        ents.append(span)
        by_token.update({i: span for i in range(span.start, span.end)})
        changed = True
    for e in list(ents):
        if e.label_ in _CONDITIONS and e.end < len(doc) and doc[e.end].lower_ in OPERATIONS \
                and e.end not in by_token:
            op = Span(doc, e.start, e.end + 1, label="PROCEDURE")
            op._.source = "product"
            ents = [x for x in ents if x is not e] + [op]
            changed = True
    if changed:
        doc.ents = sorted(ents, key=lambda s: s.start)
    return doc


@Language.factory("litkg_products", requires=["doc.ents"], assigns=["doc.ents"])
def make_products(nlp: Language, name: str):
    register_extensions()
    return add_products
