"""`seedkeeper.shell.render`, called directly: GitHub workflow commands (escaping, where an
annotation goes), the one JSON object on stdout, and the text listing grouped by file."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace

import pytest
from rich.console import Console

from helpers import github_annotations
from seedkeeper.problems import make, sort_key
from seedkeeper.shell.render import concise_lines, emit_json, github_lines, print_problems_text


def unescape(s: str) -> str:
    """What the GitHub runner does to a workflow command's value."""
    return re.sub(r"%(25|0D|0A|3A|2C)", lambda m: {"25": "%", "0D": "\r", "0A": "\n", "3A": ":", "2C": ","}[m[1]], s)


@pytest.fixture
def seeds(tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    root = tmp_path / "seeds"
    root.mkdir()
    return root


# ---------------------------------------------------------------- github_lines


def test_github_escapes_percent_cr_lf_colon_and_comma_in_properties(seeds):
    name = "50%,a:b\rc\nd.txt"
    (line,) = github_lines([make("crlf", name, "CRLF line endings", 3)], seeds)
    level, props, _ = github_annotations(line)[0]  # parses: no raw comma or colon in the properties
    assert level == "warning"
    assert props["file"] == "seeds/50%25%2Ca%3Ab%0Dc%0Ad.txt"
    assert unescape(props["file"]) == f"seeds/{name}"
    assert props == {"file": props["file"], "line": "3", "title": "crlf"}
    assert "\n" not in line and "\r" not in line


def test_github_escapes_percent_cr_lf_in_the_message_but_not_colon_or_comma(seeds):
    msg = "100% sure:\r\nsee a, b"
    (line,) = github_lines([make("exact-duplicate", "a.txt", msg)], seeds)
    assert line.startswith("::error file=seeds/a.txt,title=exact-duplicate::")
    body = line.split("::", 2)[2]
    # Control characters are shown escaped (as everywhere a name or message is shown), so a CR/LF
    # can neither end the command nor reach the log raw.
    assert body == "100%25 sure:\\x0d\\x0asee a, b"
    assert unescape(body) == "100% sure:\\x0d\\x0asee a, b"


def test_github_index_line_codes_go_on_index_md_naming_the_entry(seeds):
    lines = github_lines(
        [
            make("missing-file", "gone.txt", "listed in INDEX.md, not on disk", 9),
            make("missing-file", "nolined.txt", "listed in INDEX.md, not on disk"),
            make("index-missing", None, "the folder has no INDEX.md"),
        ],
        seeds,
    )
    got = github_annotations("\n".join(lines))
    assert [(p.get("file"), p.get("line")) for _, p, _ in got] == [
        ("seeds/INDEX.md", "9"),
        ("seeds/nolined.txt", None),  # without a line, on the document itself
        ("seeds/INDEX.md", None),
    ]
    assert got[0][2].endswith("(gone.txt)") and not got[1][2].endswith(")")


def test_github_level_follows_the_severity(seeds):
    p = replace(make("crlf", "a.txt", "CRLF", 1), severity="error")
    assert github_lines([p], seeds)[0].startswith("::error ")


def test_github_paths_are_relative_to_the_workspace(tmp_path, monkeypatch):
    nested = tmp_path / "repo" / "data" / "seeds"
    nested.mkdir(parents=True)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path / "repo"))
    (line,) = github_lines([make("crlf", "sub/a.txt", "CRLF", 1)], nested)
    assert line.startswith("::warning file=data/seeds/sub/a.txt,")


# ---------------------------------------------------------------- emit_json


def test_emit_json_prints_one_object_with_non_ascii_unescaped(capsys):
    data = {"file": "متن.txt", "lang": "zh-Hans", "sample": "今天天气很好", "n": [1, 2], "ok": None}
    emit_json(data)
    out = capsys.readouterr()
    assert out.err == ""
    assert json.loads(out.out) == data  # the whole of stdout is one JSON value
    assert "متن.txt" in out.out and "今天天气很好" in out.out and "\\u" not in out.out
    assert out.out.endswith("}\n")


def test_emit_json_is_deterministic(capsys):
    emit_json({"b": 1, "a": ["x"]})
    first = capsys.readouterr().out
    emit_json({"b": 1, "a": ["x"]})
    assert capsys.readouterr().out == first


# ---------------------------------------------------------------- text


def render_text(problems, summary="failed: 3 documents checked", ok=False, width=80) -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=width, color_system=None, highlight=False, soft_wrap=False)
    print_problems_text(console, sorted(problems, key=sort_key), summary, ok)
    return buf.getvalue()


def test_text_groups_findings_under_their_file_folder_first():
    problems = [
        make("crlf", "b.txt", "CRLF line endings", 4),
        make("index-missing", None, "the folder has no INDEX.md"),
        make("bom", "a.txt", "starts with a UTF-8 byte-order mark", 1),
        make("not-nfc", "b.txt", "text is not in Unicode NFC", 2),
        make("exact-duplicate", "a.txt", "same bytes as c.txt"),
    ]
    lines = render_text(problems).splitlines()
    headings = [ln for ln in lines if ln in ("INDEX.md", "a.txt", "b.txt")]
    assert headings == ["INDEX.md", "a.txt", "b.txt"]  # each file once; folder-level findings go on INDEX.md, first

    def block(name: str) -> str:
        i = lines.index(name)
        rest = [j for j in range(i + 1, len(lines)) if lines[j] in headings or lines[j].startswith("failed")]
        return "\n".join(lines[i + 1 : rest[0]])

    assert "index-missing" in block("INDEX.md") and "bom" not in block("INDEX.md")
    assert "bom" in block("a.txt") and "exact-duplicate" in block("a.txt") and "crlf" not in block("a.txt")
    b = block("b.txt")
    assert b.index("not-nfc") < b.index("crlf")  # by line within a file
    assert re.search(r"\b2\s+warning\s+not-nfc", b) and re.search(r"\b4\s+warning\s+crlf", b)
    assert lines[-1] == "failed: 3 documents checked"


def test_text_keeps_every_word_of_a_long_message_and_long_file_name_at_80_columns():
    name = "sub/" + "very_long_folder_name_" * 4 + "001_0123456789abcdef.txt"
    words = [f"word{i}" for i in range(40)]
    out = render_text([make("mojibake", name, " ".join(words), 12)])
    assert all(len(ln) <= 80 for ln in out.splitlines())
    flat = "".join(out.split())
    assert "".join(name.split()) in flat
    assert all(w in out for w in words)
    assert "mojibake" in out  # the code itself never wraps


def _off_terminal(problems, monkeypatch=None) -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=10_000, color_system=None, highlight=False, soft_wrap=False)
    assert not console.is_terminal
    print_problems_text(console, sorted(problems, key=sort_key), "failed: 9 documents checked", False)
    return buf.getvalue()


def test_off_a_terminal_plain_rows_are_what_rich_lays_out(monkeypatch):
    """The fast writer for CI logs gives rich's own table output, byte for byte, on every script."""
    from seedkeeper.shell import render

    problems = [
        make("contained-duplicate", "c.txt", "92% of its text is in d.txt (kept: d.txt)"),
        make("bom", "fa/متن.txt", "شروع با نشانه ترتیب بایت", 1),
        make("boilerplate", "zh.txt", "line appears in 12 of 40 documents: '今天天气很好，我们去公园散步。'", 1234567),
        make("pii-email", "ar.txt", "e-mail address: a***@example.org — مرحبا 👋🏽 e\u0301\u200c", 3),
        make("index-outdated", "INDEX.md", "INDEX.md is not what `seedkeeper index` would write"),
        make("missing-file", "gone.txt", "listed in INDEX.md but not on disk", 7),
        make("lang-undetermined", "ko.txt", "the language could not be determined [bold]x[/bold]"),
        make("crlf", "tab.txt", "a tab\there is laid out by rich", 2),
        make("markup", "long.txt", "x" * 3000, 5),
        make("control-char", "ctl\x1b.txt", "control \x07 character", 9),
    ]
    fast = _off_terminal(problems)
    monkeypatch.setattr(render, "_plain_rows", lambda *a: False)
    assert fast == _off_terminal(problems)
    assert "contained-duplicate" in fast and "1234567" in fast  # neither cut short any more


def test_codes_and_line_numbers_are_never_cut_on_a_terminal_either():
    out = render_text([make("contained-duplicate", "c.txt", "contained", 12345678)], width=100)
    assert "contained-duplicate" in out and "12345678" in out and "…" not in out


def test_concise_lines_are_sorted_by_path_then_line(tmp_path):
    problems = [
        make("crlf", "015_b.txt", "CR or CRLF line endings", 1),
        make("unlisted-file", "014_a.txt", "not listed in INDEX.md", None),
        make("duplicate-entry", "014_a.txt", "listed twice", 43),
        make("bom", "014_a.txt", "starts with a byte-order mark", 1),
        make("duplicate-entry", "015_b.txt", "listed twice", 38),
    ]
    lines = concise_lines(problems, tmp_path / "seeds")
    paths = [(ln.split(":")[0], int(ln.split(":")[1]) if ln.split(":")[1].isdigit() else 0) for ln in lines]
    assert paths == sorted(paths), lines
    assert [ln.split(": ")[1].split()[0] for ln in lines] == [
        "unlisted-file", "bom", "crlf", "duplicate-entry", "duplicate-entry"
    ], lines  # fmt: skip
