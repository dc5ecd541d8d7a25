"""A file name that is not UTF-8 (the bytes b"bad\\xff.txt") is shown escaped as `bad\\xff.txt`,
which is also what a file literally named `bad\\xff.txt` (a backslash, x, f, f) shows. Every
machine-read output must tell the two apart and lead back to the real file: JSON by `file_bytes`
(hex of the exact bytes), SARIF by percent-encoding, GitHub annotations by naming no file they
would put on the other one, JUnit and text by the `$'...'` quoting bash reads back."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.parse
import xml.dom.minidom
from pathlib import Path

import pytest

from helpers import doc_name, index_for, make_seeds

pytestmark = [
    pytest.mark.usefixtures("isolated_env"),
    pytest.mark.skipif(os.name == "nt", reason="Windows names are UTF-16, never undecodable bytes"),
]

RAW = b"bad\xff.txt"  # not UTF-8
LITERAL = "bad\\xff.txt"  # valid UTF-8: the text the raw name is shown as
RAW_TEXT = b"the river runs past the old mill and on to the sea in the spring floods\n"
LITERAL_TEXT = "mountains rise to the north where the snow stays on the peaks all year\n"
DOC_TEXT = "a listed document with enough words in it to be read and checked like the rest\n"


def _side_by_side(tmp_path: Path) -> Path:
    """A folder holding both names, neither listed in INDEX.md, plus one listed document."""
    seeds = make_seeds(tmp_path, {doc_name(1): DOC_TEXT, LITERAL: LITERAL_TEXT}, index_for([doc_name(1)]))
    with open(os.path.join(os.fsencode(seeds), RAW), "wb") as fh:
        fh.write(RAW_TEXT)
    os.mkdir(os.path.join(os.fsencode(seeds), b"sub\xfe"))
    with open(os.path.join(os.fsencode(seeds), b"sub\xfe", b"x.txt"), "wb") as fh:
        fh.write(RAW_TEXT)
    return seeds


def _unlisted(problems: list[dict]) -> list[dict]:
    return [p for p in problems if p["code"] == "unlisted-file" and p["file"] == LITERAL]


@pytest.mark.parametrize("command", ["validate", "check"])
def test_json_tells_the_raw_name_from_the_literal_one(cli, tmp_path, command):
    seeds = _side_by_side(tmp_path)
    r = cli(command, seeds, "--format", "json")
    assert r.exit_code == 1, r.output
    problems = json.loads(r.stdout_bytes.decode("utf-8"))["problems"]
    both = _unlisted(problems)
    assert len(both) == 2, problems  # one entry per file, same readable "file"
    raw, literal = sorted(both, key=lambda p: "file_bytes" in p, reverse=True)
    assert raw["file_bytes"] == RAW.hex() == "626164ff2e747874"
    assert "file_bytes" not in literal  # a valid name: nothing added, nothing changed
    # Every entry about a decodable file is as it was: no key added anywhere.
    assert all("file_bytes" not in p for p in problems if p["file"] in (doc_name(1), "INDEX.md"))
    # The subfolder's raw byte is in the folder-relative path's bytes too.
    sub = [p for p in problems if p.get("file_bytes") == b"sub\xfe/x.txt".hex()]
    assert {p["code"] for p in sub} == {"bad-name", "unlisted-file"}, problems


def test_file_bytes_lead_back_to_the_real_file(cli, tmp_path):
    seeds = _side_by_side(tmp_path)
    problems = json.loads(cli("validate", seeds, "--format", "json").stdout)["problems"]
    found = {p["file_bytes"] for p in problems if "file_bytes" in p}
    assert found == {RAW.hex(), b"sub\xfe/x.txt".hex()}
    for hexed in found:
        # As the README says: bytes.fromhex, joined to the folder (os.fsdecode gives a str path).
        path = seeds / os.fsdecode(bytes.fromhex(hexed))
        assert path.read_bytes() == RAW_TEXT
    literal = next(p for p in _unlisted(problems) if "file_bytes" not in p)
    assert (seeds / literal["file"]).read_text() == LITERAL_TEXT


def test_sarif_percent_encodes_the_raw_bytes(cli, tmp_path):
    seeds = _side_by_side(tmp_path)
    (seeds / "50%41.txt").write_text(LITERAL_TEXT + "and a percent sign\n")
    r = cli("check", seeds, "--format", "sarif")
    assert r.exit_code == 1, r.output
    results = json.loads(r.stdout_bytes.decode("utf-8"))["runs"][0]["results"]
    uris = {
        x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for x in results
        if x["ruleId"] == "unlisted-file"
    }
    assert uris == {"seeds/bad%FF.txt", "seeds/bad\\xff.txt", "seeds/sub%FE/x.txt", "seeds/50%2541.txt"}
    # A URI reader gets each file's exact path back.
    for uri in uris:
        assert os.path.lexists(os.path.join(os.fsencode(tmp_path), urllib.parse.unquote_to_bytes(uri))), uri


def test_github_annotations_never_land_on_the_literal_file(cli, tmp_path):
    seeds = _side_by_side(tmp_path)
    out = cli("validate", seeds, "--format", "github").stdout
    unlisted = [ln for ln in out.splitlines() if "title=unlisted-file" in ln]
    assert len(unlisted) == 3, out
    on_literal = [ln for ln in unlisted if "file=seeds/bad\\xff.txt," in ln]
    assert len(on_literal) == 1 and "not valid UTF-8" not in on_literal[0], out
    # The raw names' annotations name no file (GitHub has no way to point at those bytes), and
    # say in the message which file they are about.
    raw = [ln for ln in unlisted if "not valid UTF-8" in ln]
    assert len(raw) == 2 and not any("file=" in ln for ln in raw), out
    assert any("$'seeds/bad\\xff.txt'" in ln for ln in raw), out


def test_junit_has_a_test_case_for_each(cli, tmp_path):
    seeds = _side_by_side(tmp_path)
    r = cli("check", seeds, "--format", "junit")
    dom = xml.dom.minidom.parseString(r.stdout_bytes)
    names = [tc.getAttribute("name") for tc in dom.getElementsByTagName("testcase")]
    assert LITERAL in names and "$'bad\\xff.txt'" in names and "$'sub\\xfe/x.txt'" in names, names


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_text_quotes_the_raw_name_as_bash_reads_it(cli, tmp_path, fmt):
    seeds = _side_by_side(tmp_path)
    out = cli("validate", seeds, "--format", fmt).stdout
    lines = out.splitlines()
    if fmt == "text":
        # Two headings, each over its own file's findings (folder-relative, as text groups them).
        assert LITERAL in lines and "$'bad\\xff.txt'" in lines and "$'sub\\xfe/x.txt'" in lines, out
        at = lines.index(LITERAL)
        assert "in the folder but not listed" in lines[at + 2] and "UTF-8" not in "".join(lines[at : at + 3])
    else:
        assert any(ln.startswith("seeds/bad\\xff.txt: unlisted-file in the folder") for ln in lines), out
        assert any(ln.startswith("$'seeds/bad\\xff.txt': unlisted-file file name is not") for ln in lines), out
        assert any(ln.startswith("$'seeds/sub\\xfe/x.txt': unlisted-file") for ln in lines), out


def test_tag_and_add_report_names_typed_that_are_not_utf8(cli, tmp_path):
    seeds = make_seeds(tmp_path, {doc_name(1): DOC_TEXT}, index_for([doc_name(1)]))
    src = os.path.join(os.fsencode(tmp_path), b"in\xfd.txt")
    with open(src, "wb") as fh:
        fh.write(b"A brand new document about lakes and forests in the far north of the country.\n")
    typed = os.fsdecode(b"in\xfd.txt")  # relative to tmp_path, where cli runs
    (doc,) = json.loads(cli("tag", typed, "--format", "json").stdout)["documents"]
    assert doc["file"] == "in\\xfd.txt" and doc["file_bytes"] == b"in\xfd.txt".hex()
    assert cli("index", seeds).exit_code == 0  # managed: add writes into it
    r = cli("add", typed, "--seeds", seeds, "--format", "json", "--dry-run")
    assert r.exit_code == 0, r.output
    (added,) = json.loads(r.stdout)["added"]
    assert added["source"] == "in\\xfd.txt" and added["source_bytes"] == b"in\xfd.txt".hex()
    assert "file_bytes" not in added  # its new name in the folder is a valid one
    assert "$'in\\xfd.txt'" in cli("tag", typed).stdout


# ---------------------------------------------------------------- the helpers, called directly


@pytest.mark.parametrize(
    "raw",
    [b"bad\xff.txt", b"a\\b\xfe'c.txt", b"sub\xfe/x y.txt", "ctl\x1b[0m\x85é".encode() + b"\xc3.txt"],
)
def test_quoted_names_are_the_exact_bytes_to_bash(raw):
    from seedkeeper.corpus.raw_names import quoted

    shown = quoted(os.fsdecode(raw))
    assert shown.startswith("$'") and shown.endswith("'") and "\x1b" not in shown
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash to read the quoting back")
    assert subprocess.run([bash, "-c", f"printf %s {shown}"], capture_output=True, check=True).stdout == raw


def test_valid_names_are_shown_as_before():
    from seedkeeper.corpus.paths import shown
    from seedkeeper.corpus.raw_names import name_bytes, quoted, with_name_bytes

    for name in (LITERAL, "متن.txt", "ansi\x1b[31m.txt", "it's.txt"):
        assert quoted(name) == shown(name) and name_bytes(name) is None
    data = {"problems": [{"file": LITERAL, "code": "bad-name"}], "too_short": [LITERAL]}
    assert with_name_bytes(data) == data


def test_uri_path_percent_encodes_what_would_read_otherwise():
    from seedkeeper.corpus.raw_names import uri_path

    assert uri_path(os.fsdecode(b"seeds/bad\xff.txt")) == "seeds/bad%FF.txt"
    assert uri_path("seeds/50%FF #1?.txt") == "seeds/50%25FF %231%3F.txt"
    assert uri_path("seeds/متن name.txt") == "seeds/متن name.txt"  # readable, as before
    for name in (b"bad\xff.txt", b"50%FF.txt", b"q?#.txt", "é\x01".encode()):
        assert urllib.parse.unquote_to_bytes(uri_path(os.fsdecode(name))) == name
