"""Ctrl-C (SIGINT) in the middle of `add`: exit 130 and nothing half-added. The copies the run
had written go again, as after a full disk, so the folder holds no unlisted document that the
next `add` would refuse as a duplicate of itself; once INDEX.md lists them, they stay."""

from __future__ import annotations

from pathlib import Path

import pytest

import seedkeeper
from helpers import doc_name, index_for, make_seeds

pytestmark = pytest.mark.usefixtures("isolated_env")

FA = "امروز ۱۴۰۳/۰۵/۱۲ باران بارید و خیابان‌های شهر تا صبح خیس ماندند.\n"
EN = "Snow fell all night and the roads were closed by morning, said the mayor.\n"


def _corpus(tmp_path: Path) -> Path:
    files = {doc_name(0): "The river rose after a week of rain and the bridge was closed.\n"}
    root = make_seeds(tmp_path, files, index_for(files))
    seedkeeper.index(root, jobs=1, cache=None)
    return root


def _inputs(tmp_path: Path) -> list[Path]:
    out = []
    for i, text in enumerate((FA, EN)):
        src = tmp_path / f"in{i}.txt"
        src.write_text(text, encoding="utf-8")
        out.append(src)
    return out


def _interrupt_on_call(monkeypatch, module, name: str, n: int, *, after: bool = False) -> None:
    real = getattr(module, name)
    calls = [0]

    def wrapped(*a, **k):
        calls[0] += 1
        if calls[0] == n and not after:
            raise KeyboardInterrupt
        out = real(*a, **k)
        if calls[0] == n:
            raise KeyboardInterrupt
        return out

    monkeypatch.setattr(module, name, wrapped)


def test_ctrl_c_between_two_new_documents_leaves_neither(cli, tmp_path, monkeypatch):
    import seedkeeper.operations.adding as adding

    root = _corpus(tmp_path)
    index_before = (root / "INDEX.md").read_bytes()
    _interrupt_on_call(monkeypatch, adding, "write_atomic", 2)  # the Persian one is written
    r = cli("add", *_inputs(tmp_path), "--seeds", root)
    assert r.exit_code == 130 and "interrupted" in r.stderr
    assert sorted(p.name for p in root.glob("*.txt")) == [doc_name(0)]
    assert (root / "INDEX.md").read_bytes() == index_before
    monkeypatch.undo()
    assert cli("add", *_inputs(tmp_path), "--seeds", root).exit_code == 0  # not refused as duplicates
    assert len(list(root.glob("*.txt"))) == 3
    assert cli("check", root).exit_code == 0


def test_ctrl_c_just_after_a_copy_is_renamed_in_place_leaves_it_not(cli, tmp_path, monkeypatch):
    import seedkeeper.operations.adding as adding

    root = _corpus(tmp_path)
    # write_atomic has renamed the copy into place and is syncing the folder when Ctrl-C comes.
    _interrupt_on_call(monkeypatch, adding, "write_atomic", 1, after=True)
    r = cli("add", *_inputs(tmp_path), "--seeds", root)
    assert r.exit_code == 130
    assert sorted(p.name for p in root.glob("*.txt")) == [doc_name(0)]
    assert cli("check", root).exit_code == 0


def test_ctrl_c_before_index_md_is_written_leaves_no_new_document(cli, tmp_path, monkeypatch):
    import seedkeeper.operations.adding as adding

    root = _corpus(tmp_path)
    _interrupt_on_call(monkeypatch, adding, "write_rows", 1)
    r = cli("add", *_inputs(tmp_path), "--seeds", root)
    assert r.exit_code == 130
    assert sorted(p.name for p in root.glob("*.txt")) == [doc_name(0)]
    assert cli("check", root).exit_code == 0


def test_ctrl_c_once_index_md_lists_them_keeps_the_new_documents(cli, tmp_path, monkeypatch):
    import seedkeeper.operations.adding as adding

    root = _corpus(tmp_path)
    _interrupt_on_call(monkeypatch, adding, "write_rows", 1, after=True)
    r = cli("add", *_inputs(tmp_path), "--seeds", root)
    assert r.exit_code == 130
    assert len(list(root.glob("*.txt"))) == 3  # listed in INDEX.md: removing them would lose them
    assert cli("check", root).exit_code == 0


def test_an_uninterrupted_add_is_unchanged(cli, tmp_path):
    root = _corpus(tmp_path)
    assert cli("add", *_inputs(tmp_path), "--seeds", root).exit_code == 0
    assert len(list(root.glob("*.txt"))) == 3
    assert cli("check", root).exit_code == 0
