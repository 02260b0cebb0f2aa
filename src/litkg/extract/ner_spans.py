"""What the words of a name say about what it names, when no vocabulary settles it.

The entity recogniser (:mod:`litkg.extract.entities`) combines a trained NER with the lexicon.
Many spans reach it that no vocabulary confirms or that the NER typed by analogy; these tests
read the span's own words instead:

- salt forms and counter-ions that do not change the drug ("amlodipine besylate");
- WHO INN / USAN stems that make an unlisted word a drug name ("-tinib", "-mab");
- gene symbols written as such ("IL-10", "CXCL12");
- heads that turn an NER "disease" into something else: a biologic named after a disease
  ("hepatitis B immune globulin"), a body part ("optic nerve"), an enzyme ("-ase");
- a disease span that opens with a drug name ("Cephalexin rash"): two entities;
- a lone everyday word the NER tagged in prose from another field ("ever", "plates");
- a "condition" that names a physiological process ("platelet aggregation"): a measured quantity;
- an ungrounded "chemical" made of English words ("growth cone", "axons elongate").
"""

import re

from spacy.tokens import Doc, Span

from litkg.extract.induced import CAUSE_WORDS
from litkg.extract.lexicon import FLAG_SHORT, Entry, common_words, english_words, norm_token

# Counter-ions and salt forms (normalised: no plural -s) that do not change the drug named.
SALT_WORDS = {"hydrochloride", "dihydrochloride", "hcl", "hydrobromide", "sulfate", "bisulfate",
              "maleate", "mesylate", "mesilate", "citrate", "tartrate", "bitartrate", "acetate",
              "besylate", "besilate", "fumarate", "hemifumarate", "succinate", "phosphate",
              "bromide", "chloride", "monohydrate", "dihydrate", "trihydrate", "hydrate",
              "hyclate", "gluconate", "lactate", "sodium", "disodium", "potassium", "calcium",
              "magnesium", "tosylate", "napadisylate", "pamoate", "valerate", "propionate",
              "dipropionate", "embonate", "nitrate", "salt"}
IONS = {"sodium", "potassium", "calcium", "magnesium", "lithium", "ammonium", "zinc", "iron",
        "ferrous", "ferric", "aluminium", "aluminum", "barium", "silver", "copper", "hydrogen",
        "disodium", "dipotassium"}

# WHO INN / USAN stems: a token ending so is a drug name even when no vocabulary lists it
# (new drugs appear faster than vocabularies).  Only long, purely alphabetic tokens.
INN_STEM = re.compile(
    r"(mab|tinib|ciclib|parib|lisib|zomib|pril|prilat|sartan|olol|alol|dipine|azepam|azolam|"
    r"barbital|caine|fentanil|fentanyl|cillin|mycin|micin|floxacin|oxacin|cycline|conazole|"
    r"nidazole|prazole|tidine|setron|triptan|vastatin|gliptin|gliflozin|glitazone|buvir|previr|"
    r"asvir|navir|amivir|platin|rubicin|taxel|olone|asone|onide|profen|coxib|triptyline|oxetine|"
    r"apine|peridone|peridol|afil|lukast|buterol|meterol|tropium|curonium|curium|parin|dronate|"
    r"teplase|relin|pressin|goline|anserin|phenicol|fenicol|mustine|trexate|azosin|thiazide|"
    r"semide|etanide|dralazine|pramine|zepine|oxifene|lutamide|trozole|dazole|zolamide)$")


#: a written gene symbol: two or more capitals, an optional hyphen, a number, an optional
#: letter ("IL-10", "IL6", "CXCL12", "IL-1β"); not "T3" nor "H2"
GENE_SYMBOL = re.compile(r"^[A-Z]{2,}[a-z]?-?\d{1,3}[A-Za-zα-ω]?$")


# Heads of NER "disease" spans that name something else: biologics named after a disease, and
# bare body parts (only for spans no vocabulary knows: "fatty liver" is a known name).
BIOLOGIC_HEADS = {"vaccine", "globulin", "immunoglobulin", "antiserum", "toxoid"}
DISEASE_HEAD_NOUNS = ("disease", "syndrome", "disorder")
ADJECTIVE_END = re.compile(r"(ic|al|ous|ive|ary|oid)$")
ANATOMY_HEADS = {"nerve", "field", "artery", "vein", "cortex", "tissue", "cell", "muscle",
                 "ganglion", "nucleus", "lobe", "membrane", "fiber", "fibre", "neuron"}
ORGANS = {"nephron", "nephrons", "tubule", "tubules", "glomerulus", "glomeruli", "kidney",
          "kidneys", "liver", "lung", "lungs", "heart", "brain", "skin", "bone", "intestine",
          "colon", "stomach", "pancreas", "spleen", "retina", "cornea", "placenta"}
#: heads of organism names: "hepatitis C virus" is the virus, not the hepatitis
ORGANISM_HEADS = {"virus", "viruses", "bacterium", "bacteria", "fungus", "fungi", "parasite",
                  "parasites", "strain", "strains", "isolate", "isolates", "yeast", "yeasts",
                  "mold", "molds", "mould", "moulds", "microbe", "microbes", "microorganism",
                  "microorganisms", "bacilli", "cocci"}
#: structures of a cell named after what they hold ("lipid droplets", "synaptic vesicles"): a
#: chemical span ending in one is the structure, not the chemical
CELL_STRUCTURES = {"droplet", "droplets", "vesicle", "vesicles", "granule", "granules", "raft",
                   "rafts", "organelle", "organelles", "membranes", "cells"}
_NOT_ENZYMES = {"release", "increase", "decrease", "disease", "database", "purchase", "phase",
                "base", "case", "erase", "crease", "lease", "ease"}


def drug_name_for_disease(ent: Span, entry: Entry) -> bool:
    """"corifollitropin alfa" the NER read as a disease: a drug dictionary's name spelt out in
    full (two words or more) names the drug; one word may be a disease's homonym."""
    # ("hepatitis B immune globulin" is read by the biologic rule below: the disease inside)
    return entry.source == "drugs" and entry.label == "DRUG" and ent.label_ == "DISEASE" and \
        len(ent) >= 2 and norm_token(ent[-1].text) not in BIOLOGIC_HEADS


#: heads of a physiological process ("platelet aggregation", "insulin secretion", "renal sodium
#: reabsorption"): what the body does, a quantity a study measures, not a disease (the annotated
#: corpora type some as diseases, after the disorders MeSH files them under)
PROCESS_HEADS = frozenset({"aggregation", "secretion", "reabsorption", "clearance", "uptake",
                           "synthesis", "biosynthesis", "release", "absorption", "excretion",
                           "production", "transport", "metabolism", "turnover", "utilization",
                           "adhesion", "activation", "degradation", "phosphorylation",
                           "signaling", "signalling", "oxidation", "filtration"})
#: words that make a process a disorder of it ("impaired insulin secretion", "inappropriate ADH
#: secretion", "defective platelet aggregation")
_DISORDERED = frozenset({"impaired", "impairment", "abnormal", "abnormality", "defective",
                         "defect", "deficient", "deficiency", "inappropriate", "excessive",
                         "increased", "decreased", "reduced", "elevated", "enhanced", "altered",
                         "poor", "low", "high", "delayed", "disordered", "diminished", "failure",
                         "disorder", "disorders", "disturbance", "dysfunction", "loss", "lack"})


def names_a_process(span: Span) -> bool:
    """Is a condition span the bare name of a physiological process ("platelet aggregation",
    "protein excretion")?  With a word of disorder it is a finding ("impaired glucose
    uptake")."""
    return span.label_ in ("CONDITION", "PHENOTYPE") and len(span) > 1 and \
        span[-1].lower_ in PROCESS_HEADS and not any(t.lower_ in _DISORDERED for t in span)


def lone_word_may_stand(token) -> bool:
    """May a lone word the NER tagged, which no vocabulary knows, stand as an entity?  The NER
    was trained on biomedical abstracts; in other prose (full texts, other fields) it also tags
    everyday words ("ever", "combine", "April", "plates").  Such a word is dropped when it is a
    stop word or one of the ~8k most frequent English words (unless written as an acronym); rarer
    words ("lysogen", "dysosmia", "SM-5887") are the NER's to call.  Known names never reach this test."""
    text = token.text
    if not any(c.isalpha() for c in text):
        return False
    if len(text) > 1 and text.isupper():
        # an acronym ("DEN" for diethylnitrosamine) is not the word "den"; a long word in
        # capitals that is an everyday word is a heading ("DISCLOSURE", "FINDINGS")
        return len(text) <= 5 or text.lower() not in common_words()
    if text.istitle() and not token.is_sent_start and token.i > 0 and \
            token.nbor(-1).text not in ("(", "-", "/", ":"):
        return False  # "Guinea, Liberia, and Sierra Leone": a capitalised unknown word inside
        # a sentence is a proper name (a place, a person); drug and disease names are written
        # in lower case there, and brand names are in the vocabularies
    return not token.is_stop and text.lower() not in common_words()


#: endings and words of substance names: an English word with one ("opioids", "relaxants",
#: "inhibitors", "uric acid salts") may name a substance or a drug class no vocabulary grounds
_SUBSTANCE_END = re.compile(r"(?:ine|ines|ide|ides|ol|ols|ium|yl|ane|ene|ose|in|ins|oid|oids|"
                            r"ant|ants|ics|ors|ists|ers|ogen|ogens)$")
_SUBSTANCE_WORDS = frozenset({"acid", "acids", "salt", "salts", "oil", "oils", "extract",
                              "extracts", "oxide", "oxides", "ion", "ions", "metal", "metals",
                              "gas", "vapour", "vapor", "smoke", "venom", "juice", "tea", "wine",
                              "beer", "alcohol", "drug", "drugs", "agent", "agents"})


def english_words_only(span: Span) -> bool:
    """Is an NER chemical span that no vocabulary grounds made only of English words that name
    no substance ("cone" of "growth cone", "elongate", "axons elongate", "raphe")?  The NER
    types such words by their neighbours in a molecular-biology sentence.  Real drugs that
    English knows are in the vocabularies; the ungrounded ones the NER rightly finds are codes
    ("AZD3199"), new INN names ("-mab", "-nib"), systematic names or misspellings
    ("nalozone"), none of which is an English word, and class nouns ("relaxants"), which keep
    their substance ending."""
    words = [t.text for t in span]
    if not all(w.isalpha() for w in words) or any(len(w) > 1 and w.isupper() for w in words):
        return False  # symbols, codes, acronyms ("DEN") are the NER's to call
    lower = [w.lower() for w in words]
    return all(w in english_words() and w not in _SUBSTANCE_WORDS and not _SUBSTANCE_END.search(w)
               and not INN_STEM.search(w) for w in lower)


def leading_drug(doc: Doc, ent: Span, lex: list, lex_by_span: dict):
    """(drug end, drug entry, condition start) when an NER disease span opens with a findable
    drug name: "Cephalexin rash", "vincristine optic nerve toxicity", "infliximab-induced
    lupus".  The drug names the cause, the rest the finding: two entities, as the annotated
    corpora mark them (a vocabulary name of the whole span, "heparin-induced thrombocytopenia",
    is left to the rules for vocabulary names)."""
    if ent.label_ != "DISEASE" or len(ent) < 2 or (ent.start, ent.end) in lex_by_span:
        return None
    for start, end, entry in lex:
        if start == ent.start and end < ent.end and entry.label == "DRUG" \
                and FLAG_SHORT not in entry.flags:
            rest = end
            if doc[rest].text in ("-", "–") and rest + 1 < ent.end:
                rest += 1
            if doc[rest].lower_ in CAUSE_WORDS and rest + 1 < ent.end:
                rest += 1
            # the rest must be a name of its own, not a word that ties it to the drug
            if doc[rest].is_alpha and doc[rest].lower_ not in CAUSE_WORDS and not doc[rest].is_stop:
                return end, entry, rest
    return None


def is_enzyme(word: str) -> bool:
    """An enzyme name ends in -ase ("kinase", "ATPase", "glucosaminidase")."""
    last = re.split(r"[-/]", word.lower())[-1]
    return len(last) >= 6 and last.endswith("ase") and last.isalpha() and last not in _NOT_ENZYMES


#: word endings of disease and finding names (Greek and Latin medical suffixes, the nouns of
#: findings that end compounds, and adjectives of a patient's state): a lone unknown word the NER
#: calls a disease without one of them ("braconid", "abiotic", "ecdysis", "chalcones",
#: "diopters") is a term of another field the model never saw
DISEASE_SHAPE = re.compile(
    r"(?:itis|itides|osis|oses|emia|emias|aemia|pathy|pathies|omas?|algias?|plasias?|trophy|"
    r"trophies|rrh(?:o)?eas?|urias?|iasis|penias?|cytosis|megaly|plegias?|paresis|ectasias?|"
    r"ectasis|spasms?|isms?|ias?|iae|celes?|ptosis|lysis|rrhages?|stasis|tonias?|kinesias?|"
    r"phagias?|phasias?|praxias?|esthesias?|pneas?|pnoeas?|cardias?|edemas?|oedemas?|ulcers?|"
    r"tumou?rs?|cancers?|injur(?:y|ies)|lesions?|syndromes?|disorders?|diseases?|deficienc(?:y|ies)|"
    r"failures?|infections?|toxicit(?:y|ies)|pains?|fevers?|aches?|fractures?|strokes?|"
    r"seizures?|dysfunctions?|insufficienc(?:y|ies)|obesity|palsy|palsies|cysts?|nodules?|"
    r"abscess(?:es)?|hernias?|rash(?:es)?|bleeding|h(?:a)?emorrhages?|thrombos[ie]s|embolism|"
    r"aneurysms?|arrests?|shock|coma|retardation|deficits?|impairments?|blindness|deafness|"
    r"ruptures?|wounds?|burns?|sepsis|asthma|eczema|colic|angina|malaria|measles|mumps|"
    r"rabies|scabies|herpes|tetanus|cholera|gout|acne|polyps?|warts?|tremors?|vertigo|"
    r"nausea|vomiting|cough|dyspn(?:o)?ea|fatigue|delirium|dementia|psychosis|mania|"
    r"anxiety|depression|addiction|dependence|abuse|overdose|poisoning|intoxication|"
    r"inflammation|swelling|itching|pruritus|bruising|fibrillation|flutter|block|"
    # findings named by what went wrong, and Latin disease names ("diabetes insipidus",
    # "status epilepticus", "erythema nodosum", "torsade de pointes", "myasthenia gravis")
    r"infarctions?|rigidity|damage|symptoms?|loss|losses|abnormalit(?:y|ies)|anomal(?:y|ies)|"
    r"complications?|defects?|regurgitation|occlusions?|degeneration|hyperactivity|aura|"
    r"prolongation|jerks?|convulsions?|deprivation|derma|disturbances?|epileps(?:y|ies)|death|"
    r"weakness|jaundice|constriction|hallucinations?|effusions?|fasciculations?|attacks?|"
    r"(?:carcino|tumori|dys|a)genesis|deterioration|illness(?:es)?|twitch(?:es)?|contractions?|"
    r"dilat(?:at)?ions?|delay|slowing|slowness|movements?|behaviou?rs?|functions?|"
    r"hypertension|hypotension|pointes|[a-z]{3}(?:(?<!o)us|osa|osum|ica|ita|gravis)|"
    r"ic|ics|ive|tic|ed|ent|oid)$")
#: words with a disease ending that name a procedure, a judgement or a chemical process
_NOT_DISEASE = re.compile(r"(?:diagnosis|diagnoses|prognosis|prognoses|hydrolysis|glycolysis|"
                          r"lipolysis|proteolysis|dialysis|analysis|analyses|autolysis)$")


def disease_shaped(word: str) -> bool:
    """Does a lone word look like a disease or finding name (see :data:`DISEASE_SHAPE`)?"""
    word = word.lower()
    return bool(DISEASE_SHAPE.search(word)) and not _NOT_DISEASE.search(word)


#: where a regional anaesthetic is placed: "subarachnoid block", "epidural blockade",
#: "brachial plexus block" name the technique, not a disease (a conduction block of the heart is
#: named by its path: "heart", "AV", "bundle branch", which the vocabularies ground)
ANAESTHETIC_SITES = frozenset({"spinal", "subarachnoid", "epidural", "intrathecal", "caudal",
                               "neuraxial", "paravertebral", "peribulbar", "retrobulbar",
                               "regional", "plexus", "ganglion", "nerve", "nerves",
                               "interscalene", "intercostal", "pudendal", "paracervical",
                               "sympathetic", "plane", "combined"})
_BLOCK_HEADS = frozenset({"block", "blocks", "blockade", "blockades"})


def anaesthetic_block(span: Span) -> bool:
    """Is ``span`` a regional anaesthetic technique ("subarachnoid block", "spinal-epidural
    block"): a block or blockade named after the site where the anaesthetic is placed?"""
    words = [t.lower_ for t in span if t.is_alpha]
    return len(words) > 1 and words[-1] in _BLOCK_HEADS and \
        any(w in ANAESTHETIC_SITES for w in words[:-1])
