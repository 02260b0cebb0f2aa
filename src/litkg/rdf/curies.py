"""CURIE <-> IRI for the identifier systems litkg meets (ChEBI, MeSH, LOINC, HGNC, ...).

OBO Foundry ontologies use ``http://purl.obolibrary.org/obo/{PREFIX}_{local}``; the others
use their publishers' own IRI schemes (MeSH RDF, loinc.org, UniProt RDF) or identifiers.org.
An unknown prefix still yields a stable IRI (identifiers.org) so no CURIE is ever dropped.
"""

from __future__ import annotations

from litkg.errors import LitkgError
from litkg.models import ONTOLOGY_IRI, is_curie

_OBO = "http://purl.obolibrary.org/obo/"

#: Prefixes whose IRIs are OBO PURLs ``obo:{PREFIX}_{local}`` (canonical spelling).
OBO_PREFIXES = ("CHEBI", "MONDO", "HP", "UO", "RO", "ECO", "SEPIO", "PR", "MAXO", "NCIT", "OBI",
                "GO", "UBERON", "CL", "DOID", "NCBITaxon", "OGMS", "IAO", "BFO", "SO")

#: Non-OBO prefixes -> namespace IRI (the local part is appended as is).
NAMESPACES: dict[str, str] = {
    "MESH": "http://id.nlm.nih.gov/mesh/",
    "LOINC": "https://loinc.org/",
    "HGNC": "http://identifiers.org/hgnc/",
    "UniProt": "http://purl.uniprot.org/uniprot/",
    "UNII": "http://identifiers.org/unii/",
    "OMIM": "https://omim.org/entry/",
    # ORDO's own IRIs (Orphanet Rare Disease Ontology), e.g. .../ORDO/Orphanet_280062
    "Orphanet": "http://www.orpha.net/ORDO/Orphanet_",
    "DrugBank": "https://go.drugbank.com/drugs/",
    "PMID": "https://pubmed.ncbi.nlm.nih.gov/",
    "DOI": "https://doi.org/",
    "SIO": "http://semanticscience.org/resource/SIO_",
    "litkg": ONTOLOGY_IRI,
}

_GENERIC = "http://identifiers.org/"

# Case-insensitive spellings -> canonical prefix ("MeSH", "UniProtKB", "hp" are all common).
_ALIASES: dict[str, str] = {p.casefold(): p for p in (*OBO_PREFIXES, *NAMESPACES)}
_ALIASES.update({"uniprotkb": "UniProt", "mesh": "MESH", "orpha": "Orphanet", "ordo": "Orphanet",
                 "ncbitaxon": "NCBITaxon", "hpo": "HP"})


def canonical_prefix(prefix: str) -> str:
    """The canonical spelling of a CURIE prefix (``MeSH`` -> ``MESH``); unknown ones unchanged."""
    return _ALIASES.get(prefix.casefold(), prefix)


def curie_to_iri(curie: str) -> str:
    """``CHEBI:48390`` -> ``http://purl.obolibrary.org/obo/CHEBI_48390``.

    Raises :class:`LitkgError` for a value that is not CURIE-shaped (a label, an IRI).
    """
    if not is_curie(curie) or curie.startswith(("http:", "https:")):
        raise LitkgError(f"{curie!r} is not a CURIE", where="litkg.rdf.curies",
                         hint="write identifiers as PREFIX:local, e.g. CHEBI:48390 or LOINC:2731-8")
    prefix, local = curie.split(":", 1)
    prefix = canonical_prefix(prefix)
    if prefix in OBO_PREFIXES:
        return f"{_OBO}{prefix}_{local}"
    if prefix in NAMESPACES:
        return NAMESPACES[prefix] + local
    return f"{_GENERIC}{prefix.lower()}/{local}"


def iri_to_curie(iri: str) -> str | None:
    """The inverse of :func:`curie_to_iri`; ``None`` for IRIs outside the known schemes."""
    iri = str(iri)
    if iri.startswith(_OBO):
        rest = iri[len(_OBO):]
        prefix, sep, local = rest.partition("_")
        if sep and local and canonical_prefix(prefix) in OBO_PREFIXES:
            return f"{canonical_prefix(prefix)}:{local}"
        return None
    # longest namespace first, so a more specific one wins over a shorter one
    for prefix, ns in sorted(NAMESPACES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    if iri.startswith(_GENERIC):
        prefix, sep, local = iri[len(_GENERIC):].partition("/")
        if sep and local:
            # identifiers.org prefixes are lower case; the case of an unknown prefix is lost,
            # and upper case is the usual spelling of biomedical CURIE prefixes
            known = canonical_prefix(prefix)
            return f"{known if known != prefix else prefix.upper()}:{local}"
    return None
