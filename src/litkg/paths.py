"""Where litkg finds its project files (ontology/, queries/, corpus/) and its default store."""

from __future__ import annotations

import os
from pathlib import Path

#: The default store folder, relative to the working directory.
DEFAULT_STORE = Path(".litkg")


def project_root() -> Path:
    """The checkout that holds ``ontology/`` and ``queries/``.

    ``LITKG_HOME`` wins; otherwise the working directory if it is a litkg checkout, otherwise
    the checkout this package was installed from (``pip install -e .``).
    """
    env = os.environ.get("LITKG_HOME")
    if env:
        return Path(env)
    cwd = Path.cwd()
    if (cwd / "ontology" / "litkg.ttl").exists() and (cwd / "queries").is_dir():
        return cwd
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "ontology" / "litkg.ttl").exists():
            return parent
    return cwd


def ontology_dir() -> Path:
    return project_root() / "ontology"


def queries_dir() -> Path:
    return project_root() / "queries"


def corpus_dir() -> Path:
    return project_root() / "corpus"


def data_dir() -> Path:
    """Lexicons and models shipped inside the package."""
    return Path(__file__).resolve().parent / "data"


def read_data_json(name: str):
    """A JSON (optionally gzipped) file shipped in ``data/``, or ``None`` when it is absent."""
    import gzip
    import json

    path = data_dir() / name
    if not path.exists():
        return None
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def benchmarks_dir() -> Path:
    """The shared benchmark corpora, beside the checkout (never copied into it)."""
    env = os.environ.get("LITKG_BENCHMARKS")
    if env:
        return Path(env)
    return project_root().parent / "shared" / "benchmarks"
