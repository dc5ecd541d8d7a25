"""`seedkeeper validate` through the shell: exit codes, the three output formats, internal errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import assert_exit, doc_name, index_for, make_seeds
from multilingual import CLEAN, HINDI_ZWJ, PERSIAN_ZWNJ_RLM
from seedkeeper.shell.app import app

pytestmark = pytest.mark.usefixtures("isolated_env")

REPO = Path(__file__).resolve().parents[1]
GOOD, BAD, OTHER = doc_name(1), doc_name(2), doc_name(3)
PROBLEM_KEYS = {"file", "code", "severity", "message", "line"}


@pytest.fixture
def clean_folder(tmp_path):
    texts = {**CLEAN, "fa2": PERSIAN_ZWNJ_RLM, "hi2": HINDI_ZWJ}
    return make_seeds(tmp_path, {doc_name(i, k): t for i, (k, t) in enumerate(texts.items())})


@pytest.fixture
def broken_folder(tmp_path):
    """Errors and warnings spread over several files, INDEX.md findings included."""
    files = {
        GOOD: CLEAN["fa"],
        BAD: (CLEAN["en"] + CLEAN["fr"]).encode() + b"caf\xe9\n",  # not-utf8 on line 5
        OTHER: b"\xef\xbb\xbf" + CLEAN["zh"].encode(),  # bom (warning)
        "a,b:c.txt": CLEAN["ar"],  # bad-name; a name that needs escaping in github output
        "sub/" + doc_name(4): CLEAN["ru"],  # unlisted
        "x,y:z.txt": CLEAN["el"],  # unlisted, with a name that needs escaping in github output
    }
    index = index_for([OTHER, GOOD, BAD, "a,b:c.txt", doc_name(9), GOOD, "../escape.txt"])
    return make_seeds(tmp_path, files, index=index)


# ---------------------------------------------------------------- exit codes


def test_clean_multilingual_folder_exits_0(cli, clean_folder):
    r = cli("validate", clean_folder)
    assert r.exit_code == 0, r.output
    assert "ok" in r.stdout
    r = cli("validate", clean_folder, "--format", "json", "--strict")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["ok"] is True and json.loads(r.stdout)["problems"] == []


def test_errors_exit_1(cli, broken_folder):
    for fmt in ("text", "json", "github"):
        r = cli("validate", broken_folder, "--format", fmt)
        assert_exit(r, 1)


def test_warnings_only_exit_0_and_strict_exit_1(cli, tmp_path):
    root = make_seeds(tmp_path, {GOOD: CLEAN["he"] + "\u202eעברית\n"})
    assert cli("validate", root).exit_code == 0
    assert_exit(cli("validate", root, "--strict"), 1)


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_missing_folder_exits_2(cli, tmp_path, fmt):
    r = cli("validate", tmp_path / "no-such-folder", "--format", fmt)
    assert r.exit_code == 2, r.output
    assert "no-such-folder" in r.stderr
    assert r.stdout.strip() == ""
    assert "Traceback" not in r.output


def test_a_file_instead_of_a_folder_exits_2(cli, tmp_path):
    f = tmp_path / "INDEX.md"
    f.write_text("- x.txt\n")
    r = cli("validate", f)
    assert r.exit_code == 2


def test_default_folder_is_seeds_in_cwd(cli, tmp_path):
    make_seeds(tmp_path, {GOOD: CLEAN["fa"]}, index="# empty\n")
    r = cli("validate", "--format", "json")
    assert_exit(r, 1)
    assert [p["code"] for p in json.loads(r.stdout)["problems"]] == ["unlisted-file"]


def test_project_seeds_folder_is_valid(monkeypatch):
    seeds = REPO / "seeds"
    assert (seeds / "INDEX.md").is_file()
    monkeypatch.chdir(REPO)
    r = CliRunner().invoke(app, ["validate", str(seeds), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["ok"] is True


# ---------------------------------------------------------------- json


def test_json_is_one_object_with_the_contract_shape(cli, broken_folder):
    r = cli("validate", broken_folder, "--format", "json")
    data = json.loads(r.stdout)  # the whole of stdout is one JSON document
    assert isinstance(data, dict)
    assert data["ok"] is False
    problems = data["problems"]
    assert problems and all(set(p) == PROBLEM_KEYS for p in problems)
    for p in problems:
        assert p["severity"] in ("error", "warning")
        assert p["file"] is None or isinstance(p["file"], str)
        assert p["line"] is None or (isinstance(p["line"], int) and p["line"] >= 1)
    files = [p["file"] for p in problems]
    assert files == sorted(files, key=lambda f: (f is not None, f or ""))
    got = {(p["code"], p["file"], p["line"]) for p in problems}
    assert {
        ("not-utf8", BAD, 5),
        ("bom", OTHER, 1),
        ("missing-file", doc_name(9), 7),
        ("duplicate-entry", GOOD, 8),
        ("unsafe-path", "../escape.txt", 9),
        ("bad-name", "a,b:c.txt", 6),
        ("unlisted-file", "sub/" + doc_name(4), None),
    } <= got
    assert r.stderr.strip() == ""


def test_json_keeps_non_ascii_names(cli, tmp_path):
    root = make_seeds(tmp_path, {"فایل.txt": CLEAN["fa"], "文件.txt": CLEAN["zh"]})
    r = cli("validate", root, "--format", "json")
    assert r.exit_code == 0
    files = {p["file"] for p in json.loads(r.stdout)["problems"]}
    assert files == {"فایل.txt", "文件.txt"}  # bad-name warnings, named as in INDEX.md


def test_two_runs_give_identical_json(cli, broken_folder):
    a = cli("validate", broken_folder, "--format", "json").stdout
    b = cli("validate", broken_folder, "--format", "json").stdout
    assert a == b and a.strip()


# ---------------------------------------------------------------- github


def test_github_workflow_commands(cli, broken_folder):
    r = cli("validate", broken_folder, "--format", "github")
    lines = r.stdout.splitlines()
    commands = [ln for ln in lines if ln.startswith("::")]
    assert all(ln.startswith(("::error ", "::warning ")) for ln in commands)
    assert f"::error file=seeds/{BAD},line=5," in r.stdout
    assert any(ln.startswith(f"::warning file=seeds/{OTHER},line=1,") for ln in commands)
    # INDEX.md findings with a line point into INDEX.md.
    assert any(ln.startswith("::error file=seeds/INDEX.md,line=7,") and doc_name(9) in ln for ln in commands)
    # Property values are escaped: ',' and ':' in a file name must not break the command.
    assert not any("file=seeds/x,y:z.txt" in ln for ln in commands)
    assert any(ln.startswith("::error file=seeds/x%2Cy%3Az.txt,") for ln in commands)
    # Every command has a message after the second '::'.
    assert all(len(ln.split("::", 2)) == 3 and ln.split("::", 2)[2] for ln in commands)


def test_github_clean_folder_has_no_commands(cli, clean_folder):
    r = cli("validate", clean_folder, "--format", "github")
    assert r.exit_code == 0
    assert not [ln for ln in r.stdout.splitlines() if ln.startswith("::")]


# ---------------------------------------------------------------- text


def test_text_names_files_codes_and_messages(cli, tmp_path):
    root = make_seeds(
        tmp_path,
        {GOOD: CLEAN["fa"], BAD: b"\xef\xbb\xbf" + CLEAN["ar"].encode()},
        index=f"- {GOOD}\n- {BAD}\n- {doc_name(9)}\n",
    )
    r = cli("validate", root)
    assert_exit(r, 1)
    for s in (BAD, "bom", doc_name(9), "missing-file", "byte-order mark"):
        assert s in r.stdout, s
    assert "\x1b[" not in r.stdout  # no colour codes when not a terminal


def test_text_keeps_codes_and_messages_with_long_paths(cli, tmp_path):
    rel = "archive/2024/persian-news/" + doc_name(1)
    root = make_seeds(tmp_path, {rel: "short\n"}, index="# Seeds\n")
    r = cli("validate", root)
    assert_exit(r, 1)
    for s in ("unlisted-file", "too-short", "not listed in INDEX.md", "under the minimum"):
        assert s in r.stdout, s


# ---------------------------------------------------------------- internal errors


def test_internal_error_is_one_line_exit_3(cli, clean_folder, monkeypatch):
    import seedkeeper.operations.validation as cmd

    def boom(*a, **k):
        raise RuntimeError("the disk caught fire")

    monkeypatch.setattr(cmd, "validate", boom)
    r = cli("validate", clean_folder, "--format", "json")
    assert r.exit_code == 3
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert "the disk caught fire" in lines[0] and "RuntimeError" in lines[0]
    assert "Traceback" not in r.output
    assert r.stdout.strip() == ""


def test_internal_error_from_the_core_with_debug_shows_traceback(cli, clean_folder, monkeypatch):
    import seedkeeper.corpus.survey as core

    def boom(*a, **k):
        raise RuntimeError("corpus exploded")

    monkeypatch.setattr(core, "load_corpus", boom)
    r = cli("validate", clean_folder)
    assert r.exit_code == 3 and "Traceback" not in r.output and "corpus exploded" in r.stderr
    r = cli("validate", clean_folder, "--debug")
    assert r.exit_code == 3
    assert "Traceback" in r.stderr and "corpus exploded" in r.stderr


def test_keyboard_interrupt_exits_130(cli, clean_folder, monkeypatch):
    import seedkeeper.operations.validation as cmd

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(cmd, "validate", interrupted)
    r = cli("validate", clean_folder)
    assert r.exit_code == 130
    assert "Traceback" not in r.output


# ---------------------------------------------------------------- a real process


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_real_process_with_fifos_does_not_hang(tmp_path):
    root = make_seeds(tmp_path, {GOOD: CLEAN["hi"]}, index=index_for([GOOD, BAD]), folder="seeds")
    os.mkfifo(root / BAD)
    os.mkfifo(root / "unlisted.txt")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    try:
        p = subprocess.run(
            [sys.executable, "-m", "seedkeeper", "validate", str(root), "--format", "json"],
            cwd=tmp_path,
            capture_output=True,
            timeout=60,
            env=env,
        )
    except subprocess.TimeoutExpired:  # pragma: no cover - the failure this test exists for
        for f in (root / BAD, root / "unlisted.txt"):
            try:
                os.close(os.open(f, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass
        pytest.fail("seedkeeper validate hung on a FIFO")
    assert p.returncode == 1, p.stderr
    data = json.loads(p.stdout)
    assert [(q["code"], q["file"]) for q in data["problems"] if q["file"] == BAD] == [("not-a-file", BAD)]
    assert not [q for q in data["problems"] if q["file"] == GOOD]


def test_concise_and_github_name_the_listing_line_of_a_document_also_linked_in_prose(cli, tmp_path):
    # `notes.txt` is linked in prose on line 3 and listed on line 7: its bad-name (and the
    # missing document's missing-file) are on the listing's line, where `rename` and the fix go.
    index = f"# Seeds\n\nSee [notes](notes.txt) and [gone]({BAD}).\n\n## List\n\n- notes.txt — mine\n- {BAD}\n"
    seeds = make_seeds(tmp_path, {"notes.txt": CLEAN["en"]}, index)
    r = cli("validate", seeds, "--format", "concise")
    lines = r.stdout.splitlines()
    assert "seeds/INDEX.md:7: bad-name" in "\n".join(lines) and "(notes.txt)" in "\n".join(lines), r.stdout
    assert any(ln.startswith("seeds/INDEX.md:8: missing-file") for ln in lines), r.stdout
    r = cli("validate", seeds, "--format", "github")
    assert "file=seeds/INDEX.md,line=7,title=bad-name" in r.stdout, r.stdout
