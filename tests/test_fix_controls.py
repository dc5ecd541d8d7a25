"""`fix`'s control-char repair never glues words: a page break or line separator becomes a line
break, a stray control after a sentence's end a space, one inside a word nothing, and a terminal
colour sequence nothing.

Removing FF, VT and NEL outright turned `words\\fPage two` into `wordsPage two` (QA of this
session); `--diff` split the old text at them too, so it showed lines the file does not have.
"""

from __future__ import annotations

import pytest

from helpers import doc_name, make_seeds
from seedkeeper.corpus.controls import drop_controls
from seedkeeper.corpus.repair import repair
from seedkeeper.operations.fixing import fix
from seedkeeper.settings import Settings

pytestmark = pytest.mark.usefixtures("isolated_env")

DOC = doc_name(1, "ctl")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Page one ends here with words\x0cPage two begins.\n", "Page one ends here with words\nPage two begins.\n"),
        ("A vertical\x0btab here.\n", "A vertical\ntab here.\n"),
        ("line one of text\x85line two.\n", "line one of text\nline two.\n"),
        # Next to a line break already: no empty line is added.
        ("end of page one.\n\x0cPage two.\n", "end of page one.\nPage two.\n"),
        ("end of page one.\x0c\nPage two.\n", "end of page one.\nPage two.\n"),
        ("\x0cFirst page.\n", "First page.\n"),
        ("Last page.\n\x0c", "Last page.\n"),
        ("end of page one.\r\n\x0cPage two.\r\n", "end of page one.\r\nPage two.\r\n"),
        # After the punctuation that ends a sentence, a space; between two letters nothing (it
        # may be inside a word: Word's optional hyphen); next to a space or a line end, nothing.
        ("end.\x1eNext one.\n", "end. Next one.\n"),
        ("An exam\x1fple, hyphen\x1fated, e\x1email.\n", "An example, hyphenated, email.\n"),
        ("می\x07خواهم بروم\n", "میخواهم بروم\n"),
        ("one \x07two\x1f\n", "one two\n"),
        ("word\x07.\n", "word.\n"),
        # A terminal colour sequence leaves nothing, whatever is around it.
        ("\x1b[31mred\x1b[0m text and \x1b[1;4mbold\x1b[m.\n", "red text and bold.\n"),
        # Scripts written without spaces get none; an accent stays on its letter.
        ("今天\x07天气很好\n", "今天天气很好\n"),
        ("e\x07\u0301 and cafe\x07\u0301\n", "e\u0301 and cafe\u0301\n"),
        ("می\u200c\x07خواهم\n", "می\u200cخواهم\n"),
    ],
)
def test_controls_leave_what_a_person_expects(before, after):
    assert drop_controls(before, keep_c1=False) == after


def test_a_plain_fix_keeps_words_apart(cli, tmp_path):
    text = (
        "Page one ends here with words\x0cPage two begins.\n"
        "line one of text\x85line two.\n"
        "A vertical\x0btab here, one.\x07Two.\n"
    )
    # U+0085 is also Windows-1252's `…` read as Latin-1 (a mojibake finding): accepting that
    # finding says it is a line separator here.
    root = make_seeds(tmp_path, {DOC: text}, index=f"# S\n\n- {DOC} ignore: mojibake\n")
    r = cli("fix", root)
    assert r.exit_code == 0 and r.exception is None, r.output
    assert (root / DOC).read_text(encoding="utf-8") == (
        "Page one ends here with words\nPage two begins.\nline one of text\nline two.\n"
        "A vertical\ntab here, one. Two.\n"
    )


def test_without_accepting_it_nel_is_kept_for_the_mojibake_repair(tmp_path):
    text = "Page one ends here with words\x0cPage two begins.\nline one of text\x85line two.\n"
    root = make_seeds(tmp_path, {DOC: text})
    report = fix(root, Settings(jobs=1))
    assert (root / DOC).read_text(encoding="utf-8") == text.replace("\x0c", "\n")
    assert {r.code for r in report.remaining} == {"control-char", "mojibake"}


def test_diff_shows_the_lines_the_file_has(cli, tmp_path):
    root = make_seeds(tmp_path, {DOC: "Page one ends here with words\x0cPage two begins.\nA vertical\x0btab.\n"})
    out = cli("fix", root, "--diff").stdout
    assert "-Page one ends here with words\\u000cPage two begins.\n" in out
    assert "+Page one ends here with words\n+Page two begins.\n" in out
    assert "-A vertical\\u000btab.\n" in out and "+A vertical\n+tab.\n" in out


def test_the_repair_reports_control_char():
    r = repair(b"one\x0ctwo\n", {"control-char"}, None)
    assert r.data == b"one\ntwo\n" and r.codes == ["control-char"]


def test_index_diff_splits_lines_where_markdown_does(cli, tmp_path):
    # INDEX.md's diff split a line at a form feed or U+2028 as str.splitlines does; Markdown (and
    # the file) end lines at LF, CRLF and CR only.
    index = f"# S\n\nProse with a page\x0cbreak and a\u2028separator.\n\n- {DOC}\n"
    root = make_seeds(tmp_path, {DOC: "Une phrase en français pour l'index.\n"}, index=index)
    out = cli("index", root, "--diff").stdout
    assert " Prose with a page\x0cbreak and a\u2028separator.\n" in out, out
