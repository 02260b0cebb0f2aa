"""Build litkg's table of known abbreviations (src/litkg/data/abbreviations.tsv.gz).

Case reports use abbreviations of drugs and diseases without defining them in the sentence
("developed NMS", "SJS/TEN after carbamazepine"), because the paper defined them once, or
because the field knows them.  This script mines "long form (SF)" definitions
(Schwartz-Hearst, :func:`litkg.extract.abbreviations.find_abbreviations`) from the public texts
in the shared benchmark folder and keeps a short form when

- its long form grounds in litkg's lexicon to a condition, phenotype or drug (so the short form
  can take that concept), or is a disease name by its head (ends in a known multi-word
  condition, or in "disease" / "syndrome" / "disorder": a condition with no id), and
- it is unambiguous in what was read: defined the same way at least ``--min-count`` times
  (2), in at least ``--min-share`` of its definitions (0.75), no definition grounding to
  another label; it has three characters or more and a capital letter; a drug long form is
  not a molecule of the body ("messenger RNA", "creatine kinase": measured, not given).

Texts read (all from ``litkg.paths.benchmarks_dir()``; never copied into the repository):
MEDLINE / PMC samples (``pubmed-samples/``), Evidence Inference abstracts, the CDR *training*
set, BioRED train + dev and NCBI-disease train + dev (abstracts also in the CDR development set
are skipped: CDR dev measures NER), and the ADE corpus sentences of the *training* part (PMIDs
not divisible by 5; ``--exclude-ade-residue 4`` also drops the dev part, for measuring on it).

Output columns: short form (case-sensitive, as written), label, concept id, preferred name,
long form, number of definitions seen.  Deterministic (sorted).

    nice python scripts/build_abbreviations.py [--out PATH] [--exclude-ade-residue 4]
"""

import argparse
import gzip
import html
import io
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from litkg.extract.abbreviations import find_abbreviations
from litkg.extract.lexicon import FLAG_SHORT, load_lexicon
from litkg.paths import benchmarks_dir, data_dir

LABELS = ("CONDITION", "PHENOTYPE", "DRUG")
_FAMILY = {"CONDITION": "condition", "PHENOTYPE": "condition", "DRUG": "drug"}
#: head nouns that make any noun phrase a disease name; unlike "failure" or "reaction" they
#: have no everyday reading ("treatment failure", "polymerase chain reaction")
DISEASE_HEADS = frozenset({"disease", "diseases", "syndrome", "syndromes", "disorder", "disorders"})
HEADER = "# short\tlabel\tid\tname\tlong form\tdefinitions  (built by scripts/build_abbreviations.py)"


def _pubtator_texts(path: Path, skip: set[str]) -> dict[str, str]:
    """PMID -> title + abstract of a PubTator file."""
    texts: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"(\d+)\|[ta]\|(.*)$", line)
        if m and m.group(1) not in skip:
            texts[m.group(1)] = (texts.get(m.group(1), "") + " " + m.group(2)).strip()
    return texts


def _xml_texts(raw: str) -> list[str]:
    """Titles, abstract and body paragraphs of MEDLINE / JATS XML, tags removed."""
    parts = re.findall(r"<(ArticleTitle|AbstractText|article-title|p)\b[^>]*>(.*?)</\1>", raw, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", body)) for _, body in parts]


def read_texts(root: Path, exclude_ade_residue: int | None) -> list[str]:
    """Every text the table is mined from (see the module docstring)."""
    texts: list[str] = []
    cdr_dev = set(_pubtator_texts(root / "cdr" / "CDR_DevelopmentSet.PubTator.txt", set()))
    for rel in ("cdr/CDR_TrainingSet.PubTator.txt", "biored/Train.PubTator", "biored/Dev.PubTator",
                "ncbi-disease/NCBItrainset.txt", "ncbi-disease/NCBIdevelopset.txt"):
        if (root / rel).exists():
            texts += _pubtator_texts(root / rel, cdr_dev).values()
    samples = root / "pubmed-samples"
    for path in sorted(samples.glob("*.xml*")) + sorted((samples / "pmc").glob("*.nxml")):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            texts += _xml_texts(fh.read())
    texts += [p.read_text(encoding="utf-8") for p in
              sorted((root / "evidence-inference" / "abstracts").glob("*.abst"))]
    texts += _ade_sentences(root / "ade", exclude_ade_residue)
    return texts


def _ade_sentences(folder: Path, exclude_residue: int | None) -> list[str]:
    """Distinct sentences of the ADE training part (never the test part: PMID % 5 == 0)."""
    from litkg.evaluate.ade import read_ade

    if not folder.exists():
        return []
    positives, negatives = read_ade(folder)
    keep = {0} | ({exclude_residue} if exclude_residue is not None else set())
    return sorted({s for p, s in list(positives) + negatives
                   if p.isdigit() and int(p) % 5 not in keep})


def mine(texts: list[str]) -> dict[str, Counter]:
    """short form -> Counter of its long forms."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        for abbr in find_abbreviations(text):
            seen[abbr.short][" ".join(abbr.long.split())] += 1
    return seen


def ground(long: str, lexicon) -> tuple[str, str] | None:
    """(label, id) of a long form the lexicon knows as a condition or drug.  A disease name
    is head-final: an unknown one ending in a known multi-word condition is a kind of it
    ("hepatic veno-occlusive disease" -> "veno-occlusive disease"); it takes the label only,
    with no id (the kind is not the concept)."""
    if "(" in long or ")" in long:
        return None  # a nested definition: Schwartz-Hearst overshot
    if long.split()[-1].lower() in ("virus", "viruses"):
        return None  # "human immunodeficiency virus" is the agent; the lexicon maps it to the disease
    entry = lexicon.lookup(long)
    if entry is not None and entry.label == "DRUG" and _molecule_of_the_body(long):
        return None
    if entry is not None:
        return (entry.label, entry.id or "") if entry.label in LABELS else None
    words = long.split()
    for start in range(1, len(words) - 1):  # tails of two words or more
        tail = lexicon.lookup(" ".join(words[start:]))
        if tail is not None and tail.label in ("CONDITION", "PHENOTYPE"):
            return tail.label, ""
    if len(words) > 1 and words[-1].lower() in DISEASE_HEADS:  # "veno-occlusive disease"
        return "CONDITION", ""
    return None


#: heads of names of the body's own molecules, which the drug vocabularies list too
#: ("messenger RNA", "high-density lipoprotein", "nerve growth factor", "creatine kinase"):
#: their abbreviations name what is measured far more often than what is given
_BODY_MOLECULE_HEADS = ("rna", "dna", "lipoprotein", "lipoproteins", "factor", "factors",
                        "kinase", "receptor", "receptors", "protein", "proteins", "enzyme")


def _molecule_of_the_body(long: str) -> bool:
    return long.split()[-1].lower().split("-")[-1] in _BODY_MOLECULE_HEADS


def select(seen: dict[str, Counter], lexicon, min_share: float, min_count: int) -> list[tuple]:
    """Rows of the unambiguous, grounded short forms (see the module docstring)."""
    rows = []
    for short, longs in sorted(seen.items()):
        if not _usable_short(short, lexicon):
            continue
        total = sum(longs.values())
        by_concept: Counter = Counter()
        labels = set()
        for long, n in longs.items():
            g = ground(long, lexicon)
            if g is not None:
                by_concept[g] += n
                labels.add(g[0])
        if not by_concept or len({_FAMILY[label] for label in labels}) > 1:
            continue
        # a long form known only as some condition ("adult respiratory distress syndrome":
        # no id) agrees with any concept: the identified one most often seen is the meaning
        identified = Counter({g: n for g, n in by_concept.items() if g[1]})
        (label, cid), n = (identified or by_concept).most_common(1)[0]
        agreeing = n + sum(m for g, m in by_concept.items() if not g[1] and g != (label, cid))
        if agreeing / total < min_share or agreeing < min_count:
            continue
        long = max((l for l in longs if ground(l, lexicon) == (label, cid)),
                   key=lambda l: (longs[l], l))
        entry = lexicon.lookup(long)
        name = entry.name if entry is not None and cid else long
        rows.append((short, label, cid, name, long, agreeing))
    return rows


def _usable_short(short: str, lexicon) -> bool:
    """A short form worth matching as written: three or more characters (two-letter ones
    have many meanings in medicine: "MI", "PE", "AT"), a capital among its
    letters (so it is never an everyday lower-case word), and no findable lexicon name of
    its own (the recogniser already finds those)."""
    if len(short) < 3 or not any(c.isupper() for c in short) or " " in short:
        return False
    entry = lexicon.lookup(short)
    return entry is None or FLAG_SHORT in entry.flags


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=data_dir() / "abbreviations.tsv.gz")
    ap.add_argument("--min-share", type=float, default=0.75)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--exclude-ade-residue", type=int, default=None,
                    help="also leave out ADE PMIDs of this residue mod 5 (4 = the dev part)")
    args = ap.parse_args()
    texts = read_texts(Path(benchmarks_dir()), args.exclude_ade_residue)
    seen = mine(texts)
    rows = select(seen, load_lexicon(), args.min_share, args.min_count)
    # a fixed gzip header time (mtime=0) keeps rebuilds byte-identical
    with gzip.GzipFile(args.out, "wb", mtime=0) as raw, \
            io.TextIOWrapper(raw, encoding="utf-8") as fh:
        fh.write(HEADER + "\n")
        for row in rows:
            fh.write("\t".join(map(str, row)) + "\n")
    print(f"{len(texts)} texts, {len(seen)} short forms defined, {len(rows)} kept -> {args.out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
