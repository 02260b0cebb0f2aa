"""The store publishes builds atomically and a failed build leaves the live store intact."""

import pyoxigraph as ox
import pytest

from litkg.errors import StoreError
from litkg.store import StoreWriter, live_path, open_store

EX = "http://example.org/"


def _quad(i: int) -> ox.Quad:
    return ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(str(i)),
                   ox.NamedNode(f"{EX}g"))


def _publish(store_dir, n):
    with StoreWriter(store_dir) as writer:
        writer.store.bulk_extend([_quad(i) for i in range(n)])
        writer.write_claims([])
        writer.publish({"n": n})


def _count(store_dir):
    store = open_store(store_dir)
    return len(list(store.quads_for_pattern(None, None, None, None)))


def test_missing_store_says_to_build(tmp_path):
    with pytest.raises(StoreError, match="litkg build"):
        open_store(tmp_path / "nowhere")


def test_publish_swaps_the_live_build(tmp_path):
    _publish(tmp_path, 3)
    first = live_path(tmp_path)
    _publish(tmp_path, 5)
    assert live_path(tmp_path) != first
    assert _count(tmp_path) == 5


def test_failed_build_leaves_previous_store_and_no_debris(tmp_path):
    _publish(tmp_path, 3)
    before = live_path(tmp_path)
    with pytest.raises(RuntimeError):
        with StoreWriter(tmp_path) as writer:
            writer.store.bulk_extend([_quad(i) for i in range(100)])
            raise RuntimeError("extraction crashed half-way")
    assert live_path(tmp_path) == before
    assert _count(tmp_path) == 3
    assert sorted(p.name for p in (tmp_path / "builds").iterdir()) == [before.name]


def test_old_builds_are_pruned(tmp_path):
    for n in range(4):
        _publish(tmp_path, n + 1)
    assert len(list((tmp_path / "builds").iterdir())) == 2  # live + one previous
