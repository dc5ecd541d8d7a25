"""INDEX.md's references are documents by discovery's rule: a path matching the include globs
(a glob with `/` matches the path from the seeds folder down, `*` within one folder name; one
without, the file name at any depth), no hidden part, not INDEX.md. With
`include = ["legal/*.txt"]`, `- other/x.txt` names no document, as `- notes.md` names none
under the default `*.txt`: INDEX.md may mention it, nothing checks it."""

from __future__ import annotations

import json
import re

import pytest

from helpers import doc_name, make_seeds
from multilingual import CLEAN
from seedkeeper.corpus.paths import looks_like_reference
from seedkeeper.settings import DEFAULT_NAME_PATTERN

pytestmark = pytest.mark.usefixtures("isolated_env")

NAME_RE = re.compile(DEFAULT_NAME_PATTERN)
LEGAL = ("legal/*.txt",)
A, B, C = doc_name(1, "inc"), doc_name(2, "inc"), doc_name(3, "inc")


@pytest.mark.parametrize(
    "written, from_link, expected",
    [
        ("legal/x.txt", False, True),
        ("./legal/x.txt", False, True),
        ("legal/x.txt#top", True, True),
        ("legal%2Fx.txt", True, True),  # a link's target is decoded first
        ("other/x.txt", False, False),  # the file name alone matched before
        (f"other/{A}", False, False),  # a name the pattern fits is no document outside include either
        ("legal/x.md", False, False),
        # As discovery matches it (paths.path_glob): `*` stays within one folder name, and the
        # glob is anchored at the seeds folder.
        ("legal/deeper/x.txt", False, False),
        ("archive/legal/x.txt", False, False),
        # No path in the folder to match: meant as a document by its name, and unsafe-path says
        # why it is not read.
        ("../legal/x.txt", False, True),
        ("/srv/seeds/other/x.txt", False, True),
        (f"../{A}", True, True),
        ("../notes.md", False, False),
    ],
)
def test_a_reference_is_matched_on_its_path(written, from_link, expected):
    assert looks_like_reference(written, LEGAL, NAME_RE, from_link=from_link) is expected


@pytest.mark.parametrize(
    "written, include, expected",
    [
        (".drafts/x.txt", ("*.txt",), False),  # hidden: discovery never finds it
        ("sub/.x.txt", ("*.txt",), False),
        ("INDEX.md", ("*.md",), False),
        ("sub/INDEX.md", ("*.md",), True),  # only the folder's own INDEX.md is not a document
        ("deep/x.txt", ("*.txt",), True),
    ],
)
def test_hidden_paths_and_index_md_are_no_documents(written, include, expected):
    assert looks_like_reference(written, include, NAME_RE, from_link=False) is expected


def _check(cli, root) -> dict:
    r = cli("check", root, "--format", "json")
    assert r.exit_code in (0, 1), r.output
    return json.loads(r.stdout)


def test_entries_outside_the_include_globs_are_not_checked(cli, tmp_path):
    files = {
        f"legal/{A}": CLEAN["fa"],
        "other/x.txt": CLEAN["en"],
        f"other/{B}": CLEAN["de"],
        f"other/{C}": "\x00 binary",
        "top.txt": CLEAN["fr"],
    }
    root = make_seeds(tmp_path, files)  # lists every file
    (tmp_path / "seedkeeper.toml").write_text('include = ["legal/*.txt"]\n', encoding="utf-8")
    data = _check(cli, root)
    assert data["summary"]["documents"] == 1
    assert [p for p in data["problems"] if p["file"] != "INDEX.md"] == []


def test_a_glob_with_slash_is_anchored_at_the_seeds_folder(cli, tmp_path):
    # `legal/*.txt` took `archive/legal/x.txt` (pathlib's match anchors at the end) and
    # `legal/old/x.txt` (fnmatch's `*` crosses "/"): both came up as unlisted documents.
    files = {f"legal/{A}": CLEAN["fa"], f"archive/legal/{B}": CLEAN["de"], f"legal/old/{C}": CLEAN["en"]}
    root = make_seeds(tmp_path, files, f"# S\n\n- legal/{A}\n")
    (tmp_path / "seedkeeper.toml").write_text('include = ["legal/*.txt"]\n', encoding="utf-8")
    data = _check(cli, root)
    assert data["summary"]["documents"] == 1
    assert [(p["file"], p["code"]) for p in data["problems"] if p["file"] != "INDEX.md"] == []
    # `**` spans folders: the old one is a document again, and unlisted.
    (tmp_path / "seedkeeper.toml").write_text('include = ["legal/**/*.txt"]\n', encoding="utf-8")
    problems = [(p["file"], p["code"]) for p in _check(cli, root)["problems"] if p["file"] != "INDEX.md"]
    assert problems == [(f"legal/old/{C}", "unlisted-file")]


def test_a_listed_file_outside_include_is_what_a_listed_notes_md_is(cli, tmp_path):
    # Under the default `*.txt` a listed notes.md is prose: no finding, whether it exists or not.
    root = make_seeds(tmp_path, {A: CLEAN["fa"], "notes.md": "notes\n"}, f"# S\n\n- {A}\n- notes.md\n- gone.md\n")
    default = [p["code"] for p in _check(cli, root)["problems"]]
    (tmp_path / "seedkeeper.toml").write_text('include = ["legal/*.txt"]\n', encoding="utf-8")
    root2 = make_seeds(
        tmp_path,
        {f"legal/{A}": CLEAN["fa"], "other/x.txt": "x\n"},
        f"# S\n\n- legal/{A}\n- other/x.txt\n- other/gone.txt\n",
        folder="seeds2",
    )
    assert [p["code"] for p in _check(cli, root2)["problems"]] == default


def test_index_lists_only_the_documents(cli, tmp_path):
    root = make_seeds(tmp_path, {f"legal/{A}": CLEAN["fa"], "other/x.txt": CLEAN["en"]}, "# S\n\nSee other/x.txt.\n")
    (tmp_path / "seedkeeper.toml").write_text('include = ["legal/*.txt"]\n', encoding="utf-8")
    assert cli("index", root).exit_code == 0
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert f"legal/{A}" in text and "](other/x.txt)" not in text
    assert cli("check", root).exit_code == 0


def test_rename_matches_the_new_path_against_include(cli, tmp_path):
    # `legal/notes.txt` becomes `legal/NNN_<hash>.txt`, a document: the name alone matched no
    # `legal/*.txt` glob, and rename refused to run.
    root = make_seeds(tmp_path, {"legal/notes.txt": CLEAN["fa"]})
    (tmp_path / "seedkeeper.toml").write_text('include = ["legal/*.txt"]\n', encoding="utf-8")
    r = cli("rename", root)
    assert r.exit_code == 0, r.output
    assert not (root / "legal" / "notes.txt").exists()
    assert [p.name for p in (root / "legal").iterdir() if re.fullmatch(DEFAULT_NAME_PATTERN, p.name)]


def _table_rows_above_marker(text: str) -> list[str]:
    """The rows of each table GitHub would draw above the begin marker (markdown-it's tokens)."""
    from markdown_it import MarkdownIt

    above = text.split("<!-- seedkeeper:index:begin -->", 1)[0]
    tokens = MarkdownIt("commonmark").enable("table").parse(above)
    body = [k for k, t in enumerate(tokens) if t.type == "tr_open" and tokens[k + 1].type == "td_open"]
    return [tokens[k + 2].content for k in body]


def test_a_row_leaving_the_managed_table_takes_its_header_along(cli, tmp_path):
    # The row of a file the include globs no longer take moved above the begin marker alone: a
    # paragraph of pipes on GitHub, its Notes cell (a person's words) in it.
    root = make_seeds(tmp_path, {f"legal/{A}": CLEAN["fa"], f"other/{B}": CLEAN["en"]})
    assert cli("index", root).exit_code == 0
    index = root / "INDEX.md"
    text = index.read_text(encoding="utf-8")
    lines = text.split("\n")
    k = next(i for i, line in enumerate(lines) if line.startswith(f"| [other/{B}]"))
    assert lines[k].endswith("|  |")
    lines[k] = lines[k][: -len("|  |")] + "| نظر ویراستار |"  # a person's note
    index.write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "seedkeeper.toml").write_text('include = ["legal/*.txt"]\n', encoding="utf-8")
    assert cli("index", root).exit_code == 0
    text = index.read_text(encoding="utf-8")
    assert _table_rows_above_marker(text) == [f"[other/{B}](other/{B})"]
    assert "| نظر ویراستار |" in text.split("<!-- seedkeeper:index:begin -->", 1)[0]
    assert f"[legal/{A}]" in text.split("<!-- seedkeeper:index:begin -->", 1)[1]
    assert cli("index", root, "--check").exit_code == 0  # the next run leaves it be
    assert cli("check", root).exit_code == 0


@pytest.mark.parametrize(
    "rel, include, expected",
    [
        # `**/` is zero or more folders, as in ruff's, git's and pathlib's globs: `**/*.txt` is
        # every .txt file, the top-level ones too, and `sub/**/*.txt` holds sub/x.txt.
        ("a.txt", ("**/*.txt",), True),
        ("sub/deep/a.txt", ("**/*.txt",), True),
        ("sub/a.txt", ("sub/**/*.txt",), True),
        ("sub/deep/a.txt", ("sub/**/*.txt",), True),
        ("other/a.txt", ("sub/**/*.txt",), False),
        ("deep/a.txt", ("**/deep/*.txt",), True),
        ("x/deep/a.txt", ("**/deep/*.txt",), True),
        ("a.md", ("**/*.txt",), False),
    ],
)
def test_double_star_matches_zero_folders(rel, include, expected):
    from seedkeeper.corpus.paths import matches_glob, matches_include

    assert matches_include(rel, include) is expected
    assert matches_glob(rel, include[0]) is expected


def test_a_double_star_include_checks_the_top_level_documents(cli, tmp_path):
    root = make_seeds(tmp_path, {A: CLEAN["fa"], f"sub/{B}": CLEAN["en"]})
    (tmp_path / "seedkeeper.toml").write_text('include = ["**/*.txt"]\n', encoding="utf-8")
    data = _check(cli, root)
    assert data["summary"]["documents"] == 2, data


@pytest.mark.parametrize(
    "pattern",
    [
        "[z-a]*.txt",
        "[[]x].txt",
        "[]]x.txt",
        "[!]]x.txt",
        "[^x]*.txt",
        "[a-]*.txt",
        "[\\]x.txt",
        "[&&a]*.txt",
        "[a-c-e].txt",
        "[!a-c]*.txt",
        "[*.txt",
    ],
)
@pytest.mark.parametrize(
    "name",
    ["a.txt", "ab.txt", "[x].txt", "]x.txt", "^.txt", "-.txt", "\\x.txt", "&.txt", "d.txt", "x.txt", "z.txt", "[.txt"],
)
def test_a_set_in_a_path_glob_reads_as_fnmatch_reads_it(pattern, name):
    # A reversed range `[z-a]` was a regular-expression error (a traceback on `check`); every
    # other set must match a file name exactly as the same glob without a folder does.
    import fnmatch

    from seedkeeper.corpus.paths import matches_include

    assert matches_include(f"sub/{name}", (f"sub/{pattern}",)) is fnmatch.fnmatchcase(name, pattern)


@pytest.mark.parametrize("pattern", ["sub[!a]x/*.txt", "sub[--0]x/*.txt"])
def test_a_set_in_a_path_glob_never_matches_a_slash(pattern):
    from seedkeeper.corpus.paths import matches_include

    assert not matches_include("sub/x/a.txt", (pattern,))


def test_a_reversed_range_in_include_is_no_traceback(cli, tmp_path):
    # The set's glob comes first: after "*.txt", which every document matches, it was never read.
    root = make_seeds(tmp_path, {A: CLEAN["fa"]})
    (tmp_path / "seedkeeper.toml").write_text('include = ["sub/[z-a]*.txt", "*.txt"]\n', encoding="utf-8")
    data = _check(cli, root)
    assert data["summary"]["documents"] == 1, data
