"""`seedkeeper rename`'s exit code says whether the job was done, as `ruff --fix` does: 1 when a
document it should have renamed was left (each one named, with why), 0 when every one was
renamed or there was nothing to rename. `--dry-run` answers as `black --check`: 1 when the real
run would rename or leave something, 0 when there is nothing to do."""

from __future__ import annotations

import json
import pathlib
import re

import pytest

from helpers import assert_exit, make_seeds, snapshot
from multilingual import CLEAN

pytestmark = pytest.mark.usefixtures("isolated_env")

NAME = re.compile(r"\d{3,}_[0-9a-f]{16}\.txt")
# `a.txt` can be renamed; `persian news.txt` is listed by an item that does not mark where its
# name ends, which rename cannot rewrite, so it is skipped on purpose.
SPACED = "# S\n\n- a.txt\n- persian news.txt from BBC\n"
TEXTS = {"a.txt": CLEAN["ru"], "persian news.txt": CLEAN["fa"]}


def test_rename_exits_1_and_names_what_it_skipped(cli, tmp_path):
    root = make_seeds(tmp_path, TEXTS, index=SPACED)
    r = cli("rename", root)
    assert_exit(r, 1)
    assert not (root / "a.txt").exists()  # the rest was done
    assert "skipped persian news.txt: INDEX.md line 4" in r.stderr
    assert "1 document renamed" in r.stdout and "1 skipped" in r.stdout


def test_rename_says_where_the_reason_is_and_gives_the_one_check_gives(cli, tmp_path):
    """stdout may be redirected: the summary does not point "above" to lines written on stderr;
    and the reason is check's bad-name step (how to write the item), not "see check"."""
    root = make_seeds(tmp_path, TEXTS, index=SPACED)
    check = json.loads(cli("validate", root, "--format", "json").stdout)
    [bad_name] = [p["message"] for p in check["problems"] if p["code"] == "bad-name" and "persian" in p["file"]]
    r = cli("rename", root, "--dry-run")
    assert_exit(r, 1)
    assert "see above" not in r.stdout and "1 skipped (why: on stderr)" in r.stdout, r.stdout
    [line] = [ln for ln in r.stderr.splitlines() if ln.startswith("skipped persian news.txt: ")]
    why = line.removeprefix("skipped persian news.txt: ")
    assert "see check" not in why and why in bad_name and "<persian news.txt>" in why, (why, bad_name)
    data = json.loads(cli("rename", root, "--dry-run", "--format", "json").stdout)
    assert data["skipped"] == [{"file": "persian news.txt", "why": why}]


def test_rename_json_says_not_ok_and_exits_1_when_it_skipped(cli, tmp_path):
    root = make_seeds(tmp_path, TEXTS, index=SPACED)
    r = cli("rename", root, "--format", "json")
    assert_exit(r, 1)
    data = json.loads(r.stdout)
    assert data["ok"] is False and [s["file"] for s in data["skipped"]] == ["persian news.txt"]


def test_rename_exits_0_when_every_document_was_renamed_or_none_needed_it(cli, tmp_path):
    root = make_seeds(tmp_path, {"a.txt": CLEAN["ru"]}, index="# S\n\n- a.txt\n")
    r = cli("rename", root, "--format", "json")
    assert_exit(r, 0)
    assert json.loads(r.stdout)["ok"] is True
    assert_exit(cli("rename", root), 0)  # nothing left to rename


@pytest.mark.parametrize(
    ("files", "index", "code"),
    [
        ({"a.txt": CLEAN["ru"]}, "# S\n\n- a.txt\n", 1),  # would rename
        (TEXTS, SPACED, 1),  # would rename one, leave one
        ({"persian news.txt": CLEAN["fa"]}, "# S\n\n- persian news.txt from BBC\n", 1),  # would only leave
        ({"000_0123456789abcdef.txt": CLEAN["ru"]}, None, 0),  # nothing to do
    ],
)
def test_rename_dry_run_exits_as_black_check_does(cli, tmp_path, files, index, code):
    root = make_seeds(tmp_path, files, index=index)
    before = snapshot(root)
    r = cli("rename", root, "--dry-run")
    assert_exit(r, code)
    assert snapshot(root) == before
    r = cli("rename", root, "--dry-run", "--format", "json")
    assert_exit(r, code)
    assert json.loads(r.stdout)["ok"] is (code == 0)


def test_an_unreadable_document_is_skipped_with_why_not_an_internal_error(cli, tmp_path, monkeypatch):
    # Tests may run as root, where chmod 000 still reads: the read itself is made to fail.
    root = make_seeds(tmp_path, {"a.txt": CLEAN["ru"], "b.txt": CLEAN["en"]}, index="# S\n\n- a.txt\n- b.txt\n")
    read = pathlib.Path.read_bytes

    def refuse(self):
        if self.name == "b.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return read(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", refuse)
    r = cli("rename", root)
    assert_exit(r, 1)
    assert "skipped b.txt: cannot be read (permission denied)" in r.stderr, r.output
    assert (root / "b.txt").exists() and not (root / "a.txt").exists()
    assert "internal error" not in r.output
