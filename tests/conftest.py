"""Shared fixtures: one tiny fixture world (the seed corpus built once per session)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from litkg.paths import benchmarks_dir, corpus_dir

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> Path:
    """A store folder built from corpus/ (with its curation log, if any)."""
    from litkg.build import build

    store = tmp_path_factory.mktemp("seed") / "store"
    build([corpus_dir()], store, curation_log=corpus_dir() / "curation.jsonl")
    return store


@pytest.fixture(scope="session")
def seed_claims(seed_store):
    from litkg.export.claims import read_claims

    return list(read_claims(seed_store))


@pytest.fixture
def benchmarks() -> Path:
    path = benchmarks_dir()
    if not path.is_dir():
        pytest.skip(f"shared benchmarks not found at {path} (set LITKG_BENCHMARKS)")
    return path


@pytest.fixture
def small_corpus(tmp_path) -> Path:
    """Two seed documents copied into a temporary folder (so tests can add broken files)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for stem in ("000_965f824fb56ceb67", "004_295ae36b53f7cab3"):
        for suffix in (".txt", ".meta.json"):
            shutil.copy(corpus_dir() / f"{stem}{suffix}", folder / f"{stem}{suffix}")
    return folder
