"""The embedded store: Oxigraph on disk, published atomically.

Layout of a store folder (default ``.litkg/``)::

    .litkg/
      current -> builds/20261122T184500Z-1234     symlink to the live build
      builds/<build id>/oxigraph/                 the Oxigraph (RocksDB) database
      builds/<build id>/claims.jsonl              every claim, contract form, after curation
      builds/<build id>/build.json                the build summary
      build.lock                                  serialises concurrent builds

A build writes a *new* build folder and, only when it succeeded (and validated), swaps the
``current`` symlink with ``os.replace`` — an atomic rename on POSIX.  An interrupted or failed
build therefore never touches the live store: readers keep using the previous build.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import pyoxigraph as ox
from filelock import FileLock, Timeout

from litkg.errors import StoreError

CURRENT = "current"
BUILDS = "builds"
#: Builds kept besides the live one, so a server that opened the previous build keeps working.
KEEP_PREVIOUS = 1


@dataclass(frozen=True)
class BuildDir:
    """A build folder being written (not yet live)."""

    path: Path

    @property
    def oxigraph(self) -> Path:
        return self.path / "oxigraph"

    @property
    def claims(self) -> Path:
        return self.path / "claims.jsonl"

    @property
    def summary(self) -> Path:
        return self.path / "build.json"


def live_path(store_dir: Path | str) -> Path:
    """The folder of the live build, or a :class:`StoreError` saying to run ``litkg build``."""
    store_dir = Path(store_dir)
    link = store_dir / CURRENT
    if not link.exists():
        raise StoreError("no store has been built here yet", where=str(store_dir),
                         hint="run `litkg build` first, or pass --store DIR")
    return link.resolve()


def open_store(store_dir: Path | str, *, read_only: bool = True) -> ox.Store:
    """Open the live Oxigraph database of ``store_dir``."""
    path = live_path(store_dir) / "oxigraph"
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as err:
        raise StoreError(f"cannot open the Oxigraph store: {err}", where=str(path),
                         hint="another process may hold it for writing; retry, or rebuild") from err


def live_claims_path(store_dir: Path | str) -> Path:
    return live_path(store_dir) / "claims.jsonl"


def read_summary(store_dir: Path | str) -> dict[str, Any]:
    return json.loads((live_path(store_dir) / "build.json").read_text(encoding="utf-8"))


class StoreWriter:
    """Writes one build and publishes it atomically.

    Use as a context manager: on an exception the half-written build folder is removed and
    the live store is untouched::

        with StoreWriter(store_dir) as writer:
            writer.store.bulk_extend(quads)
            writer.publish(summary)
    """

    def __init__(self, store_dir: Path | str, *, lock_timeout: float = 600.0):
        self.store_dir = Path(store_dir)
        self._lock = FileLock(str(self.store_dir / "build.lock"), timeout=lock_timeout)
        self.build: BuildDir | None = None
        self.store: ox.Store | None = None
        self._published = False

    def __enter__(self) -> "StoreWriter":
        try:
            self.store_dir.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"cannot create the store folder: {err}", where=str(self.store_dir),
                             hint="choose a writable folder with --store") from err
        try:
            self._lock.acquire()
        except Timeout as err:
            raise StoreError("another build holds the lock", where=str(self.store_dir / "build.lock"),
                             hint="wait for it to finish; delete the lock file only if no build runs") from err
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        path = self.store_dir / BUILDS / f"{stamp}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        path.mkdir(parents=True)
        self.build = BuildDir(path)
        self.store = ox.Store(str(self.build.oxigraph))
        return self

    def write_claims(self, lines: Iterable[str]) -> None:
        assert self.build is not None
        with self.build.claims.open("w", encoding="utf-8") as handle:
            for line in lines:
                handle.write(line + "\n")

    def publish(self, summary: dict[str, Any]) -> Path:
        """Flush, write the summary and swap ``current`` to this build."""
        assert self.build is not None and self.store is not None
        self.store.flush()
        self.store.optimize()
        self.store = None  # closes the database before readers open it
        self.build.summary.write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n",
                                      encoding="utf-8")
        link = self.store_dir / CURRENT
        tmp_link = self.store_dir / f".current-{os.getpid()}"
        if tmp_link.is_symlink() or tmp_link.exists():
            tmp_link.unlink()
        # Relative target so the store folder can be moved or copied as a whole.
        os.symlink(os.path.relpath(self.build.path, self.store_dir), tmp_link)
        os.replace(tmp_link, link)
        self._published = True
        self._prune()
        return self.build.path

    def _prune(self) -> None:
        assert self.build is not None
        builds = sorted((p for p in (self.store_dir / BUILDS).iterdir() if p.is_dir()),
                        key=lambda p: p.stat().st_mtime)
        old = [p for p in builds if p != self.build.path]
        for path in old[: max(0, len(old) - KEEP_PREVIOUS)]:
            shutil.rmtree(path, ignore_errors=True)

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if not self._published and self.build is not None:
                self.store = None
                shutil.rmtree(self.build.path, ignore_errors=True)
        finally:
            self._lock.release()
