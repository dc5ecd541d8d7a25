"""A maintainer's daily use (issue 12, items 5-7): the concise format, output that does not wrap
in a pipe, the progress bar on stderr, `lang:` in the Notes cell, `und` for text that is not
valid, the pre-commit hooks, the version, and error messages that say what to type instead."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from helpers import doc_name, make_seeds
from multilingual import CLEAN
from seedkeeper import index
from seedkeeper.settings import Settings

pytestmark = pytest.mark.usefixtures("isolated_env")

FA, ZH, RU = doc_name(0, "fa"), doc_name(1, "zh"), doc_name(2, "ru")
SETTINGS = Settings(jobs=1)
ROOT = Path(__file__).resolve().parents[1]


def usage_error(r) -> bool:
    """Exit 2 through typer's exit, not an exception escaping the command."""
    return r.exit_code == 2 and isinstance(r.exception, SystemExit)


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A managed folder: Persian, Chinese and Russian, plus one bad name (a bad-name finding)."""
    root = make_seeds(tmp_path, {FA: CLEAN["fa"], ZH: CLEAN["zh"], RU: CLEAN["ru"], "خبر.txt": CLEAN["ar"]})
    index(root, SETTINGS)
    return root


# --- concise format -----------------------------------------------------------------------------


def test_concise_one_line_per_finding_paths_as_typed(cli, corpus):
    (corpus / ZH).write_bytes(CLEAN["zh"].replace("\n", "\r\n").encode())
    r = cli("validate", "seeds", "--format", "concise")
    assert r.exit_code == 0 and r.exception is None
    lines = r.stdout.splitlines()
    # the bad name is an INDEX.md finding: on INDEX.md, at the entry's line, naming the document
    bad = [ln for ln in lines if " bad-name " in ln]
    assert len(bad) == 1 and bad[0].startswith("seeds/INDEX.md:") and bad[0].endswith("(خبر.txt)")
    assert f"seeds/{ZH}:1: crlf " in r.stdout
    assert all(":" in ln.split(" ")[0] for ln in lines)  # every line starts `path[:line]:`
    assert "documents checked" not in r.stdout and "4 documents checked" in r.stderr


def test_concise_from_inside_the_folder_and_in_check(cli, corpus, monkeypatch):
    monkeypatch.chdir(corpus)
    r = cli("check", ".", "--format", "concise")
    assert r.exit_code == 0, r.output
    assert any(ln.startswith("INDEX.md:") and "bad-name" in ln for ln in r.stdout.splitlines())


def test_concise_stays_quiet_on_a_clean_persian_corpus(cli, tmp_path):
    root = make_seeds(tmp_path, {FA: CLEAN["fa"], ZH: CLEAN["zh"]})
    index(root, SETTINGS)
    r = cli("check", root, "--format", "concise")
    assert r.exit_code == 0 and r.stdout == "" and "0 errors, 0 warnings" in r.stderr


# --- text output in a pipe ----------------------------------------------------------------------


def test_text_does_not_wrap_when_not_a_terminal(cli, corpus, monkeypatch):
    monkeypatch.delenv("COLUMNS")
    long_name = "گزارش-" + "خیلی-طولانی-" * 4 + ".txt"
    (corpus / long_name).write_text(CLEAN["fa"], encoding="utf-8")
    r = cli("validate", corpus)
    line = next(ln for ln in r.stdout.splitlines() if "unlisted-file" in ln)
    assert "in the folder but not listed in INDEX.md" in line  # the whole message on one line
    assert long_name in r.stdout.splitlines()
    assert not [ln for ln in r.stdout.splitlines() if ln != ln.rstrip()]  # no padding to the widest row


def test_summary_says_one_error_not_one_errors(cli, corpus):
    (corpus / RU).write_bytes(b"")
    r = cli("validate", corpus)
    assert r.exit_code == 1 and "1 error," in r.stdout and "1 errors" not in r.stdout


# --- progress bar -------------------------------------------------------------------------------


def test_progress_bar_draws_on_stderr_when_stdout_is_redirected(monkeypatch):
    from seedkeeper.shell import progress

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    err, out = Tty(), io.StringIO()  # stdout redirected to a file, stderr a terminal
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(progress, "DELAY_SECONDS", 0.0)
    with progress.progress_bar(False, "tagging") as update:
        assert update is not None
        update(1, 2)
        update(2, 2)
    assert out.getvalue() == ""
    assert "tagging" in err.getvalue()


def test_no_progress_bar_in_ci(monkeypatch):
    from seedkeeper.shell import progress

    monkeypatch.setenv("CI", "true")
    with progress.progress_bar(False, "tagging") as update:
        assert update is None


# --- lang: in the Notes cell --------------------------------------------------------------------


def test_lang_in_the_notes_cell_pins_and_moves_to_pinned(cli, corpus):
    text = (corpus / "INDEX.md").read_text(encoding="utf-8")
    row = next(ln for ln in text.splitlines() if ln.startswith(f"| [{RU}]"))
    cells = row.split(" | ")
    cells[-1] = "Russian story, lang: uk |"
    (corpus / "INDEX.md").write_text(text.replace(row, " | ".join(cells)), encoding="utf-8")
    r = cli("check", corpus, "--format", "json")
    found = [p for p in json.loads(r.stdout)["problems"] if p["code"] == "lang-mismatch"]
    assert [p["file"] for p in found] == [RU] and "uk" in found[0]["message"]
    r = cli("index", corpus)
    assert r.exit_code == 0, r.output
    row = next(ln for ln in (corpus / "INDEX.md").read_text(encoding="utf-8").splitlines() if f"[{RU}]" in ln)
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[2] == "uk" and cells[-1] == "Russian story"  # moved to Pinned, the note kept
    before = (corpus / "INDEX.md").read_bytes()
    assert cli("index", corpus).exit_code == 0 and (corpus / "INDEX.md").read_bytes() == before
    assert cli("index", corpus, "--check").exit_code == 0


def test_notes_without_lang_pin_nothing(cli, corpus):
    r = cli("tag", corpus, "--format", "json")
    docs = {d["file"]: d for d in json.loads(r.stdout)["documents"]}
    assert "pinned" not in docs[FA] and docs[FA]["lang"] == "fa" and docs[ZH]["lang"] == "zh-Hans"


# --- not valid text gets und --------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        CLEAN["ar"].encode("cp1256"),  # legacy Arabic code page: not UTF-8
        CLEAN["ru"].encode("cp1251"),  # legacy Cyrillic code page
        CLEAN["fa"].encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"),  # mojibake
    ],
    ids=["cp1256", "cp1251", "mojibake"],
)
def test_text_that_is_not_valid_gets_und(cli, tmp_path, data):
    root = make_seeds(tmp_path, {FA: CLEAN["fa"], ZH: data})
    r = cli("tag", root, "--format", "json")
    docs = {d["file"]: d for d in json.loads(r.stdout)["documents"]}
    assert docs[ZH]["lang"] == "und" and docs[FA]["lang"] == "fa"
    r = cli("check", root, "--format", "json")
    codes = {(p["file"], p["code"]) for p in json.loads(r.stdout)["problems"]}
    assert (ZH, "lang-undetermined") not in codes  # its own not-utf8 / mojibake finding says it


# --- pre-commit and version ---------------------------------------------------------------------


def test_pre_commit_hooks_run_for_any_corpus_location():
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    hooks = [h for h in text.split("- id: ")[1:]]
    assert len(hooks) == 2
    for hook in hooks:
        assert "pass_filenames: false" in hook
        assert "\n  files:" not in hook  # no hard-coded seeds/ filter


def test_version(cli):
    from seedkeeper import __version__

    r = cli("--version")
    assert r.exit_code == 0 and r.stdout.strip() == f"seedkeeper {__version__}"


def test_the_console_script_answers_version_as_typer_does(cli, monkeypatch, capsys):
    """`main` answers a lone --version before building the app's commands: the same text."""
    from seedkeeper.shell.app import main

    monkeypatch.setattr(sys, "argv", ["seedkeeper", "--version"])
    main()
    assert capsys.readouterr().out == cli("--version").stdout
    # Anything more goes through typer: `--version` with a command is its eager option still.
    monkeypatch.setattr(sys, "argv", ["seedkeeper", "--version", "check"])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 0 and capsys.readouterr().out == cli("--version").stdout


# --- error messages -----------------------------------------------------------------------------


def test_help_shows_what_to_type_not_python_types(cli):
    for args in (["check", "--help"], ["add", "--help"], ["--help"]):
        r = cli(*args)
        assert r.exit_code == 0
        assert "<bool>" not in r.stdout and "list[" not in r.stdout, args
    assert "CODES" in cli("check", "--help").stdout


def _every_command() -> list[list[str]]:
    """The path of every command, sub-commands too (`["cache", "dir"]`), from the app itself, so
    a command added later is checked as well."""
    import typer

    from seedkeeper.shell.app import app

    def walk(cmd, path):
        subs = getattr(cmd, "commands", None)
        if not subs:
            return [path]
        return [p for name, sub in sorted(subs.items()) for p in walk(sub, [*path, name])]

    return walk(typer.main.get_command(app), [])


def _usage_line(output: str) -> str:
    return next(" ".join(line.split()) for line in output.splitlines() if "Usage:" in line)


def test_every_usage_line_reads_like_cli_usage(cli):
    # typer 0.29 writes a required argument as `{FILE}` in the usage line, whatever its metavar:
    # `seedkeeper restore [OPTIONS] {FILE}`. Usage lines show `FILE`, `[DIR]`, `FILE...`.
    paths = _every_command()
    assert ["restore"] in paths and ["cache", "dir"] in paths  # the walk found the commands
    for path in paths:
        usage = _usage_line(cli(*path, "--help").stdout)
        assert usage.startswith(f"Usage: {' '.join(['seedkeeper', *path])} [OPTIONS]"), usage
        assert "{" not in usage and "}" not in usage, usage
    assert _usage_line(cli("restore", "--help").stdout).endswith("restore [OPTIONS] FILE")
    assert _usage_line(cli("add", "--help").stdout).endswith("add [OPTIONS] FILE...")
    assert _usage_line(cli("check", "--help").stdout).endswith("check [OPTIONS] [DIR]")
    assert _usage_line(cli("cache", "clear", "--help").stdout).endswith("clear [OPTIONS] [DIR]")
    assert _usage_line(cli("tag", "--help").stdout).endswith("tag [OPTIONS] [DIR|FILE]...")
    # The usage a missing argument prints is the same line.
    for args, tail in ((["restore"], "restore [OPTIONS] FILE"), (["add"], "add [OPTIONS] FILE...")):
        r = cli(*args)
        assert usage_error(r) and _usage_line(r.output).endswith(tail), r.output


def test_the_command_list_shows_each_summary_as_one_paragraph(cli, monkeypatch):
    # rich kept the docstrings' line breaks: at 80 columns "(with --apply:" ended a line of the
    # command list, and "if any could not be moved out)." began the next.
    monkeypatch.setenv("COLUMNS", "200")
    lines = [" ".join(line.replace("│", " ").split()) for line in cli("--help").stdout.splitlines()]
    dedup = next(line for line in lines if line.startswith("dedup "))
    assert dedup.endswith("Exit 1 if any are found (with --apply: if any could not be moved out).")
    add = next(line for line in lines if line.startswith("add "))
    assert add.endswith("tag, and list them in INDEX.md. Exit 1 if any file was refused.")


def test_mistyped_command_gets_did_you_mean(cli):
    r = cli("chek", "seeds")
    assert r.exit_code == 2 and "check" in r.output and "id you mean" in r.output


def _flat(output: str) -> str:
    """click's error box, its borders and line breaks taken out: the message as one line."""
    return " ".join(" ".join(line.strip("│╭╮╰╯─ ").split()) for line in output.splitlines()).strip()


FOUR = "text, json, github or concise"


@pytest.mark.parametrize(
    "command",
    [
        ["tag"],
        ["validate"],
        ["dedup"],
        ["index"],
        ["stats"],
        ["fix"],
        ["rename"],
        ["init"],
        ["add", "x.txt"],
        ["restore", "x.txt"],
        ["cache", "dir"],
        ["cache", "clear"],
    ],
)
def test_a_format_only_check_writes_is_a_usage_error_that_names_the_commands_formats(cli, tmp_path, command):
    # typer answered "Invalid value for '--format' / '-f': Value error, 'sarif' is not one of ...":
    # pydantic's wording, and no word of which command writes SARIF.
    r = cli(*command, "--format", "sarif")
    assert usage_error(r), r.output
    message = _flat(r.output)
    assert "Value error" not in message
    name = "seedkeeper " + " ".join(c for c in command if c != "x.txt")
    assert f"'sarif' is not a format of {name}: choose {FOUR} (sarif and junit: seedkeeper check)" in message
    assert not (tmp_path / "seeds").exists() and not (tmp_path / "seedkeeper.toml").exists()  # nothing ran


def test_an_unknown_format_names_checks_formats_and_the_close_one(cli):
    r = cli("check", "--format", "xml")
    assert usage_error(r) and "Value error" not in r.output
    assert "'xml' is not a format of seedkeeper check: choose text, json, github, concise, sarif or junit" in _flat(
        r.output
    )
    r = cli("tag", "-f", "JSON")
    assert usage_error(r) and f"'JSON' is not a format of seedkeeper tag: choose {FOUR} (did you mean 'json'?)" in (
        _flat(r.output)
    )


def test_a_known_format_still_works_and_help_lists_the_choices(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # check's six choices, unwrapped
    make_seeds(tmp_path, {FA: CLEAN["fa"]})
    r = cli("tag", "seeds", "-f", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["documents"][0]["lang"] == "fa"
    assert "text|json|github|concise" in cli("tag", "--help").stdout
    assert "text|json|github|concise|sarif|junit" in cli("check", "--help").stdout


def test_add_missing_file_is_a_usage_error(cli, corpus, tmp_path):
    r = cli("add", "nothere.txt", "--seeds", corpus)
    assert usage_error(r) and "no such file: nothere.txt" in r.output


def test_add_with_the_folder_first_suggests_seeds(cli, corpus, tmp_path):
    new = tmp_path / "جدید.txt"
    new.write_text(CLEAN["fa"], encoding="utf-8")
    r = cli("add", "seeds", "جدید.txt")
    assert usage_error(r)
    assert "seeds is a folder" in r.output and "seedkeeper add جدید.txt --seeds seeds" in r.output


@pytest.mark.parametrize(
    "toml, expected",
    [
        ("threshhold = 0.9\n", "did you mean 'threshold'?"),
        ('ignore = ["lang-mismach"]\n', "did you mean 'lang-mismatch'?"),
        ('select = ["bad-nam"]\n', "did you mean 'bad-name'?"),
        ('severity = { too-shrot = "error" }\n', "did you mean 'too-short'?"),
    ],
)
def test_config_typos_get_did_you_mean(cli, corpus, tmp_path, toml, expected):
    (tmp_path / "seedkeeper.toml").write_text(toml, encoding="utf-8")
    r = cli("validate", corpus)
    assert usage_error(r) and expected in r.output


def test_flag_typo_in_a_code_gets_did_you_mean(cli, corpus):
    r = cli("check", corpus, "--ignore", "lang-mismach")
    assert usage_error(r) and "--ignore" in r.output and "did you mean 'lang-mismatch'?" in r.output


def test_config_file_with_a_tool_table(cli, corpus, tmp_path):
    cfg = tmp_path / "x.toml"
    cfg.write_text('[tool.seedkeeper]\nignore = ["bad-name"]\n', encoding="utf-8")
    r = cli("validate", corpus, "--config", cfg, "--format", "json")
    assert r.exit_code == 0, r.output
    assert "bad-name" not in {p["code"] for p in json.loads(r.stdout)["problems"]}


def test_negative_jobs_names_the_flag_only(cli, corpus):
    r = cli("validate", corpus, "--jobs", "-1")
    assert usage_error(r) and "--jobs must be 0 (all cores)" in r.output
    assert "max-size" not in r.output and "min-chars" not in r.output


def test_restore_takes_the_quarantine_path_it_printed(cli, tmp_path):
    copy = doc_name(9, "fa-copy")
    root = make_seeds(tmp_path, {FA: CLEAN["fa"], copy: CLEAN["fa"]})
    index(root, SETTINGS)
    r = cli("dedup", root, "--apply")
    assert r.exit_code == 0, r.output
    assert not (root / copy).exists()
    r = cli("restore", f"seeds/.seedkeeper/quarantine/{copy}", "--seeds", "seeds")
    assert r.exit_code == 0, r.output
    assert (root / copy).read_text(encoding="utf-8") == CLEAN["fa"]


def test_restore_of_an_unknown_name_says_what_is_there(cli, tmp_path):
    copy = doc_name(9, "zh-copy")
    root = make_seeds(tmp_path, {ZH: CLEAN["zh"], copy: CLEAN["zh"]})
    index(root, SETTINGS)
    assert cli("dedup", root, "--apply").exit_code == 0
    r = cli("restore", copy[:-5] + "x.txt", "--seeds", root)
    assert usage_error(r) and f"did you mean '{copy}'?" in r.output


@pytest.mark.parametrize(
    "args", [["tag"], ["stats"], ["validate"], ["tag", "--format", "json"], ["-h"], ["check", "-h"], ["--version"]]
)
def test_a_reader_that_went_away_gives_141_for_tables_too(tmp_path, args):
    # `seedkeeper tag | head`: rich's own broken-pipe handler exited 1 for the text tables,
    # which a CI script reads as "errors found"; click's and rich's did for help and --version.
    import os
    import subprocess

    root = make_seeds(tmp_path, {doc_name(1, "fa"): CLEAN["fa"], doc_name(2, "zh"): CLEAN["zh"]})
    index(root, SETTINGS)
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will read: the first write fails with EPIPE
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "seedkeeper", *args, str(root)],
            env={**os.environ, "SEEDKEEPER_CACHE_DIR": str(tmp_path / "cache")},
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert proc.returncode == 141, proc.stderr
    assert proc.stderr == ""


def test_a_closed_pipe_ends_quietly(capsys):
    from seedkeeper.shell.runner import EXIT_BROKEN_PIPE, exit_code_of

    assert exit_code_of(BrokenPipeError(32, "Broken pipe"), False) == EXIT_BROKEN_PIPE == 141
    assert capsys.readouterr().err == ""  # `seedkeeper check | head` prints no "internal error"


def test_standing_in_a_seeds_folder_the_error_says_to_pass_dot(cli, tmp_path, monkeypatch):
    seeds = tmp_path / "corpus"
    seeds.mkdir()
    (seeds / "INDEX.md").write_text("# Seeds\n", encoding="utf-8")
    monkeypatch.chdir(seeds)
    r = cli("check")
    assert (
        r.exit_code == 2
        and "seeds folder not found" in r.stderr
        and "add `.` to the command: `seedkeeper check .`" in r.stderr
    )
    # `add a.txt` standing there: `--seeds .` alone would refuse a.txt (already inside), so the
    # hint also says how to list the documents already in the folder.
    (seeds / "a.txt").write_text("Some text that is long enough to be a document here.\n", encoding="utf-8")
    r = cli("add", "a.txt")
    assert r.exit_code == 2 and "`seedkeeper index .`" in r.stderr, r.stderr


def test_two_folders_to_tag_say_one_folder(cli, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    r = cli("tag", "a", "b")
    assert r.exit_code == 2 and "give one seeds folder, not 2" in r.stderr
