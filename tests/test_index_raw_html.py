"""Marker lines inside an HTML block that only its closing tag ends (CommonMark HTML block types
1, 3 and 5: `<pre>`, `<script>`, `<style>`, `<textarea>`, `<?...?>`, `<![CDATA[...]]>`).

A renderer shows such a block as raw HTML: the marker lines and the table rows in it are text, not
a table, so the documents are not listed. `index` must read them the same way (an example the
person keeps, like markers in a code fence), put its table where a renderer shows it, and reach
a fixed point; a file that ends inside such a block (or an unclosed fence) must not grow on every
run."""

from __future__ import annotations

import re

import pytest

from helpers import doc_name, make_seeds
from seedkeeper.indexmd import markers as markers_mod
from seedkeeper.indexmd.markers import BEGIN_MARKER, END_MARKER, managed_spans, marker_lines
from seedkeeper.indexmd.reader import parse_index
from seedkeeper.indexmd.writer import IndexRow, render_index

pytestmark = pytest.mark.usefixtures("isolated_env")

A, B = doc_name(1), doc_name(2)
TEXTS = {
    A: "The river runs through the old town and past the mill before it reaches the sea.\n",
    B: "Mountains rise to the north, where snow stays on the peaks for most of the year.\n",
}
HEADER = (
    "| File | Language | Pinned | Chars | Words | SHA-256 | Status | Title | Notes |\n"
    "| --- | --- | --- | ---: | ---: | --- | --- | --- | --- |"
)


def _row_line(f: str, notes: str = "") -> str:
    return f"| [{f}]({f}) | en |  | 81 | 16 | abcdefabcdef | ok | A title | {notes} |"


def _table(*files: str, notes: str = "") -> str:
    return "\n".join([HEADER, *(_row_line(f, notes) for f in files)])


def _row(f: str) -> IndexRow:
    return IndexRow(f, "en", 80, 15, "abcdefabcdef", "ok", "A title")


def _shown(text: str) -> list[str]:
    """The documents a CommonMark renderer (GitHub) shows as a table row's link."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    return re.findall(r'<tr>\n<td><a href="([^"]+)">', html)


def _index_twice(cli, seeds) -> str:
    r = cli("index", seeds)
    assert r.exit_code == 0, r.output
    first = (seeds / "INDEX.md").read_text()
    r = cli("index", seeds, "--check")
    assert r.exit_code == 0, f"index --check right after index:\n{r.output}\n{first}"
    assert cli("index", seeds).exit_code == 0
    assert (seeds / "INDEX.md").read_text() == first, "a second index changed INDEX.md"
    return first


RAW_WRAPPED = [
    pytest.param("<pre>", "</pre>", id="pre"),
    pytest.param('<script type="text/x-template">', "</script>", id="script"),
    pytest.param("<STYLE>", "</style>", id="style-uppercase"),
    pytest.param("<textarea>", "</textarea>", id="textarea"),
    pytest.param("<?php", "?>", id="processing-instruction"),
    pytest.param("<![CDATA[", "]]>", id="cdata"),
]


@pytest.mark.parametrize(("opener", "closer"), RAW_WRAPPED)
def test_markers_inside_a_raw_html_block_are_text_not_the_block(cli, tmp_path, opener, closer):
    example = f"{opener}\n{BEGIN_MARKER}\n{_table(A)}\n{END_MARKER}\n{closer}\n"
    seeds = make_seeds(tmp_path, {A: TEXTS[A]}, f"# Corpus\n\n{example}")
    # As a renderer reads it: nothing is listed, there is no managed block.
    doc = parse_index((seeds / "INDEX.md").read_text())
    assert doc.managed_spans == [] and A not in doc.listed()
    text = _index_twice(cli, seeds)
    assert example in text  # the person's raw block is kept byte for byte
    assert _shown(text) == [A]  # and the document is in a table a renderer shows
    after = text.split(closer, 1)[1]
    assert BEGIN_MARKER in after and END_MARKER in after
    assert cli("check", seeds).exit_code == 0


def test_a_row_edited_inside_a_pre_block_is_not_copied_out(cli, tmp_path):
    """The slow path (a Notes cell with a link): the rows inside <pre> were copied above the
    begin marker and the block rewritten inside the <pre>, still invisible."""
    example = f"<pre>\n{BEGIN_MARKER}\n{_table(A, notes='see [x](https://example.com)')}\n{END_MARKER}\n</pre>\n"
    seeds = make_seeds(tmp_path, {A: TEXTS[A]}, f"# Corpus\n\n{example}")
    text = _index_twice(cli, seeds)
    assert example in text
    assert _shown(text) == [A]


def test_pre_opened_above_the_begin_marker_and_closed_between_the_markers(cli, tmp_path):
    index = f"# Corpus\n\n<pre>\n{BEGIN_MARKER}\n</pre>\n\n{_table(A)}\n\n{END_MARKER}\n"
    seeds = make_seeds(tmp_path, {A: TEXTS[A]}, index)
    assert managed_spans(index.split("\n")) == []  # the begin marker is text in the <pre>
    text = _index_twice(cli, seeds)
    assert f"<pre>\n{BEGIN_MARKER}\n</pre>\n" in text
    assert _shown(text) == [A]
    assert len(managed_spans(text.split("\n"))) == 1


def test_pre_opened_above_the_begin_marker_and_closed_after_the_end_marker(cli, tmp_path):
    example = f"<pre>\nsome preformatted text\n\n{BEGIN_MARKER}\n\n{_table(A)}\n\n{END_MARKER}\n\nmore text\n</pre>\n"
    seeds = make_seeds(tmp_path, {A: TEXTS[A], B: TEXTS[B]}, f"# Corpus\n\n{example}\n- {B} my note\n")
    text = _index_twice(cli, seeds)
    assert example in text
    assert sorted(_shown(text)) == sorted([A, B])


@pytest.mark.parametrize(
    "text",
    [
        # <pre> opened between the markers and left open: the end marker is text.
        f"# Corpus\n\n{BEGIN_MARKER}\n{_table(A)}\n<pre>\n{END_MARKER}\n",
        # Markers in a <pre> block inside a list item.
        f"# Corpus\n\n- an item\n  <pre>\n  {BEGIN_MARKER}\n  {_row_line(A)}\n  {END_MARKER}\n  </pre>\n",
    ],
    ids=["pre-left-open-between-markers", "pre-in-a-list-item"],
)
def test_markers_in_a_raw_block_make_no_table_and_index_settles(text):
    assert managed_spans(text.split("\n")) == []
    once = render_index(text, [_row(A)])
    assert render_index(once, [_row(A)]) == once
    assert _shown(once) == [A]


@pytest.mark.parametrize(
    "tail",
    [
        pytest.param("<pre>\n", id="pre"),
        pytest.param("<pre>\nsome text\n\nmore text\n", id="pre-with-text"),
        pytest.param("<script>\nvar x = 1;\n", id="script"),
        pytest.param("```\ncode\n", id="fence"),
        pytest.param("~~~python\ncode\n\n", id="tilde-fence"),
    ],
)
def test_a_file_ending_inside_an_unclosed_block_does_not_grow(cli, tmp_path, tail):
    """The new table used to go at the end, inside the unclosed block: hidden, so the next run
    added another one, and another."""
    seeds = make_seeds(tmp_path, {A: TEXTS[A]}, f"# Corpus\n\nSome prose.\n\n{tail}")
    text = _index_twice(cli, seeds)
    assert text.count(BEGIN_MARKER) == 1
    assert _shown(text) == [A]
    assert text.endswith(tail.rstrip("\n") + "\n")  # the person's block is left as it was, last
    assert "Some prose." in text.split(BEGIN_MARKER)[0]


def test_a_file_ending_inside_an_unclosed_pre_with_a_managed_block_above():
    text = render_index(f"# Corpus\n\n- {A}\n", [_row(A)])
    text += "\n<pre>\nunclosed\n"
    once = render_index(text, [_row(A), _row(B)])
    assert render_index(once, [_row(A), _row(B)]) == once
    assert _shown(once) == [A, B]
    assert once.endswith("<pre>\nunclosed\n")


def test_crlf_file_with_markers_in_a_pre_block():
    text = f"# Corpus\r\n\r\n<pre>\r\n{BEGIN_MARKER}\r\n{_row_line(A)}\r\n{END_MARKER}\r\n</pre>\r\n"
    once = render_index(text, [_row(A)])
    assert render_index(once, [_row(A)]) == once
    assert f"<pre>\r\n{BEGIN_MARKER}\r\n" in once
    assert _shown(once.replace("\r\n", "\n")) == [A]


# Markers a renderer reads as markers keep working exactly as before.
def _after(before: str) -> str:
    return f"# S\n\n{before}{BEGIN_MARKER}\n{_table(A)}\n{END_MARKER}\n"


ORDINARY = [
    pytest.param(_after(""), id="top-level"),
    pytest.param(_after("<pre>\nexample\n</pre>\n\n"), id="after-a-closed-pre"),
    pytest.param(_after("<pre>example</pre>\n"), id="after-a-one-line-pre"),
    pytest.param(_after("Use a `<pre>` block.\n\n"), id="pre-in-inline-code"),
    pytest.param(_after("<details>\n<summary>More</summary>\n\n</details>\n\n"), id="after-details"),
    pytest.param(_after("<!--\na comment\n-->\n"), id="after-a-comment"),
    pytest.param(f"# S\n\n- item\n  {BEGIN_MARKER}\n  {_row_line(A)}\n  {END_MARKER}\n", id="in-a-list-item"),
    pytest.param(_after("```\n<pre>\n```\n\n"), id="pre-in-a-fence"),
    pytest.param(_after("    <pre>\n\n"), id="pre-in-indented-code"),
    pytest.param(_after("<pre>\n</PRE>\n"), id="closed-case-insensitively"),
    pytest.param(_after("<pre>\n</script>\n"), id="closed-by-any-type-1-tag"),
    pytest.param(_after("<prefix>\n\n"), id="a-tag-that-only-starts-with-pre"),
]


@pytest.mark.parametrize("text", ORDINARY)
def test_markers_a_renderer_sees_are_still_markers(text):
    lines = text.split("\n")
    assert [lines[i].strip() for i, _ in marker_lines(lines)] == [BEGIN_MARKER, END_MARKER]
    assert len(managed_spans(lines)) == 1
    once = render_index(text, [_row(A)])
    assert render_index(once, [_row(A)]) == once
    assert once.count(BEGIN_MARKER) == 1


def _markers_as_markdown_it_reads_them(text: str) -> list[tuple[int, str]]:
    """The reference for marker_lines: marker lines (indented under 4 spaces) that no fenced or
    indented code block and no raw HTML block of markdown-it's parse holds."""
    from markdown_it import MarkdownIt

    hidden: set[int] = set()
    for tok in MarkdownIt("commonmark", {"html": True}).enable("table").parse(text):
        raw = tok.type == "html_block" and re.match(
            r"\s*<(?:pre|script|style|textarea)\b|\s*<\?|\s*<!\[CDATA\[", tok.content, re.I
        )
        if tok.map is not None and (tok.type in ("fence", "code_block") or raw):
            hidden.update(range(*tok.map))
    out = []
    for i, line in enumerate(text.split("\n")):
        if line.strip() in (BEGIN_MARKER, END_MARKER) and not line.startswith(("    ", "\t")) and i not in hidden:
            out.append((i, "begin" if line.strip() == BEGIN_MARKER else "end"))
    return out


FENCE_LINES_MARKDOWN_IT_READS_OTHERWISE = [
    # A fence line inside an HTML block that ends at a blank line (types 6 and 7) is HTML.
    pytest.param("<div>\n~~~\n</div>\n\n", id="in-a-div-block"),
    pytest.param("<details>\n<summary>x</summary>\n```\n\n", id="in-a-details-block"),
    pytest.param("Prose.\n\n<span class='x'>\n~~~\n\n", id="in-a-type-7-block"),
    # ... inside a comment or a declaration, which their closing text ends.
    pytest.param("<!--\n~~~\n-->\n\n", id="in-a-comment"),
    pytest.param("<!-- a note\n\n```\nstill the note -->\n\n", id="in-a-comment-with-a-blank-line"),
    pytest.param("<!DOCTYPE notes\n~~~\n>\n\n", id="in-a-declaration"),
    # Indented 4+ columns: indented code (or a paragraph's lazy line), never a fence.
    pytest.param("    ~~~\n\n", id="indented-code"),
    pytest.param("\t```\n\n", id="tab-indented-code"),
    pytest.param("Prose.\n    ~~~\n\n", id="a-paragraphs-lazy-line"),
    # A fence inside a list item ends with the item.
    pytest.param("- item\n  ~~~\n", id="in-a-list-item"),
]


@pytest.mark.parametrize("above", FENCE_LINES_MARKDOWN_IT_READS_OTHERWISE)
def test_a_fence_line_markdown_it_reads_otherwise_hides_no_marker(above):
    """The marker scan read these lines as a code fence left open: the managed block below was
    no block to it, while markdown-it (the reference, and what GitHub shows) reads HTML, indented
    code, or a fence its container closed."""
    text = f"# S\n\n{above}{BEGIN_MARKER}\n{_table(A)}\n{END_MARKER}\n"
    lines = text.split("\n")
    assert marker_lines(lines, text=text) == _markers_as_markdown_it_reads_them(text)
    assert len(managed_spans(lines, text)) == 1
    once = render_index(text, [_row(A)])
    assert once.count(BEGIN_MARKER) == 1 and render_index(once, [_row(A)]) == once
    assert _shown(once) == [A]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(f"# S\n\n~~~\n    ~~~\n\n{BEGIN_MARKER}\n{END_MARKER}\n", id="a-closer-indented-4-spaces"),
        pytest.param(f"# S\n\n````\n  ```\n\n{BEGIN_MARKER}\n{END_MARKER}\n", id="a-shorter-closer"),
        pytest.param(f"# S\n\n- ~~~\n  {BEGIN_MARKER}\n  {END_MARKER}\n", id="a-fence-opened-on-a-list-items-line"),
    ],
)
def test_a_fence_markdown_it_reads_holds_the_markers(text):
    # The other way round: the scan closed a fence at a line that closes nothing to markdown-it,
    # or saw no fence after a list item's marker.
    lines = text.split("\n")
    assert marker_lines(lines, text=text) == _markers_as_markdown_it_reads_them(text) == []


def test_index_check_passes_on_a_table_under_a_div_holding_a_fence_line(cli, tmp_path):
    """Found with the CLI: `<div>` directly followed by `~~~` above the managed table. `check`
    said index-outdated forever, and `index` wrote a second table above the first."""
    seeds = make_seeds(tmp_path, {A: TEXTS[A]}, "# Corpus\n\n")
    assert cli("index", seeds).exit_code == 0
    text = (seeds / "INDEX.md").read_text().replace(BEGIN_MARKER, f"<div>\n~~~\n</div>\n\n{BEGIN_MARKER}", 1)
    (seeds / "INDEX.md").write_text(text)
    r = cli("check", seeds)
    assert r.exit_code == 0, r.output
    assert _index_twice(cli, seeds) == text


def test_ordinary_files_never_run_the_block_parser(monkeypatch):
    """marker_lines runs on every `index`: a file without a raw HTML opener, or whose raw blocks
    all close above the markers, costs no Markdown parse."""

    def fail(*_a, **_k):
        raise AssertionError("parsed")

    monkeypatch.setattr(markers_mod, "block_ranges", fail)
    rows = "\n".join(_row_line(doc_name(k)) for k in range(200))
    for text in (
        f"# S\n\n{BEGIN_MARKER}\n{HEADER}\n{rows}\n{END_MARKER}\n",
        f"# S\n\n<pre>\nexample\n</pre>\n\n<script>x()</script>\n\n{BEGIN_MARKER}\n{HEADER}\n{rows}\n{END_MARKER}\n",
        f"# S\n\n{BEGIN_MARKER}\n{HEADER}\n{rows}\n{END_MARKER}\n\n<pre>\nunclosed, but below the markers\n",
    ):
        assert len(managed_spans(text.split("\n"))) == 1


def test_restore_lists_a_document_before_an_unclosed_block_at_the_end():
    """add_entries (`restore`) lists a document in a new list at the end of a file with no list
    or table: not inside a `<pre>` left open there, where no renderer shows it."""
    from seedkeeper.indexmd.entry_edits import add_entries

    text = "# Corpus\n\nSome prose.\n\n<pre>\nunclosed\n"
    out = add_entries(text, [A])
    assert out == f"# Corpus\n\nSome prose.\n\n- {A}\n\n<pre>\nunclosed\n"
    assert parse_index(out).listed() == [A]


@pytest.mark.parametrize(
    ("above", "tail"),
    [
        pytest.param("", "<!-- note to self\nremember the licences\n", id="comment"),
        pytest.param("", "<!--\n\nstill the note, after a blank line\n", id="comment-with-a-blank-line"),
        pytest.param("", "<!DOCTYPE notes\nnever closed\n", id="declaration"),
        pytest.param("<pre>\nexample\n</pre>\n\n", "<!-- note\n", id="comment-after-a-closed-pre"),
        pytest.param("Some more prose.\n", "<!-- glued to the prose\n", id="comment-glued-to-a-paragraph"),
    ],
)
def test_restore_lists_a_document_before_an_html_comment_left_open_at_the_end(above, tail):
    """An HTML comment (or declaration) never closed swallows every line after it: a list item
    appended there is invisible to a renderer, and the document unlisted. It goes before the
    comment instead, and the person's text keeps every byte."""
    from seedkeeper.indexmd.entry_edits import add_entries

    text = f"# Corpus\n\nSome prose.\n\n{above}{tail}"
    out = add_entries(text, [A])
    assert parse_index(out).listed() == [A]
    sep = "\n" if above.endswith("prose.\n") else ""  # the list is set apart from a paragraph
    assert out == f"# Corpus\n\nSome prose.\n\n{above}{sep}- {A}\n\n{tail}"


def test_restore_before_an_open_comment_keeps_crlf_and_the_comment_as_written():
    from seedkeeper.indexmd.entry_edits import add_entries

    text = "# Corpus\r\n\r\n<!-- note to self\r\nremember\r\n"
    out = add_entries(text, [A])
    assert parse_index(out).listed() == [A]
    assert out == f"# Corpus\r\n\r\n- {A}\r\n\r\n<!-- note to self\r\nremember\r\n"


_HIDDEN = "003_cccccccccccccccc.txt"


@pytest.mark.parametrize("indent", [1, 2, 3])
@pytest.mark.parametrize(
    ("opener", "closer"),
    [
        pytest.param("<!-- retired, do not list:", "", id="comment"),
        pytest.param("<pre>", "", id="pre"),
        pytest.param("```", "", id="fence"),
        pytest.param("<!-- retired, do not list:", "-->", id="comment-closed-after-an-unindented-line"),
    ],
)
def test_restore_never_makes_an_indented_open_blocks_text_a_listing(opener, closer, indent):
    """The new list went right above the block left open at the end; an opener indented 1-3
    spaces then belonged to the new list item, which ended at the next unindented line: the
    text the person hid (`- 003_...`, a retired listing) became Markdown, a listing of a file
    not on disk. The list goes where the parse shows exactly the new file listed, and the
    person's bytes stay as written."""
    from seedkeeper.indexmd.entry_edits import add_entries

    text = f"# Seeds\n\nThe original is [here]({A}). A copy [there]({B}).\n\n{' ' * indent}{opener}\n- {_HIDDEN}\n" + (
        f"{closer}\n" if closer else ""
    )
    out = add_entries(text, [B])
    doc = parse_index(out)
    assert [(e.rel, e.kind) for e in doc.entries if e.kind != "link"] == [(B, "list")], out
    assert _HIDDEN not in doc.listed(), out
    # Every byte the person wrote is still there, in order: only the new list (and blank lines
    # around it) was added.
    added = re.sub(rf"(?m)^ *- {B}\n", "", out, count=1)
    assert re.sub(r"\n\n+", "\n\n", added).rstrip("\n") == re.sub(r"\n\n+", "\n\n", text).rstrip("\n"), out


def test_restore_next_to_an_indented_open_comment_through_the_shell(cli, tmp_path):
    """The review's reproducer: `dedup --apply`, then `restore`, then `check` reported
    `missing-file` for a name the person had hidden in a comment."""
    index = (
        f"# Seeds\n\nThe original is [here]({A}). A copy [there]({B}).\n\n  <!-- retired, do not list:\n- {_HIDDEN}\n"
    )
    seeds = make_seeds(tmp_path, {A: TEXTS[A], B: TEXTS[A]}, index)
    assert cli("dedup", str(seeds), "--apply").exit_code == 0
    assert cli("restore", B, "--seeds", str(seeds)).exit_code == 0
    import json

    r = cli("validate", str(seeds), "--format", "json")
    codes = {(p["file"], p["code"]) for p in json.loads(r.stdout)["problems"]}
    assert (_HIDDEN, "missing-file") not in codes, codes
    assert (seeds / "INDEX.md").read_text(encoding="utf-8").endswith(f"  <!-- retired, do not list:\n- {_HIDDEN}\n")


def test_quarantine_restore_by_default_lists_a_document_where_a_renderer_shows_it(tmp_path):
    """corpus.quarantine.restore without a re-lister of its own appended `- file` as the last
    line: inside a comment (or fence) left open at the end, hidden."""
    from seedkeeper.corpus.quarantine import apply_moves, restore
    from seedkeeper.similarity.results import Cluster, DedupResult, Duplicate

    index = f"# Corpus\n\n- {A}\n- {B}\n\n<!-- note to self\nremember\n"
    seeds = make_seeds(tmp_path, {A: TEXTS[A], B: TEXTS[A]}, index)
    result = DedupResult([Cluster(A, [Duplicate(B, "exact", 1.0, A)])], [])
    apply_moves(seeds, result, lambda text, files: text.replace(f"- {B}\n", ""))
    restore(seeds, B)
    out = (seeds / "INDEX.md").read_text(encoding="utf-8")
    assert parse_index(out).listed() == [A, B], out
    assert out.endswith("<!-- note to self\nremember\n")


def test_a_render_that_never_settles_is_refused_not_written(cli, tmp_path, monkeypatch):
    """The last line of defence: a text that indexing again would change is never written (it
    would grow or flip on every run); `index` says so in one line and exits 1."""
    from seedkeeper.errors import IndexWriteError
    from seedkeeper.indexmd import writer

    real = writer._render

    def restless(text, rows, opts, parsed, mode):
        new, touched, _glued, moved = real(text, rows, opts, parsed, mode)
        return new + "again\n", touched, True, moved  # every run adds a line

    monkeypatch.setattr(writer, "_render", restless)
    with pytest.raises(IndexWriteError, match="nothing was written"):
        render_index(f"# S\n\n- {A}\n", [_row(A)])
    index = f"# S\n\n- {A}\n"
    seeds = make_seeds(tmp_path, {A: TEXTS[A]}, index)
    r = cli("index", seeds)
    assert r.exit_code == 1, r.output
    assert "seedkeeper: error: INDEX.md: the managed table does not stay put" in r.output
    assert "Traceback" not in r.output and len(r.output.strip().splitlines()) == 1
    assert (seeds / "INDEX.md").read_text() == index


def test_check_reports_a_table_index_would_refuse_to_write_as_a_finding(cli, tmp_path, monkeypatch):
    # `check` must not stop on the writer's refusal: it is a finding on INDEX.md, exit 1.
    import json

    from seedkeeper.indexmd import writer

    real = writer._render

    def restless(text, rows, opts, parsed, mode):
        new, touched, _glued, moved = real(text, rows, opts, parsed, mode)
        return new + "again\n", touched, True, moved

    seeds = make_seeds(tmp_path, {A: TEXTS[A]}, f"# S\n\n- {A}\n")
    assert cli("index", seeds).exit_code == 0
    monkeypatch.setattr(writer, "_render", restless)
    r = cli("check", seeds, "--format", "json", "--no-cache")
    assert r.exit_code == 1, r.output
    found = [p for p in json.loads(r.stdout)["problems"] if p["code"] == "index-outdated"]
    assert len(found) == 1 and "does not stay put" in found[0]["message"] and found[0]["file"] == "INDEX.md"


def _big_table(rows: int, inside: dict[int, str] | None = None) -> str:
    lines = [f"| [{doc_name(i)}]({doc_name(i)}) | en |  | 1 | 1 | abc | ok | t | n |" for i in range(rows)]
    for at, line in (inside or {}).items():
        lines[at] = line
    header = "| File | Language | Pinned | Chars | Words | SHA-256 | Status | Title | Notes |\n" + "|---" * 9 + "|"
    return f"{BEGIN_MARKER}\n\n{header}\n" + "\n".join(lines) + f"\n\n{END_MARKER}\n"


@pytest.mark.parametrize(
    "text",
    [
        # An opener in a fence above a large table (a PHP example): the parse that settles it
        # reads the table's rows as one-word lines, and must find the same markers.
        f"# S\n\n```php\n<?php echo 'hi';\n```\n\n{_big_table(100)}",
        f"# S\n\n<pre>\nopen above\n\n{_big_table(100, {50: '</pre> closed in a row'})}",
        f"# S\n\n<pre>\nopen above, never closed\n\n{_big_table(100)}\nafter\n",
        f"# S\n\n<script>\n{_big_table(100, {10: '| <b>x</b> | y |', 70: '</script>'})}\n{_big_table(80)}",
    ],
    ids=["php-in-a-fence", "pre-closed-in-a-row", "pre-never-closed", "script-then-a-second-table"],
)
def test_thinning_a_large_table_finds_the_same_markers(text, monkeypatch):
    lines = text.split("\n")
    markers_mod.block_ranges.cache_clear()
    real, made = markers_mod.thinned_tables, []
    monkeypatch.setattr(markers_mod, "thinned_tables", lambda lines, found: made.append(real(lines, found)) or made[-1])
    thinned = marker_lines(lines, text=text)
    assert made and made[0] is not None  # the parse ran, on the thinned text
    monkeypatch.setattr(markers_mod, "thinned_tables", lambda lines, found: None)
    markers_mod.block_ranges.cache_clear()
    assert thinned == marker_lines(lines, text=text)


def test_adopting_an_item_that_holds_an_open_pre_puts_the_table_above_it_not_a_dead_copy(cli, tmp_path):
    # The <pre> is closed by the end of its list item; adopting the item leaves it open at the
    # top level. The table once went below it, where the <pre> hid it (a dead copy of the note
    # and the pin; `check` then said ok with the pin lost), and index refused. The table now
    # goes where the list began, above the <pre>: a live table with the note and the pin, every
    # byte of the <pre> kept, and `check` sees the pin.
    index = f"# Seeds\n\n- {A} my note lang: de\n  <pre>\n  example\n- {B}\n"
    seeds = make_seeds(tmp_path, {A: TEXTS[A], B: TEXTS[B]}, index)
    out = _index_twice(cli, seeds)
    assert sorted(_shown(out)) == [A, B], out
    assert out.endswith(f"{END_MARKER}\n\n  <pre>\n  example\n"), out
    (row,) = [ln for ln in out.split("\n") if ln.startswith(f"| [{A}]")]
    assert "| de |" in row and row.endswith("| my note |"), row
    r = cli("check", seeds, "--format", "json")
    import json

    codes = {(p["file"], p["code"]) for p in json.loads(r.stdout)["problems"]}
    assert ("INDEX.md", "index-outdated") not in codes and (A, "lang-mismatch") in codes


def _refusing(monkeypatch):
    from seedkeeper.indexmd import writer

    real = writer._render

    def restless(text, rows, opts, parsed, mode):
        new, touched, _glued, moved = real(text, rows, opts, parsed, mode)
        return new + "again\n", touched, True, moved

    monkeypatch.setattr(writer, "_render", restless)


def test_add_leaves_nothing_half_added_when_index_refuses(cli, tmp_path, monkeypatch):
    seeds = make_seeds(tmp_path, {A: TEXTS[A]}, f"# S\n\n- {A}\n")
    assert cli("index", seeds).exit_code == 0
    new = tmp_path / "new.txt"
    new.write_text(TEXTS[B], encoding="utf-8")
    before = sorted(p.name for p in seeds.iterdir())
    _refusing(monkeypatch)
    r = cli("add", new, "--seeds", seeds)
    assert r.exit_code == 1 and "does not stay put" in r.output
    assert sorted(p.name for p in seeds.iterdir()) == before  # the copy went again
    monkeypatch.undo()
    assert cli("add", new, "--seeds", seeds).exit_code == 0  # and the same add works later


def test_fix_says_what_it_repaired_when_index_refuses(cli, tmp_path, monkeypatch):
    seeds = make_seeds(tmp_path, {A: TEXTS[A]}, f"# S\n\n- {A}\n")
    assert cli("index", seeds).exit_code == 0
    (seeds / A).write_bytes(TEXTS[A].replace("\n", "\r\n").encode("utf-8"))
    _refusing(monkeypatch)
    r = cli("fix", seeds)
    assert r.exit_code == 1 and f"repaired {A}; INDEX.md was not rewritten" in r.output
    assert "nothing was written" not in r.output
    assert b"\r\n" not in (seeds / A).read_bytes()


# --- An adopted list item's raw HTML block stays in its section, and so does its row ---


def _sections_of_rows(text: str) -> dict[str, list[str]]:
    """Heading -> the files of the managed tables a renderer shows under it (headings as
    markdown-it reads them: one inside a `<pre>` is text)."""
    from seedkeeper.indexmd.layout import Layout

    layout, lines = Layout(text), text.split("\n")
    out: dict[str, list[str]] = {}
    for e in parse_index(text).entries:
        if e.managed and e.kind == "table":
            section = layout.section_of(e.line - 1)
            heading = lines[layout.headings[section - 1]] if section else ""
            files = out.setdefault(heading, [])
            if e.rel not in files:
                files.append(e.rel)
    return out


RAW_IN_ITEMS = [
    pytest.param("<pre>", "</pre>", id="pre"),
    pytest.param("<script>", "</script>", id="script"),
    pytest.param("<textarea>", "</textarea>", id="textarea"),
    pytest.param("<!-- draft", "-->", id="comment"),
    pytest.param("<?php", "?>", id="processing-instruction"),
]


@pytest.mark.parametrize("opener, closer", RAW_IN_ITEMS)
def test_an_adopted_items_raw_block_and_its_row_stay_in_its_section(cli, tmp_path, opener, closer):
    # The item holds the opener; its list item ends it (the blank line, then a line at column 0),
    # and the closer follows. Once the item's line is adopted, the block is at the top level and
    # runs on to the closer: the new table, put at the end of the list, was inside it, so index
    # fell back to a table at the end of the file, under `## English`.
    index = (
        f"# Seeds\n\n## French\n\n- {A} — a poem\n  {opener}\n  verse one\n\n{closer}\n\n## English\n\n- {B} — a blog\n"
    )
    seeds = make_seeds(tmp_path, {A: TEXTS[A], B: TEXTS[B]}, index)
    assert cli("init", "seeds").exit_code == 0  # keeps INDEX.md, adds the config
    out = _index_twice(cli, seeds)
    assert _sections_of_rows(out) == {"## French": [A], "## English": [B]}, out
    french = out[out.index("## French") : out.index("## English")]
    assert f"  {opener}\n  verse one\n\n{closer}\n" in french, out  # every byte, still in its section
    assert "a poem" in french and "a blog" in out[out.index("## English") :]
    assert sorted(_shown(out)) == [A, B]


def test_an_item_holding_a_raw_block_is_not_the_last_in_its_list():
    # The <pre> item first, another item after it: the table still goes where the list was.
    text = f"# S\n\n## French\n\n- {A} — a poem\n- {B} — another\n  <pre>\n  verse\n\n</pre>\n\n## English\n\nProse.\n"
    out = render_index(text, [_row(A), _row(B)])
    assert _sections_of_rows(out) == {"## French": [A, B]}, out
    assert "  <pre>\n  verse\n\n</pre>\n" in out[: out.index("## English")]
    assert render_index(out, [_row(A), _row(B)]) == out


def test_an_adopted_items_fence_left_open_at_the_end_holds_no_copy_of_the_table():
    # A fence the item held, closed by the end of the file: un-nested, it held the table put
    # after it, and the settled file had a live table and a dead copy inside the fence
    # (_none_hidden counts raw HTML blocks, not fences). The table goes above the fence now.
    text = f"# S\n\n## A\n\nProse.\n\n## B\n\n- {A} — a poem\n  ```\n  code\n"
    out = render_index(text, [_row(A), _row(B)])
    assert out.count(BEGIN_MARKER) == 1 and out.endswith(f"{END_MARKER}\n\n  ```\n  code\n"), out
    assert _sections_of_rows(out) == {"## B": [A, B]}
    assert render_index(out, [_row(A), _row(B)]) == out


def test_an_items_pre_that_would_swallow_the_next_heading_is_refused_not_moved(cli, tmp_path):
    # Un-nested, the <pre> would run over `## English` to the `</pre>` below it: the English
    # item's row ended up under `## French`, and the heading was text. Nothing is written, said
    # in one line, and `check` gives the same reason.
    index = f"# S\n\n## French\n\n- {A} — a poem\n  <pre>\n  verse\n\n## English\n\n- {B} — a blog\n\n</pre>\n"
    seeds = make_seeds(tmp_path, {A: TEXTS[A], B: TEXTS[B]}, index)
    r = cli("index", seeds)
    assert r.exit_code == 1 and "does not stay put" in r.output and "Traceback" not in r.output
    assert (seeds / "INDEX.md").read_text(encoding="utf-8") == index
    r = cli("check", seeds, "--format", "json")
    import json

    (outdated,) = [p["message"] for p in json.loads(r.stdout)["problems"] if p["code"] == "index-outdated"]
    assert "does not stay put" in outdated and "fix INDEX.md by hand" in outdated


@pytest.mark.parametrize(
    "held, below",
    [
        pytest.param("<!-- draft", f"- {B} — a blog\n\n-->", id="comment-over-a-list"),
        pytest.param("<pre>", "Prose only.\n\n</pre>", id="pre-over-prose"),
        pytest.param("<script>", "Prose only.\n\n</script>", id="script-over-prose"),
    ],
)
def test_an_items_raw_block_that_would_swallow_the_next_section_is_refused_not_moved(held, below):
    # The same with a comment the item held, or with nothing of ours below to hide: the next
    # heading would be text in the block, its section gone. Nothing is written.
    from seedkeeper.errors import IndexWriteError

    text = f"# S\n\n## French\n\n- {A} — a poem\n  {held}\n  verse\n\n## English\n\n{below}\n"
    with pytest.raises(IndexWriteError, match="does not stay put"):
        render_index(text, [_row(A), _row(B)])


def test_the_line_scan_reads_marker_lines_as_marker_kind_does():
    # markers._scan writes _marker_kind out for speed: the two must read every line alike.
    from seedkeeper.indexmd.markers import _marker_kind, _scan

    also = ("<!-- other -->",)
    lines = [
        prefix + body + suffix
        for body in (BEGIN_MARKER, END_MARKER, "<!-- other -->", "<!-- seedkeeper:index:begin", "text")
        for prefix in ("", " ", "   ", "    ", "\t", " \t")
        for suffix in ("", " ", "\t", "\r")
    ]
    expected = [(i, kind) for i, line in enumerate(lines) if (kind := _marker_kind(line, also))]
    assert _scan(lines, also)[0] == expected
    assert {kind for _, kind in expected} == {"begin", "end", "also"}
    # ... and both read indentation as markdown-it does: a marker it reads as indented code
    # (" \t" reaches column 4) is no marker (the two copies agreed on the wrong answer).
    from markdown_it import MarkdownIt

    for prefix in ("", " ", "   ", "    ", "\t", " \t", "  \t", "   \t"):
        tokens = MarkdownIt("commonmark").parse(f"# S\n\n{prefix}{BEGIN_MARKER}\n")
        assert (_marker_kind(prefix + BEGIN_MARKER, ()) is None) == any(t.type == "code_block" for t in tokens), prefix
