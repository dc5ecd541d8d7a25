"""The commands seedkeeper suggests repeat the `--config FILE` the run was given: pasted as
printed, a suggestion runs with the settings of the run that printed it, not with whatever
config the bare command finds (or none). `seedkeeper check --config ci.toml` used to suggest
`seedkeeper dedup data/seeds --apply`, which ran on the right folder with the wrong settings."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest

from dedup_fixtures import doc
from helpers import assert_exit, doc_name, make_seeds, suggested_commands

pytestmark = pytest.mark.usefixtures("isolated_env")

A = doc("en", [0, 1, 2, 3])
ORIG, COPY, GONE = doc_name(0), doc_name(1), doc_name(3)


def _corpus(tmp_path: Path, folder: str) -> Path:
    """A folder with a finding for each suggested command: a hand-written INDEX.md (index), a bad
    name (rename), an exact duplicate (dedup --apply), a listed file found in the quarantine (restore)."""
    root = make_seeds(tmp_path, {ORIG: A, COPY: A, "plain.txt": doc("fa", [0, 1, 2, 3])}, folder=folder)
    (root / ".seedkeeper" / "quarantine").mkdir(parents=True)
    (root / ".seedkeeper" / "quarantine" / GONE).write_text(A, encoding="utf-8")
    with open(root / "INDEX.md", "a", encoding="utf-8") as fh:
        fh.write(f"- {GONE}\n")
    return root


def _config(tmp_path: Path, name: str, seeds: str) -> Path:
    """A config file at `name` (from tmp_path) naming `seeds` (relative to the file), with a
    setting the bare command would not have: pasted without it, findings change."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'seeds = "{seeds}"\nmin-chars = 5\n', encoding="utf-8")
    return path


def _said(cli, *where: str) -> str:
    """What check (every format), dedup, index --check and fix --dry-run print, run on `where`.
    Of SARIF, the results' messages: its rules' descriptions are the catalogue of codes, the same
    in every run (`INDEX.md is not what `seedkeeper index` would write`), no step to take."""
    runs = [cli("check", *where, "--format", fmt) for fmt in ("json", "text", "concise", "github")]
    runs += [cli("dedup", *where), cli("dedup", *where, "--format", "json"), cli("index", *where, "--check")]
    runs += [cli("fix", *where, "--dry-run")]
    sarif = json.loads(cli("check", *where, "--format", "sarif").stdout)
    return "\n".join([r.output for r in runs] + [res["message"]["text"] for res in sarif["runs"][0]["results"]])


@pytest.mark.parametrize("name", ["conf/ci.toml", "my conf/ci.toml"])
def test_suggestions_repeat_a_config_that_alone_names_the_folder(cli, tmp_path, name):
    _corpus(tmp_path, "data/seeds")
    _config(tmp_path, name, "../data/seeds")
    given = shlex.quote(name)
    suggested = set(suggested_commands(_said(cli, "--config", name)))
    for wanted in (
        f"seedkeeper index data/seeds --config {given}",
        f"seedkeeper index data/seeds --diff --config {given}",
        f"seedkeeper rename data/seeds --config {given}",
        f"seedkeeper dedup data/seeds --apply --config {given}",
        f"seedkeeper restore {GONE} --seeds data/seeds --config {given}",
    ):
        assert wanted in suggested, (wanted, sorted(suggested))
    assert all(s.endswith(f"--config {given}") for s in suggested), sorted(suggested)
    # Pasted as printed, each runs on that folder with that config.
    for line in sorted(suggested):
        r = cli(*shlex.split(line)[1:])
        assert "seeds folder not found" not in r.stderr and "No such" not in r.output, (line, r.output)


def test_the_config_given_before_the_command_is_repeated_too(cli, tmp_path):
    _corpus(tmp_path, "data/seeds")
    _config(tmp_path, "ci.toml", "data/seeds")
    r = cli("--config", "ci.toml", "check", "--format", "json")
    assert "seedkeeper dedup data/seeds --apply --config ci.toml" in suggested_commands(r.stdout), r.stdout


def test_a_config_is_repeated_when_the_folder_is_typed_or_found(cli, tmp_path):
    """The folder typed as well, or the config naming the folder the bare command finds (which
    the suggestion then leaves out): the settings still come from the config alone."""
    _corpus(tmp_path, "seeds")
    _config(tmp_path, "conf/ci.toml", "../seeds")
    for where in (["seeds", "--config", "conf/ci.toml"], ["--config", "conf/ci.toml"]):
        suggested = set(suggested_commands(_said(cli, *where)))
        assert "seedkeeper dedup --apply --config conf/ci.toml" in suggested, sorted(suggested)
        assert "seedkeeper index --diff --config conf/ci.toml" in suggested, sorted(suggested)
        assert all(s.endswith("--config conf/ci.toml") for s in suggested), sorted(suggested)


def test_without_a_config_given_none_is_named(cli, tmp_path):
    """A config the bare command finds by itself is not repeated: it is found again."""
    _corpus(tmp_path, "data/seeds")
    _config(tmp_path, "seedkeeper.toml", "data/seeds")
    suggested = set(suggested_commands(_said(cli)))
    assert "seedkeeper dedup --apply" in suggested and not [s for s in suggested if "--config" in s], suggested


def test_errors_and_write_reports_repeat_the_config(cli, tmp_path, monkeypatch):
    root = make_seeds(tmp_path, {ORIG: A, COPY: A}, folder="data/seeds")
    _config(tmp_path, "ci.toml", "data/seeds")
    r = cli("restore", "nothere.txt", "--config", "ci.toml")  # an empty quarantine: what fills it
    assert_exit(r, 2)
    assert "`seedkeeper dedup data/seeds --apply --config ci.toml`" in " ".join(r.stderr.split()), r.stderr
    r = cli("dedup", "--config", "ci.toml", "--apply")
    assert_exit(r, 0)
    assert "`seedkeeper restore FILE --seeds data/seeds --config ci.toml`" in " ".join(r.stdout.split()), r.stdout
    # add refuses a folder given as a file before it looks for the seeds folder.
    r = cli("add", root, "--config", "ci.toml")
    assert_exit(r, 2)
    err = " ".join(r.stderr.split())
    assert f"`seedkeeper add FILE... --seeds {root} --config ci.toml`" in err, err
    # Standing in a seeds folder while the config's folder is missing: `.`, with the same config.
    (tmp_path / "gone.toml").write_text('seeds = "nowhere"\n', encoding="utf-8")
    monkeypatch.chdir(root)
    r = cli("validate", "--config", "../../gone.toml")
    assert_exit(r, 2)
    assert "`seedkeeper validate . --config ../../gone.toml`" in r.stderr, r.stderr


def test_add_of_a_folder_sends_its_files_to_the_configured_folder(cli, tmp_path):
    """`add incoming --config ci.toml`: the files of `incoming` go to the folder the config names,
    not to `./seeds` (the hint named `--seeds seeds` before the config was read)."""
    make_seeds(tmp_path, {ORIG: A}, folder="data/seeds")
    _config(tmp_path, "ci.toml", "data/seeds")
    (tmp_path / "incoming").mkdir()
    (tmp_path / "incoming" / "x.txt").write_text(doc("fa", [0, 1, 2, 3]), encoding="utf-8")
    r = cli("add", "incoming", "--config", "ci.toml")
    assert_exit(r, 2)
    hinted = [s for s in suggested_commands(r.stderr) if "*.txt" in s]
    # The folder named as every suggestion names it, and the config repeated.
    assert hinted == ["seedkeeper add incoming/*.txt --seeds data/seeds --config ci.toml"], r.stderr
