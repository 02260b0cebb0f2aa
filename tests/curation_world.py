"""The tiny curation world shared by the CLI and web-page tests: one document text, two
sentences, and a helper that writes claims into a store folder as a build would."""

import json
from pathlib import Path

TEXT = "Title.\nCinacalcet decreased FGF-23 in TIO. Phosphate rose after surgery.\n"
S1 = "Cinacalcet decreased FGF-23 in TIO."
S2 = "Phosphate rose after surgery."


def write_world(tmp_path: Path, claims) -> tuple[Path, Path]:
    """(store, corpus): ``claims`` as the live build's claims.jsonl, ``TEXT`` as document d1."""
    store = tmp_path / "store"
    (store / "current").mkdir(parents=True)
    (store / "current" / "claims.jsonl").write_text(
        "".join(json.dumps(c.as_dict()) + "\n" for c in claims), encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "d1.txt").write_text(TEXT, encoding="utf-8")
    return store, corpus
