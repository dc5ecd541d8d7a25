"""A large INDEX.md's references kept in the cache by its text give what parsing gives."""

from __future__ import annotations

import pytest

from helpers import make_seeds
from multilingual import CLEAN
from seedkeeper import check, index
from seedkeeper.corpus import index_memo
from seedkeeper.corpus.pool import CacheSpec
from seedkeeper.indexmd.reader import parse_index
from seedkeeper.indexmd.writer import IndexRow, render_index
from seedkeeper.settings import Settings

NAMES = [f"{n:03d}_{n:016x}.txt" for n in range(400)]
ROWS = [IndexRow(f, "fa", 120, 20, "0123456789ab", "ok", f"Title | {n} *x*") for n, f in enumerate(NAMES)]

TEXTS = {
    "plain list": "# Seeds\n\n" + "".join(f"- {f} — note {n} (lang: de)\n" for n, f in enumerate(NAMES)),
    "managed table": render_index("# Seeds\n\nIntro with a [link](000_0000000000000000.txt).\n", ROWS),
    "hand table and unsafe links": "# Seeds\n\n| File | Lang |\n|---|---|\n"
    + "".join(f"| {f} | fa |\n" for f in NAMES[:50])
    + "\n- [up](../x.txt)\n- [abs](/etc/passwd.txt)\n- <my file.txt>\n",
    # A lone CR is a line break to markdown-it: entry lines past the LF count are still kept.
    "lone CR": "# Seeds\r\r" + "".join(f"- {f}\r" for f in NAMES[:30]),
    # A library caller's text may hold a lone surrogate (kept through the memo by surrogatepass).
    "lone surrogate in a note": "# Seeds\n\n" + "".join(f"- {f} — n\ud800te {n}\n" for n, f in enumerate(NAMES[:20])),
    # A list item's continuation lines are part of what a person wrote (an `ignore:` there accepts).
    "continuation lines": "# Seeds\n\n"
    + "".join(f"- {f} — note {n}\n  kept on purpose (ignore: bom)\n" for n, f in enumerate(NAMES[:30])),
    # A row listing several documents, one per cell (IndexEntry.later, kept), and a later cell
    # naming a document listed elsewhere: a mention (row_refs.settle_later_cells).
    "parallel and related rows": "# Seeds\n\n| Original | Translation | Source |\n|---|---|---|\n"
    + "".join(f"| {f} | {NAMES[n + 100]} | UN (lang: en) |\n" for n, f in enumerate(NAMES[:50]))
    + "\n| File | Translated from |\n|---|---|\n"
    + "".join(f"| {f} | {NAMES[n]} |\n" for n, f in enumerate(NAMES[200:230])),
}


@pytest.fixture
def spec(tmp_path):
    return CacheSpec(tmp_path / "cache")


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_the_kept_references_are_the_parsed_ones(name, spec, monkeypatch):
    text = TEXTS[name]
    monkeypatch.setattr(index_memo, "MIN_CHARS", 0)
    parsed = parse_index(text, ("*.txt",), Settings().name_pattern)
    first = index_memo.parse_index_cached(text, ("*.txt",), Settings().name_pattern, spec)
    calls = []
    monkeypatch.setattr(index_memo, "parse_index", lambda *a: calls.append(1) or parse_index(*a))
    second = index_memo.parse_index_cached(text, ("*.txt",), Settings().name_pattern, spec)
    assert first == parsed and second == parsed and calls == []  # the second came from the cache
    # Other settings are another question: parsed again.
    index_memo.parse_index_cached(text, ("*.md",), Settings().name_pattern, spec)
    assert calls == [1]


_ROW = '"000_0000000000000000.txt", "000_0000000000000000.txt", 3, "table", null, null, "", null, true'


@pytest.mark.parametrize(
    "blob",
    [
        b'{"entries": [[1, 2]], "span": null, "spans": []}',  # the first format, and a wrong row
        b'{"heads": [["File"]], "entries": [[' + _ROW.encode() + b', 1, ["x"], ""]], "span": null, "spans": []}',
        b'{"heads": [["File"]], "entries": [[' + _ROW.encode() + b', 0, ["x", "y"], ""]], "span": null, "spans": []}',
        b'{"heads": [["File"]], "entries": [[' + _ROW.encode() + b', 0, [7], ""]], "span": null, "spans": []}',
        b'{"heads": [[3]], "entries": [[' + _ROW.encode() + b', 0, ["x"], ""]], "span": null, "spans": []}',
        b'{"heads": [["File"]], "entries": [[' + _ROW.encode() + b', -1, ["x"], ""]], "span": null, "spans": []}',
        b'{"heads": ["F"], "entries": [[' + _ROW.encode() + b', 0, ["x"], ""]], "span": null, "spans": []}',
        # Version 9's rows, without a list item's continuation lines.
        b'{"heads": [["File"]], "entries": [[' + _ROW.encode() + b', 0, ["x"]]], "span": null, "spans": []}',
        b'{"heads": [["File"]], "entries": [[' + _ROW.encode() + b', 0, ["x"], 7]], "span": null, "spans": []}',
        b'{"heads": [["File"]], "entries": [[' + _ROW.encode() + b', 0, ["x"], "", false]], "span": null, "spans": []}',
    ],
    ids=[
        "old format",
        "head out of range",
        "cells and heads differ",
        "cell not text",
        "head not text",
        "negative head",
        "head not a list",
        "no continuation",
        "continuation not text",
        "later cell written false",
    ],
)
def test_a_damaged_memo_is_parsed_again(spec, monkeypatch, blob):
    from seedkeeper.corpus.cache import Cache

    monkeypatch.setattr(index_memo, "MIN_CHARS", 0)
    text = TEXTS["managed table"]
    index_memo.parse_index_cached(text, ("*.txt",), Settings().name_pattern, spec)
    key = index_memo._key(text, ("*.txt",), Settings().name_pattern)
    store = Cache(spec.folder)
    store.put_blobs("index-parse", [(key, blob)])
    store.close()
    again = index_memo.parse_index_cached(text, ("*.txt",), Settings().name_pattern, spec)
    assert again == parse_index(text, ("*.txt",), Settings().name_pattern)


def test_check_gives_the_same_report_from_the_kept_references(tmp_path, monkeypatch):
    monkeypatch.setattr(index_memo, "MIN_CHARS", 0)
    files = {f"{n:03d}_{n:016x}.txt": CLEAN[lang] for n, lang in enumerate(sorted(CLEAN))}
    root = make_seeds(tmp_path, files)
    index(root, Settings())
    spec = CacheSpec(tmp_path / "cache")
    cold = check(root, Settings(), cache=spec).to_dict()
    warm = check(root, Settings(), cache=spec).to_dict()
    assert cold == warm == check(root, Settings()).to_dict()


def test_an_ignore_on_a_continuation_line_accepts_from_the_kept_references(tmp_path, monkeypatch):
    # The memo kept every field of a reference but a list item's continuation lines: a warm
    # `check` of a large INDEX.md no longer accepted what an `ignore:` written there accepts.
    monkeypatch.setattr(index_memo, "MIN_CHARS", 0)
    name = "000_0000000000000000.txt"
    root = make_seeds(tmp_path, {name: "\ufeff" + CLEAN["en"]}, f"# Seeds\n\n- {name} a note\n  kept (ignore: bom)\n")
    spec = CacheSpec(tmp_path / "cache")
    codes = [[p["code"] for p in check(root, Settings(), cache=spec).to_dict()["problems"]] for _ in range(2)]
    assert "bom" not in codes[0] and codes[0] == codes[1], codes
