"""Issue 13, items 1-4: file names that are not UTF-8, that forge GitHub annotations, or that hold
control characters (ANSI/OSC escapes) never crash a command and are shown escaped everywhere."""

from __future__ import annotations

import json
import os
import xml.dom.minidom
from pathlib import Path

import pytest

from helpers import doc_name, index_for, make_seeds

pytestmark = pytest.mark.usefixtures("isolated_env")

TEXT_A = "The river runs through the old town and past the mill before it reaches the sea.\n"
TEXT_B = "Mountains rise to the north, where snow stays on the peaks for most of the year.\n"
ANSI = "ansi\x1b[31mRED\x1b[0m.txt"
OSC = "osc\x1b]0;TITLE\x07.txt"
CTRL = "ctl\x01\x07.txt"


def _seeds(tmp_path: Path) -> Path:
    names = [doc_name(1), doc_name(2)]
    return make_seeds(tmp_path, {names[0]: TEXT_A, names[1]: TEXT_B}, index_for(names))


def _bad_utf8_file(seeds: Path) -> None:
    with open(os.path.join(os.fsencode(seeds), b"bad\xff.txt"), "wb") as fh:
        fh.write(b"hello world this is a long test document\n")


@pytest.mark.parametrize("command", ["index", "check", "stats", "tag", "dedup", "validate"])
def test_a_name_that_is_not_utf8_is_a_finding_not_a_crash(cli, tmp_path, command):
    seeds = _seeds(tmp_path)
    _bad_utf8_file(seeds)
    result = cli(command, seeds, "--format", "json")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout_bytes.decode("utf-8"))  # valid UTF-8, valid JSON
    if command in ("check", "validate"):
        found = {(p["code"], p["file"]) for p in data["problems"]}
        assert ("bad-name", "bad\\xff.txt") in found
        assert ("unlisted-file", "bad\\xff.txt") in found
        assert result.exit_code == 1


def test_a_name_that_is_not_utf8_leaves_index_md_alone(cli, tmp_path):
    seeds = _seeds(tmp_path)
    _bad_utf8_file(seeds)
    assert cli("index", seeds).exit_code == 0
    text = (seeds / "INDEX.md").read_text(encoding="utf-8")
    assert doc_name(1) in text and "bad" not in text
    assert cli("index", seeds, "--check").exit_code == 0
    text_out = cli("validate", seeds).stdout
    assert "bad\\xff.txt" in text_out


def test_add_github_output_escapes_a_forged_file_name(cli, tmp_path):
    seeds = _seeds(tmp_path)
    evil = tmp_path / "x.txt,title=fake::forged\n::error file=evil.py,line=1::INJECTED"
    evil.write_text("")  # empty: refused
    result = cli("add", evil, "--seeds", seeds, "--format", "github")
    assert result.exit_code == 1, result.output
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("::")]
    assert len(lines) == 1, result.stdout
    assert "title=empty::" in lines[0]
    assert "%0A" in lines[0] and "title=fake" not in lines[0].split("title=empty")[0].replace("%2C", ",").split(",")[0]
    assert "::error file=evil.py" not in result.stdout


def test_add_github_output_keeps_the_file_name_exact(cli, tmp_path):
    seeds = _seeds(tmp_path)
    odd = tmp_path / "a,b:c%d.txt"
    odd.write_text("")
    line = cli("add", odd, "--seeds", seeds, "--format", "github").stdout.splitlines()[0]
    assert line.startswith("::error file=a%2Cb%3Ac%25d.txt,title=empty::"), line


def _hostile_seeds(tmp_path: Path) -> Path:
    files = {
        name: f"some document text number {k} that is long enough to matter here\n"
        for k, name in enumerate([ANSI, OSC, CTRL])
    }
    return make_seeds(tmp_path, files, index_for([doc_name(9)]))


def test_junit_is_well_formed_with_control_characters_in_names(cli, tmp_path):
    seeds = _hostile_seeds(tmp_path)
    result = cli("check", seeds, "--format", "junit")
    assert result.exit_code == 1
    dom = xml.dom.minidom.parseString(result.stdout_bytes)
    names = [tc.getAttribute("name") for tc in dom.getElementsByTagName("testcase")]
    assert "ctl\\x01\\x07.txt" in names and "ansi\\x1b[31mRED\\x1b[0m.txt" in names


@pytest.mark.parametrize("command", ["check", "validate", "tag", "dedup", "stats"])
def test_text_output_never_prints_raw_escapes(cli, tmp_path, command):
    seeds = _hostile_seeds(tmp_path)
    result = cli(command, seeds)
    assert result.exit_code in (0, 1), result.output
    assert "\x1b" not in result.output and "\x07" not in result.output and "\x01" not in result.output
    if command in ("check", "validate"):
        assert "ansi\\x1b[31mRED\\x1b[0m.txt" in result.output


def test_index_md_never_holds_raw_escapes(cli, tmp_path):
    seeds = _hostile_seeds(tmp_path)
    (seeds / "INDEX.md").unlink()
    assert cli("index", seeds).exit_code == 0
    raw = (seeds / "INDEX.md").read_bytes()
    assert b"\x1b" not in raw and b"\x07" not in raw and b"\x01" not in raw
    assert "ansi%1B%5B31mRED%1B%5B0m.txt" in raw.decode()
    assert cli("index", seeds, "--check").exit_code == 0
    assert cli("validate", seeds, "--select", "unlisted-file,missing-file").exit_code == 0


def test_github_annotation_paths_keep_escape_sequences(cli, tmp_path):
    seeds = _hostile_seeds(tmp_path)
    (seeds / "INDEX.md").unlink()
    assert cli("index", seeds).exit_code == 0
    (seeds / "INDEX.md").write_text("# S\n")  # every file unlisted: annotations on the files
    out = cli("validate", seeds, "--format", "github").stdout
    assert f"file=seeds/{ANSI}".replace(";", ";") in out  # the exact path, CSI kept
    messages = [ln.split("::", 2)[2] for ln in out.splitlines() if ln.startswith("::")]
    assert messages and not any("\x1b" in m or "\x07" in m for m in messages)


@pytest.mark.parametrize(
    "args",
    [
        ("tag", "--explain"),
        ("rename", "--dry-run"),
        ("fix", "--dry-run"),
        ("dedup",),
        ("check",),
        ("validate",),
        ("tag",),
    ],
)
def test_every_command_shows_control_characters_in_names_escaped(cli, tmp_path, args):
    # The escaped form must be printed: off a terminal click would silently drop raw escape
    # codes, and "would fix ansiRED.txt" names a file that does not exist.
    seeds = _hostile_seeds(tmp_path)
    for name in (ANSI, OSC, CTRL):  # CRLF: something for fix to do
        (seeds / name).write_bytes(b"some document text that is long enough to matter here\r\n")
    result = cli(args[0], seeds, *args[1:])
    assert result.exit_code in (0, 1), result.output
    assert "\x1b" not in result.output and "\x07" not in result.output and "\x01" not in result.output
    assert "osc\\x1b]0;TITLE\\x07.txt" in result.output, result.output


def test_names_that_look_like_rich_markup_are_printed_as_they_are(cli, tmp_path):
    # A folder "q[" holding "red].txt": "[/red]" closes a style that was never opened.
    names = [doc_name(1), "q[/red].txt", "p[bold]x.txt"]
    seeds = make_seeds(tmp_path, {names[0]: TEXT_A}, index_for(names))
    (seeds / "q[").mkdir()
    (seeds / "q[" / "red].txt").write_text("short\n")
    (seeds / "p[bold]x.txt").write_text("tiny\n")
    for command in ("dedup", "check", "tag", "validate", "stats"):
        result = cli(command, seeds)
        assert result.exit_code in (0, 1), (command, result.output)
        if command in ("dedup", "check", "validate"):
            assert "p[bold]x.txt" in result.output, (command, result.output)


@pytest.mark.skipif(os.sep != "/", reason="a backslash separates folders on Windows")
def test_names_with_backslashes_are_listed_and_then_accepted(cli, tmp_path):
    # `index` listed "\\m.txt" and "sub\\..\\y.txt"; `check` then called those rows unsafe and
    # the files unlisted, forever. On POSIX they are ordinary names inside the folder.
    names = ["\\m.txt", "sub\\..\\y.txt"]
    seeds = make_seeds(tmp_path, {names[0]: TEXT_A, names[1]: TEXT_B}, "# S\n")
    assert cli("index", seeds).exit_code == 0
    assert cli("index", seeds, "--check").exit_code == 0
    r = cli("check", seeds, "--ignore", "bad-name", "--format", "json")
    assert r.exit_code == 0, r.stdout
    assert json.loads(r.stdout)["problems"] == []
    # Moved out as a duplicate and put back like any other name.
    (seeds / names[1]).write_text(TEXT_A)
    r = cli("dedup", seeds, "--apply")
    assert r.exit_code == 0, r.output
    assert not (seeds / names[1]).exists()
    r = cli("restore", names[1], "--seeds", seeds)
    assert r.exit_code == 0, r.output
    assert (seeds / names[1]).read_text() == TEXT_A


BIDI = "invoice\u202etxt.exe\u2066.txt"  # an override (Trojan Source) and an isolate


@pytest.mark.parametrize("command", ["check", "validate", "tag", "dedup", "stats"])
def test_bidi_controls_in_names_are_shown_escaped(cli, tmp_path, command):
    # A bidi override would reorder the rest of the line on screen (a finding's heading, a table
    # row of INDEX.md), as a control character would recolour it: both are shown escaped.
    seeds = _seeds(tmp_path)
    (seeds / BIDI).write_text(TEXT_A.replace("river", "brook"), encoding="utf-8")
    result = cli(command, seeds)
    assert result.exit_code in (0, 1), result.output
    assert "\u202e" not in result.output and "\u2066" not in result.output, result.output
    if command in ("check", "validate"):
        assert "invoice\\u202etxt.exe\\u2066.txt" in result.output


def test_index_md_holds_no_raw_bidi_controls_of_a_name(cli, tmp_path):
    seeds = _seeds(tmp_path)
    (seeds / BIDI).write_text(TEXT_A.replace("river", "brook"), encoding="utf-8")
    assert cli("index", seeds).exit_code == 0
    text = (seeds / "INDEX.md").read_text(encoding="utf-8")
    assert "\u202e" not in text and "\u2066" not in text
    assert "invoice%E2%80%AEtxt.exe%E2%81%A6.txt" in text  # the link still opens the file
    assert cli("index", seeds, "--check").exit_code == 0
    assert cli("validate", seeds, "--select", "unlisted-file,missing-file").exit_code == 0


def test_a_line_break_in_a_name_is_shown_escaped_in_its_file_link(cli, tmp_path):
    # Written as a space, "new\nline.txt" read "[new line.txt](new%0Aline.txt)": another name.
    seeds = make_seeds(tmp_path, {"new\nline.txt": "یک متن فارسی معمولی دربارهٔ هوای فردا و باد.\n"}, "# S\n")
    assert cli("index", seeds).exit_code == 0
    text = (seeds / "INDEX.md").read_text(encoding="utf-8")
    assert "[new\\\\x0aline.txt](new%0Aline.txt)" in text
    assert "new line.txt" not in text
    assert cli("index", seeds, "--check").exit_code == 0
    assert cli("validate", seeds, "--select", "unlisted-file,missing-file").exit_code == 0
