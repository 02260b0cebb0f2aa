"""Name -> concept lexicon: variant-tolerant lookup of entity names in the shipped vocabularies.

The lexicon is derived data (``src/litkg/data/lexicon/lexicon.tsv.gz``, rebuilt by
``scripts/build_lexicons.py``; sources and licences in ``PROVENANCE.md``).  Each row is a
*normalised token key* (see :func:`norm_tokens`) with an entity label, a CURIE (or empty when the
name is known to be an entity but its identifier is not), a MeSH cross-reference and flags.

Keys are stored pre-tokenised with spaCy's blank English tokenizer, so matching a document is a
dictionary lookup over token windows; loading is a single pass over a gzip TSV (< 1 s) and is
cached per path.

Variant normalisation is applied identically to lexicon names and to text, so British/American
spellings (hypocalcaemia/hypocalcemia, oedema/edema, tumour/tumor, ionised/ionized,
sulphate/sulfate), case, plural -s, hyphens ("25-hydroxyvitamin" / "25 hydroxyvitamin") and
possessives ("Crohn's disease" / "Crohn disease") and Greek letters ("α-tocopherol" /
"alpha-tocopherol") all meet on the same key.
"""

from __future__ import annotations

import gzip
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from litkg.errors import ExtractionError
from litkg.models import ENTITY_LABELS, Concept
from litkg.paths import data_dir

#: Tokens dropped from keys: joiners whose presence varies between spellings of one name.
SKIP_TOKENS = frozenset({"-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "'s", "\u2019s", "'", "\u2019"})

# Flags (comma-separated in the file):
#  lab      - only a lab-context mention counts ("Ca", "P", "K": next to a number/unit/colon)
#  short    - an abbreviation-like name: used to ground spans found otherwise, never to find them
#  chem     - a chemical analyte: outside a lab context it is a DRUG with its xref id
FLAG_LAB, FLAG_SHORT, FLAG_CHEM = "lab", "short", "chem"

#: sources of rows written from annotated corpora or by hand (not whole vocabularies)
_TRUSTED_SOURCES = ("corpus", "curated", "verified")

_DASHES = re.compile("[\u2010-\u2015\u2212]")
# Ordered British -> American rewrites applied to each lower-cased token.
_VARIANTS = (
    (re.compile(r"aemia"), "emia"), (re.compile(r"haem"), "hem"), (re.compile(r"oedem"), "edem"),
    (re.compile(r"oesoph"), "esoph"), (re.compile(r"oestr"), "estr"), (re.compile(r"oea$"), "ea"),
    (re.compile(r"paed"), "ped"), (re.compile(r"aem"), "em"), (re.compile(r"^ae"), "e"),
    (re.compile(r"(?<=[a-z]{3})our$"), "or"), (re.compile(r"isation"), "ization"),
    (re.compile(r"(?<=[a-z]{3})is(ed|ing|e)$"), r"iz\1"), (re.compile(r"sulph"), "sulf"),
    (re.compile(r"(?<=[a-z]{2})tre$"), "ter"), (re.compile(r"phosphorem"), "phosphatem"),
    # more British spellings: anaesthesia, foetal, gynaecology, caesarean, coeliac, ureteric
    (re.compile(r"naesth"), "nesth"), (re.compile(r"^foet"), "fet"), (re.compile(r"gynaec"), "gynec"),
    (re.compile(r"^caesar"), "cesar"), (re.compile(r"^coeli"), "celi"),
    (re.compile(r"^ureteric$"), "ureteral"), (re.compile(r"^steroidal$"), "steroid"),
)
_NON_PREFIX = re.compile(r"^non([a-z]{5,})$")


# Greek letters spelled out (lower case after casefold; "µ" is left alone: it is a unit prefix).
_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "κ": "kappa",
          "λ": "lambda", "ω": "omega", "θ": "theta", "ζ": "zeta", "η": "eta", "σ": "sigma",
          "τ": "tau", "ϵ": "epsilon", "ς": "sigma"}
_GREEK_RE = re.compile("[" + "".join(_GREEK) + "]")


@lru_cache(maxsize=200_000)
def norm_token(token: str) -> str:
    """Normalise one token: NFKC, casefold, unified dashes, US spelling, no plural -s."""
    text = _DASHES.sub("-", unicodedata.normalize("NFKC", token)).casefold()
    if _GREEK_RE.search(text):  # "α-tocopherol" / "alpha-tocopherol", "TNF-β" / "TNF-beta"
        text = _GREEK_RE.sub(lambda m: _GREEK[m.group()], text)
    m = _NON_PREFIX.match(text)
    if m:  # "nonsteroidal" = "non-steroidal" = "non-steroid"
        return "non " + norm_token(m.group(1))
    if text.isalpha() and len(text) > 3:
        for pattern, repl in _VARIANTS:
            text = pattern.sub(repl, text)
        # Plural -s (not -ss/-us/-is: "abscess", "virus", "psoriasis" keep theirs).
        if len(text) > 4 and text.endswith("s") and not text.endswith(("ss", "us", "is")):
            text = text[:-1]
    return text


def norm_tokens(tokens: Iterable[str]) -> list[str]:
    """Normalised key parts of a token sequence (joiners dropped)."""
    return [norm_token(t) for t in tokens if t and not t.isspace() and t not in SKIP_TOKENS]


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def key_of(text: str) -> str:
    """The lexicon key of a free-text name (tokenised as spaCy's blank English does)."""
    return " ".join(norm_tokens(t.text for t in _tokenizer()(text)))


@dataclass(frozen=True)
class Entry:
    """One lexicon row."""

    label: str  # one of ENTITY_LABELS
    id: str | None
    xref: str | None  # MeSH CURIE when known (for CDR/BioRED scoring and cross-walks)
    name: str  # preferred label
    source: str
    flags: frozenset[str] = frozenset()

    def concept(self, text: str | None = None, label: str | None = None) -> Concept:
        """The :class:`Concept` for a mention of this entry (``label`` picks the DRUG reading)."""
        cid = self.id
        if label == "DRUG" and FLAG_CHEM in self.flags and self.xref:
            cid = self.xref  # calcium as a supplement: the chemical, not the lab test
        return Concept(label=self.name, id=cid, text=text if text and text != self.name else None)


class Lexicon:
    """An in-memory lexicon: key -> :class:`Entry`, plus key prefixes for matching."""

    def __init__(self, entries: dict[str, Entry]):
        self.entries = entries
        # For each first key token, the longest key length (tokens) starting with it.
        # Every proper prefix of a multi-token key: matching extends a window only while it
        # is still the start of some name, so the work per token is the match length.
        self.prefixes: set[str] = set()
        self.xrefs: dict[str, str] = {}
        self._analytes_by_mesh: dict[str, Entry] | None = None
        for key, entry in entries.items():
            pos = key.find(" ")
            while pos > 0:
                self.prefixes.add(key[:pos])
                pos = key.find(" ", pos + 1)
            if entry.id and entry.xref:
                self.xrefs.setdefault(entry.id, entry.xref)

    def analyte_named_by(self, entry: Entry) -> Entry | None:
        """The lab analyte a MeSH-only name is a synonym of ("triacylglycerol", a MeSH entry
        term of Triglycerides -> the analyte triglycerides), or None.  MeSH entry terms only
        ground (they hold everyday words); one whose concept the trusted rows know as a lab
        analyte under another name names that analyte."""
        if entry.source != "mesh" or not entry.id:
            return None
        if self._analytes_by_mesh is None:
            self._analytes_by_mesh = {
                e.xref: e for e in self.entries.values()
                if e.label == "ANALYTE" and e.xref and e.source.startswith(_TRUSTED_SOURCES)
                and not e.flags & {FLAG_LAB, FLAG_SHORT}}
        return self._analytes_by_mesh.get(entry.id)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, key: str) -> Entry | None:
        return self.entries.get(key)

    def lookup(self, text: str) -> Entry | None:
        return self.entries.get(key_of(text))

    def mesh_of(self, curie: str | None) -> str | None:
        """MeSH cross-reference of a concept id (the id itself when it is a MeSH id)."""
        if not curie:
            return None
        if curie.upper().startswith("MESH:"):
            return "MESH:" + curie.split(":", 1)[1]
        return self.xrefs.get(curie)


def default_lexicon_path() -> Path:
    return data_dir() / "lexicon" / "lexicon.tsv.gz"


_LOCK = threading.Lock()
_CACHE: dict[str, Lexicon] = {}


def load_lexicon(path: Path | str | None = None) -> Lexicon:
    """Load (once per path) the lexicon TSV: key, label, id, xref, name, source, flags."""
    path = Path(path) if path else default_lexicon_path()
    cache_key = str(path.resolve())
    with _LOCK:
        if cache_key in _CACHE:
            return _CACHE[cache_key]
        if not path.exists():
            raise ExtractionError("entity lexicon not found", where=str(path),
                                  hint="run scripts/build_lexicons.py or reinstall litkg")
        entries: dict[str, Entry] = {}
        opener = gzip.open if path.suffix == ".gz" else open
        flag_cache: dict[str, frozenset[str]] = {}
        with opener(path, "rt", encoding="utf-8") as handle:
            for lineno, line in enumerate(handle, 1):
                if line.startswith("#") or not line.strip():
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 7 or parts[1] not in ENTITY_LABELS:
                    raise ExtractionError("malformed lexicon row", where=f"{path}:{lineno}",
                                          hint="rebuild it with scripts/build_lexicons.py")
                key, label, cid, xref, name, source, flags = parts
                if key in entries:
                    continue  # first row wins: the file is written in priority order
                fl = flag_cache.get(flags)
                if fl is None:
                    fl = flag_cache[flags] = frozenset(f for f in flags.split(",") if f)
                entries[key] = Entry(label, cid or None, xref or None, name, source, fl)
        lexicon = Lexicon(entries)
        _CACHE[cache_key] = lexicon
        return lexicon


def lookup(text: str) -> Entry | None:
    """The lexicon entry for a name, or ``None``."""
    return load_lexicon().lookup(text)


def ground(text: str, labels: Iterable[str] | None = None) -> Concept | None:
    """Ground a name (e.g. a table row header) to a :class:`Concept`, or ``None`` when unknown.

    ``labels`` restricts the accepted entity labels (e.g. ``{"ANALYTE"}``).  A chemical analyte
    asked for as a DRUG (``calcium``) is returned with its chemical id.  Lab-only short names
    ("Ca", "P") are accepted here because a caller grounding a table header is a lab context.
    Names the lexicon does not know return ``None``: never a guess.
    """
    if not text or not text.strip():
        return None
    lexicon = load_lexicon()
    key = key_of(text)
    entry = lexicon.get(key)
    if entry is None:
        # "serum calcium" -> "calcium": a specimen word does not change the analyte.
        parts = key.split(" ")
        if len(parts) > 1 and parts[0] in SPECIMEN_WORDS:
            entry = lexicon.get(" ".join(parts[1:]))
    if entry is None:
        return None
    wanted = set(labels) if labels is not None else None
    if wanted is None or entry.label in wanted:
        return entry.concept(text.strip())
    if FLAG_CHEM in entry.flags and "DRUG" in wanted:
        return entry.concept(text.strip(), label="DRUG")
    if entry.label == "DRUG" and "ANALYTE" in wanted and FLAG_CHEM in entry.flags:
        return entry.concept(text.strip())
    return None


#: Words before an analyte that name where it is measured, not what: "serum calcium" is calcium.
SPECIMEN_WORDS = frozenset({"serum", "plasma", "blood", "urine", "urinary", "circulating", "total",
                        "fasting", "whole", "venous", "arterial"})


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Everyday English words (data/common_words.txt.gz, see scripts/build_common_words.py)."""
    return _word_list("common_words.txt.gz", "")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """English words of any register, ~51k (data/english_words.txt.gz, Zipf >= 2.5: "cone",
    "elongate", but also "naloxone"), for tests that also need a span to be ungrounded."""
    return _word_list("english_words.txt.gz", " --min-zipf 2.5 --out src/litkg/data/english_words.txt.gz")


def _word_list(name: str, options: str) -> frozenset[str]:
    path = data_dir() / name
    if not path.exists():
        raise ExtractionError(f"word list {name} not found", where=str(path),
                              hint=f"run scripts/build_common_words.py{options} or reinstall litkg")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip() and not line.startswith("#"))
