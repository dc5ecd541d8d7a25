"""A link destination with parentheses, as CommonMark reads it: balanced ones are part of the
target (`[news](news/a(1).txt)` links `news/a(1).txt`, the name a browser download gives a second
copy), and so are backslash-escaped ones (`a\\(2\\).txt`). The reader (markdown-it) has always
listed these; the line rewriters (`rename`, and `index` carrying a link's words into Notes) read
the source with a regex that stopped at the first `)`, so `rename` refused the whole run and
`index` carried half the link into Notes."""

from __future__ import annotations

import pytest

from helpers import assert_exit, make_seeds, managed_rows
from multilingual import CLEAN

pytestmark = pytest.mark.usefixtures("isolated_env")

INDEX = "# S\n\n- [news](news/a(1).txt) english\n- [copy](b\\(2\\).txt) russian\n\nSee [it](news/a(1).txt).\n"
FILES = {"news/a(1).txt": CLEAN["en"], "b(2).txt": CLEAN["ru"]}


def test_index_carries_the_link_text_not_half_the_link(cli, tmp_path):
    root = make_seeds(tmp_path, FILES, index=INDEX)
    assert_exit(cli("index", root), 0)
    rows = managed_rows(root)
    assert sorted(row["Notes"] for row in rows.values()) == ["copy — russian", "news — english"], rows
    assert_exit(cli("check", root, "--ignore", "bad-name"), 0)


def test_rename_follows_a_link_with_parentheses(cli, tmp_path):
    root = make_seeds(tmp_path, FILES, index=INDEX)
    r = cli("rename", root)
    assert_exit(r, 0)
    assert not (root / "news/a(1).txt").exists() and not (root / "b(2).txt").exists()
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert "(1)" not in text and "(2)" not in text, text
    assert text.count("](news/000_") == 2 and "- [copy](001_" in text, text
    assert_exit(cli("validate", root), 0)
