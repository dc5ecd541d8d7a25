"""A person's listing typed between the markers that names a file not on disk.

`index` rewrites everything between the markers. A row of a hand-written table typed there (not
shaped like the managed table: `| Doc | Source |`) whose file was not on disk was taken for one
of the tool's rows and dropped with every word on it; a list item typed there, the same. Outside
the markers such a listing stays where it is, and `check` reports it missing-file. Between them
it now moves above the begin marker, as every other line a person typed there does, byte for
byte (its table's header and delimiter row with it), and `check` reports missing-file at its new
line. The managed table's own row of a file that is gone still goes with it: that row is the
tool's. (Found by tests/test_index_properties.py once it named missing files again.)
"""

from __future__ import annotations

import json

import pytest

from helpers import assert_exit, make_seeds
from seedkeeper.errors import IndexWriteError
from seedkeeper.indexmd.reader import parse_index
from seedkeeper.indexmd.writer import IndexRow, render_index

pytestmark = pytest.mark.usefixtures("isolated_env")

BEGIN, END = "<!-- seedkeeper:index:begin -->", "<!-- seedkeeper:index:end -->"
EN, FA, ZH = "001_aaaaaaaaaaaaaaaa.txt", "002_bbbbbbbbbbbbbbbb.txt", "003_cccccccccccccccc.txt"
GONE = "009_dddddddddddddddd.txt"
TEXTS = {
    EN: "The Universal Declaration of Human Rights was adopted by the United Nations in Paris in 1948.\n",
    FA: "اعلامیه جهانی حقوق بشر در سال ۱۹۴۸ توسط مجمع عمومی سازمان ملل متحد در پاریس تصویب شد.\n",
    ZH: "世界人权宣言于一九四八年在巴黎由联合国大会通过，它规定了应当在全世界受到保护的基本人权。\n",
}
HEAD = "| Doc | Source |\n| --- | --- |\n"
GONE_ROW = f"| {GONE} | اسکن رضا، waiting on permission |\n"
HAND = f"# Seeds\n\n{BEGIN}\n{HEAD}| {EN} | UN site |\n{GONE_ROW}| {ZH} | 新华社 |\n{END}\n"


def row(f: str, lang: str = "en") -> IndexRow:
    return IndexRow(file=f, lang=lang, chars=100, words=20, sha="0" * 12, status="ok", title="A title")


ROWS = [row(EN), row(FA, "fa"), row(ZH, "zh-Hans")]


def notes(text: str) -> dict[str, str]:
    """file -> its managed row's Notes cell."""
    return {
        e.rel: dict((h.lower(), v) for h, v in e.cells)["notes"]
        for e in parse_index(text).entries
        if e.managed and e.kind == "table"
    }


def listings_of(text: str, f: str) -> list[tuple[str, bool, int]]:
    return [(e.kind, e.managed, e.line) for e in parse_index(text).entries if e.rel == f and e.kind != "link"]


def above(text: str) -> str:
    return text.split(BEGIN)[0]


def test_a_hand_table_row_of_a_missing_file_typed_between_the_markers_moves_above_them():
    out = render_index(HAND, ROWS)
    # The row, under its table's header, above the markers, byte for byte; the other rows
    # carried into Notes as ever; nothing said twice.
    assert above(out) == f"# Seeds\n\n{HEAD}{GONE_ROW}\n"
    assert notes(out) == {EN: "Source: UN site", ZH: "Source: 新华社", FA: ""}
    assert listings_of(out, GONE) == [("table", False, 5)]
    assert render_index(out, ROWS) == out


@pytest.mark.parametrize(
    "listing",
    [
        f"- {GONE} scanned by Reza (lang: fa)",  # a list item: the same rule
        f'| [Reza\'s scan]({GONE} "from the archive, 2019") | BBC |',  # a link with a title
        f"| {GONE} | lang: fa, scanned by Reza |",  # a pin
        f"| `{GONE}`[^1] | scanned by Reza |",  # a code span, a footnote reference
    ],
)
def test_every_kind_of_listing_of_a_missing_file_between_the_markers_is_kept_whole(listing):
    head = HEAD if listing.startswith("|") else ""
    first = f"| {EN} | x |" if head else f"- {EN} x"
    foot = "\n[^1]: Reza's note.\n" if "[^1]" in listing else ""
    text = f"# Seeds\n\n{BEGIN}\n{head}{first}\n{listing}\n{END}\n{foot}"
    out = render_index(text, ROWS)
    assert f"{head}{listing}\n\n{BEGIN}" in out
    assert [k for k, managed, _ in listings_of(out, GONE) if not managed] == ["table" if head else "list"]
    assert render_index(out, ROWS) == out


def test_the_managed_tables_own_row_of_a_file_that_is_gone_still_goes():
    once = render_index(f"# Seeds\n\n{BEGIN}\n{END}\n", [*ROWS, row(GONE)])
    assert GONE in once
    out = render_index(once, ROWS)
    assert GONE not in out and above(out) == "# Seeds\n\n"


def test_a_row_whose_first_cell_is_missing_and_second_on_disk_keeps_both_names():
    # The row moves above the markers whole, for GONE. FA, which the managed table lists (the
    # table the tool writes), is only mentioned in its later cell (row_refs.settle_later_cells):
    # its cell stays as written and none of the row's words go into FA's Notes. Nothing is lost.
    text = f"# Seeds\n\n{BEGIN}\n| Original | Translation | Source |\n|---|---|---|\n| {GONE} | {FA} | UN |\n{END}\n"
    out = render_index(text, ROWS)
    assert above(out) == f"# Seeds\n\n| Original | Translation | Source |\n|---|---|---|\n| {GONE} | {FA} | UN |\n\n"
    assert notes(out)[FA] == ""
    assert render_index(out, ROWS) == out


@pytest.mark.parametrize(
    "above_it",
    [
        "<!-- Reza's note",  # a comment left open, which the begin marker's `-->` closes
        f"- {EN} x\n",  # an item whose nested list indented 4 spaces would be code once it left
    ],
)
def test_a_listing_that_would_be_hidden_where_it_moves_is_not_written_there(above_it):
    # Moved above the begin marker, the item would be text of the comment (or indented code):
    # no listing, so `check` could no longer say the file is missing. index writes nothing and
    # says why (check: index-outdated with that reason), as for any placement that hides.
    if above_it.startswith("<!--"):
        text = f"# Seeds\n\n{above_it}\n{BEGIN}\n- {GONE} scanned by Reza\n- {FA} y\n{END}\n"
    else:
        text = f"# Seeds\n\n{BEGIN}\n{above_it}\n    - {GONE} scanned by Reza\n{END}\n"
    with pytest.raises(IndexWriteError, match="nothing was written"):
        render_index(text, ROWS)


def test_check_reports_the_row_missing_at_its_line_before_and_after_index(cli, tmp_path):
    root = make_seeds(tmp_path, TEXTS, HAND)

    def missing() -> list[tuple[str, int]]:
        out = json.loads(cli("check", root, "--format", "json", "--no-cache").stdout)
        return [(p["file"], p["line"]) for p in out["problems"] if p["code"] == "missing-file"]

    assert missing() == [(GONE, 7)]
    assert_exit(cli("index", root, "--no-cache"), 0)
    assert_exit(cli("index", root, "--check", "--no-cache"), 0)
    written = (root / "INDEX.md").read_text(encoding="utf-8")
    assert written.startswith(f"# Seeds\n\n{HEAD}{GONE_ROW}\n{BEGIN}\n")
    assert missing() == [(GONE, 5)]
