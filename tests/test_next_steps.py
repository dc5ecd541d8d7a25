"""A newcomer's walk-through: each finding and error ends with the command that resolves it (as
`fix` already did for not-utf8), so nobody has to search the README for what to type next."""

from __future__ import annotations

import json

import pytest

from dedup_fixtures import doc
from helpers import NO_INDEX, assert_exit, doc_name, make_seeds

pytestmark = pytest.mark.usefixtures("isolated_env")

A = doc("en", [0, 1, 2, 3])
ORIG, COPY, OTHER = doc_name(0), doc_name(1), doc_name(2)


def _messages(cli, *args) -> dict[tuple[str | None, str], str]:
    """(file, code) -> message of `check`/`validate --format json`."""
    data = json.loads(cli(*args, "--format", "json").stdout)
    return {(p["file"], p["code"]): p["message"] for p in data["problems"]}


def test_unlisted_file_says_index_lists_it(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: A, OTHER: doc("fa", [0, 1, 2, 3])}, index=f"# Seeds\n\n- {ORIG}\n")
    msg = _messages(cli, "validate", root)[(OTHER, "unlisted-file")]
    assert msg.startswith("in the folder but not listed in INDEX.md") and "`seedkeeper index`" in msg


def test_index_missing_says_index_creates_one(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: A}, index=NO_INDEX)
    msg = _messages(cli, "validate", root)[(None, "index-missing")]
    assert msg.startswith("INDEX.md not found") and "`seedkeeper index`" in msg
    assert_exit(cli("index", root), 0)  # and it does create one
    assert (root / "INDEX.md").is_file()


def test_not_utf8_in_check_says_fix_encoding_auto(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: A, OTHER: "café au lait, très bon pour la santé.\n".encode("latin-1")})
    msg = _messages(cli, "check", root)[(OTHER, "not-utf8")]
    assert msg.startswith("invalid UTF-8 at line 1") and "`seedkeeper fix --encoding auto`" in msg


@pytest.mark.parametrize(
    ("copy", "code"),
    [
        (A, "exact-duplicate"),
        (A.replace("the", "teh", 1), "near-duplicate"),
        (doc("en", [1, 2]), "contained-duplicate"),
    ],
)
def test_duplicates_say_dedup_apply_or_an_ignore_note(cli, tmp_path, copy, code):
    root = make_seeds(tmp_path, {ORIG: A, COPY: copy})
    msg = _messages(cli, "check", root)[(COPY, code)]
    assert "`seedkeeper dedup --apply`" in msg and f"`ignore: {code}`" in msg, msg


def test_dedup_text_says_apply(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: A, COPY: A})
    r = cli("dedup", root)
    assert_exit(r, 1)
    assert "1 cluster, 1 duplicate" in r.output and "`seedkeeper dedup --apply`" in " ".join(r.output.split())
    applied = cli("dedup", root, "--apply")
    assert_exit(applied, 0)
    assert "dedup --apply`" not in applied.output  # nothing left to apply: no hint


def test_index_check_says_how_to_see_and_apply(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: A})
    r = cli("index", root, "--check")
    assert_exit(r, 1)
    out = " ".join(r.output.split())
    assert "INDEX.md would change" in out and "`seedkeeper index --diff`" in out and "`seedkeeper index`" in out
    assert_exit(cli("index", root), 0)
    r = cli("index", root, "--check")
    assert_exit(r, 0)
    assert "--diff" not in r.output


@pytest.mark.parametrize("index", ["# Seeds\n", NO_INDEX])
@pytest.mark.parametrize("command", ["validate", "check", "tag", "index"])
def test_inside_the_seeds_folder_the_error_gives_the_command_with_dot(cli, tmp_path, monkeypatch, command, index):
    """No config, standing in the seeds folder (documents, maybe not INDEX.md yet): the default
    `./seeds` is missing, and the error says what to type: this command, on `.`."""
    root = make_seeds(tmp_path, {"a.txt": A}, index=index, folder="seeds")
    monkeypatch.chdir(root)
    r = cli(command)
    assert_exit(r, 2)
    assert "seeds folder not found" in r.stderr and f"`seedkeeper {command} .`" in r.stderr, r.stderr


def test_an_empty_folder_gets_no_dot_hint(cli, tmp_path, monkeypatch):
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    r = cli("validate")
    assert_exit(r, 2)
    assert "seeds folder not found" in r.stderr and "`.`" not in r.stderr


def test_a_second_restore_says_it_was_already_restored(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: A, COPY: A})
    assert_exit(cli("dedup", root, "--apply"), 0)
    assert_exit(cli("restore", COPY, "--seeds", root), 0)
    r = cli("restore", COPY, "--seeds", root)
    assert_exit(r, 2)
    err = " ".join(r.stderr.split())
    assert f"{COPY} was already restored" in err and "nothing is" not in err, err
