"""Every corpus-level blob in the cache, damaged in the ways JSON readers trip on (NaN and
Infinity where an int belongs, nesting deeper than the interpreter's stack, values of the wrong
type, spans outside the text), is a miss: `check` and `index` give what they give without a cache."""

from __future__ import annotations

import pytest

from helpers import make_seeds
from seedkeeper import check, index
from seedkeeper.corpus import index_memo
from seedkeeper.corpus.cache import Cache
from seedkeeper.corpus.pool import CacheSpec
from seedkeeper.settings import Settings
from test_boilerplate_state import files

DEEP = b"[" * 5000 + b"]" * 5000
ROW = b'"000_0000000000000000.txt", "000_0000000000000000.txt", 3, "table", null, null, "", null, true'
DAMAGE = {
    "boilerplate": [b'[["000_0000000000000000.txt", Infinity, "x"]]', b'[["a", true, "m"]]', b'{"a1m": 1}', DEEP],
    "boilerplate-state": [
        (30).to_bytes(8, "little") + b'{"docs": [], "found": [["a", NaN, "m"]], "n": 0}',
        (len(DEEP)).to_bytes(8, "little") + DEEP,
    ],
    "clusters": [
        b'{"clusters": [{"keep": 5, "duplicates": []}], "too_short": []}',
        b'{"clusters": [{"keep": "a", "duplicates": [{"file": "b", "kind": "near", "similarity": "nan", "of": "a"}]}],'
        b' "too_short": []}',
        b'{"clusters": [], "too_short": [{"a": 1}]}',
        DEEP,
    ],
    "candidates": [b'{"present": [Infinity], "pairs": []}', b'{"present": [1], "pairs": [[null, 2]]}', DEEP],
    "index-parse": [
        b'{"heads": [], "entries": [], "span": null, "spans": [[Infinity, 1]]}',
        b'{"heads": [], "entries": [], "span": ["a", "b", "c"], "spans": []}',
        b'{"heads": [], "entries": [], "span": null, "spans": [[90000, 90001]]}',
        b'{"heads": [["File"]], "entries": [['
        + ROW.replace(b", 3,", b", 99999,")  # a line past the text's end
        + b', 0, ["x"]]], "span": null, "spans": []}',
        DEEP,
    ],
}
CASES = [(kind, i) for kind, blobs in DAMAGE.items() for i in range(len(blobs))]


def outcome(root, cache) -> tuple:
    c = check(root, Settings(), jobs=1, cache=cache).to_dict()
    return c["ok"], sorted((p["file"] or "", p["code"], p["line"] or 0, p["message"]) for p in c["problems"])


@pytest.mark.parametrize(("kind", "i"), CASES, ids=[f"{kind}-{i}" for kind, i in CASES])
def test_a_damaged_blob_is_a_miss(tmp_path, monkeypatch, kind, i):
    monkeypatch.setattr(index_memo, "MIN_CHARS", 0)  # the INDEX.md memo is kept for this small folder too
    root = make_seeds(tmp_path, files())
    spec = CacheSpec(tmp_path / "cache")
    index(root, Settings(), cache=spec)  # a managed table: the memo's spans and table rows exist
    expected = outcome(root, None)
    assert outcome(root, spec) == expected
    store = Cache(spec.folder)
    keys = [k for (k,) in store.db.execute("SELECT sha256 FROM shingles WHERE fingerprint = ?", (kind,))]
    assert keys, f"no {kind} blob was kept"
    store.put_blobs(kind, [(k, DAMAGE[kind][i]) for k in keys])
    if kind == "boilerplate-state":
        # The kept counts are read only when the whole result is not there and a document changed.
        with store.db:
            store.db.execute("DELETE FROM shingles WHERE fingerprint = 'boilerplate'")
        doc = sorted(root.glob("*.txt"))[1]
        doc.write_text(doc.read_text(encoding="utf-8") + "Eine Zeile, die nur hier steht.\n", encoding="utf-8")
        expected = outcome(root, None)
    store.close()
    assert outcome(root, spec) == expected
    index(root, Settings(), cache=spec)  # rewrites INDEX.md from the (missed) memo: no crash
    assert outcome(root, spec) == outcome(root, None)


@pytest.mark.parametrize("value", ["text, not bytes", 12345, 1.5], ids=["text", "int", "float"])
@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_a_value_of_another_sqlite_type_is_a_miss(tmp_path, monkeypatch, kind, value):
    """SQLite keeps any type in any column: a blob stored as text or a number is no blob."""
    monkeypatch.setattr(index_memo, "MIN_CHARS", 0)
    root = make_seeds(tmp_path, files())
    spec = CacheSpec(tmp_path / "cache")
    index(root, Settings(), cache=spec)
    expected = outcome(root, None)
    outcome(root, spec)
    store = Cache(spec.folder)
    with store.db:
        store.db.execute("UPDATE shingles SET data = ? WHERE fingerprint = ?", (value, kind))
    # The whole boilerplate result aside, so that the kept counts are read; and a document
    # changed, so that they are used.
    with store.db:
        store.db.execute("DELETE FROM shingles WHERE fingerprint = 'boilerplate'")
    store.close()
    doc = sorted(root.glob("*.txt"))[1]
    doc.write_text(doc.read_text(encoding="utf-8") + "Eine Zeile, die nur hier steht.\n", encoding="utf-8")
    expected = outcome(root, None)
    assert outcome(root, spec) == expected
    index(root, Settings(), cache=spec)
