"""The shortcuts taken for speed give exactly what the plain code gives: the tagger's per-document
letter counts, the word-only shingle units, the cache row encoding, the stat taken during
confinement, and the paused garbage collector."""

from __future__ import annotations

import gc
import json
import os
from dataclasses import asdict
from pathlib import Path

import pytest

from multilingual import CLEAN
from seedkeeper.corpus.analysis import DocAnalysis
from seedkeeper.corpus.cache_rows import decode_row as _decode
from seedkeeper.corpus.cache_rows import encode_row as _encode
from seedkeeper.corpus.gcpause import paused_gc
from seedkeeper.corpus.safe_read import inspect
from seedkeeper.lang import detect_language
from seedkeeper.lang.scripts import effective_letters, profile
from seedkeeper.lang.tagger import _Letters
from seedkeeper.lang.textprep import clean_text, paragraphs, sample
from seedkeeper.problems import make
from seedkeeper.similarity import minhash

MIXED = "\n\n".join([CLEAN["en"], CLEAN["fa"], CLEAN["zh"], CLEAN["ar"], "ok", CLEAN["de"]])


@pytest.mark.parametrize("text", [*CLEAN.values(), MIXED], ids=[*CLEAN, "mixed"])
def test_letter_counts_per_piece_equal_the_script_profile(text):
    cleaned = clean_text(text)
    letters = _Letters(cleaned)
    pieces = paragraphs(cleaned) + [sample(cleaned, 240), sample(cleaned, 60), "", " \n "]
    for piece in pieces:
        assert letters.effective(piece) == effective_letters(piece)
        assert letters.dominant(piece) == profile(piece).dominant


def test_a_mixed_document_still_reports_its_other_language():
    english = " ".join([CLEAN["en"].strip()] * 3)
    persian = " ".join([CLEAN["fa"].strip()] * 3)
    result = detect_language("\n\n".join([english, persian, english, persian]))
    assert result.lang in ("en", "fa")
    assert {lang for lang, _ in result.others} == {"en", "fa"} - {result.lang}


@pytest.mark.parametrize(
    "text", ["plain words only", "a\u00a0b\u2003c\x1cd  e\n", "用python写", "ภาษาไทย and words", "\u0e31 mark", ""]
)
def test_units_of_text_without_no_space_scripts_are_its_words(text):
    assert minhash.units(text) == minhash._unit_re().findall(text)


def test_cache_rows_are_the_analysis_fields_in_declaration_order():
    a = DocAnalysis(
        rel="001_x.txt",
        size=10,
        sha256="ab" * 32,
        problems=(make("too-short", "001_x.txt", "short", 1),),
        readable=True,
        chars=9,
        words=2,
        title="Tëst",
        normalized_hash="cd" * 32,
        signature=b"\x00" * 8,
        line_fps="00ff00ff00ff00ff",
        lang={"lang": "de", "confidence": 0.5, "decided_by": "x", "candidates": {}},
    )
    reference = asdict(a)
    reference.pop("signature")
    reference.pop("rel")
    reference["problems"] = [
        {"code": p.code, "severity": p.severity, "message": p.message, "line": p.line} for p in a.problems
    ]
    data, sig = _encode(a)
    assert data == json.dumps(reference, ensure_ascii=False)
    assert sig == a.signature
    assert _decode(a.rel, data, sig) == a


@pytest.mark.parametrize(
    "damage",
    [
        {"candidates": ["x"]},
        {"candidates": {"py3langid": [{"lang": "hr", "score": "x"}]}},
        {"candidates": {"py3langid": "hr"}},
        {"others": "x"},
        {"others": [{"lang": "hr"}]},
        {"decided_by": ["agree"]},
        {"ruled_out": 5},
        {"ruled_out": ["hr", 5]},
        {"confidence": True},
    ],
)
def test_a_cached_language_of_another_shape_is_a_miss(damage):
    """Every field of the language record a reader renders or reasons on is checked: a damaged
    row is analysed again, never a crash in `tag --explain` or the allow-list."""
    good = {
        "lang": "und",
        "confidence": 0.0,
        "others": [{"lang": "hr", "share": 0.5}],
        "decided_by": "sh-undecided",
        "candidates": {"py3langid": [{"lang": "hr", "score": 0.5}], "cld2": []},
        "ruled_out": ["sl"],
    }
    a = DocAnalysis(rel="001_x.txt", size=1, sha256="ab" * 32, readable=True, lang=good)
    data, sig = _encode(a)
    assert _decode(a.rel, data, sig) == a
    data, sig = _encode(DocAnalysis(rel="001_x.txt", size=1, sha256="ab" * 32, readable=True, lang={**good, **damage}))
    with pytest.raises(ValueError):
        _decode(a.rel, data, sig)


@pytest.mark.parametrize(
    "line_fps", ["00ff", "00ff00ff00ff00fg", "00ff00ff00ff00ff0", "00ff 00ff 00ff 00ff 00ff00ff00ff", "é" * 16]
)
def test_cached_line_fingerprints_of_another_shape_are_a_miss(line_fps):
    """Packed fingerprints are 16 hex digits each; anything else was damaged, and is
    analysed again rather than unpacked wrong (or crashing) when boilerplate is counted."""
    a = DocAnalysis(rel="001_x.txt", size=1, sha256="ab" * 32, readable=True, line_fps=line_fps)
    data, sig = _encode(a)
    with pytest.raises(ValueError):
        _decode(a.rel, data, sig)


def test_inspect_gives_what_stat_says(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("hello\n", encoding="utf-8")
    os.symlink("sub/a.txt", tmp_path / "link.txt")
    for rel in ("sub/a.txt", "link.txt"):
        info = inspect(tmp_path, rel)
        st = os.stat(tmp_path / rel)
        assert (info.size, info.mtime_ns, info.inode, info.ctime_ns) == (
            st.st_size,
            st.st_mtime_ns,
            st.st_ino,
            st.st_ctime_ns,
        )
        assert info.path == (tmp_path / "sub" / "a.txt").resolve()


def test_a_folder_named_relative_is_resolved_from_the_current_folder_each_time(tmp_path, monkeypatch):
    # The seeds folder's real path was cached by the name as given: after a chdir, "seeds" still
    # meant the first folder of that name (a library user, or the CLI run twice in one process,
    # read the other corpus's files: `init` counted another folder's documents).
    for project, text in (("one", "first\n"), ("two", "second, longer\n")):
        (tmp_path / project / "seeds").mkdir(parents=True)
        (tmp_path / project / "seeds" / "a.txt").write_text(text, encoding="utf-8")
    for project in ("one", "two"):
        monkeypatch.chdir(tmp_path / project)
        info = inspect(Path("seeds"), "a.txt")
        assert info.path == (tmp_path / project / "seeds" / "a.txt").resolve()
        assert info.size == (tmp_path / project / "seeds" / "a.txt").stat().st_size


def test_the_collector_is_paused_inside_and_restored_after():
    assert gc.isenabled()
    with paused_gc():
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_the_pause_leaves_objects_a_caller_froze_frozen():
    # A pre-fork server freezes its objects so that forked workers share their pages.
    keep = [[i] for i in range(1000)]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with paused_gc():
            pass
        assert gc.get_freeze_count() == frozen and gc.isenabled()
    finally:
        gc.unfreeze()
    del keep


def test_discovery_lists_files_and_symlinks_not_fifos_folders_or_hidden_paths(tmp_path):
    from seedkeeper.corpus.discovery import discover

    for rel in ("a.txt", ".h.txt", "sub/b.txt", "sub/deeper/c.txt", ".hid/d.txt", "INDEX.md", "sub/e.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.txt")
    os.symlink("nowhere.txt", tmp_path / "dangling.txt")
    os.symlink("/etc/hostname", tmp_path / "outside.txt")
    os.symlink("sub", tmp_path / "linked-folder.txt")  # a folder: neither listed nor walked
    os.symlink("sub", tmp_path / "linked")
    undecodable: list[str] = []
    with open(os.path.join(os.fsencode(tmp_path), b"bad\xff.txt"), "wb") as f:
        f.write(b"x")
    found = discover(tmp_path, ("*.txt",), undecodable)
    assert found == ["a.txt", "dangling.txt", "outside.txt", "sub/b.txt", "sub/deeper/c.txt"]
    assert undecodable == [os.fsdecode(b"bad\xff.txt")]  # the exact name, which opens the file
