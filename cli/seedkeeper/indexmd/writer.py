"""Writing INDEX.md: the managed table between the markers, and adopting a hand-written index.

Everything works on lines of the original text, located with markdown-it's source maps, so what a
person wrote outside the references is carried over byte for byte (CRLF, trailing spaces and all).
Only the lines between the markers and the lines of adopted list items / table rows change.
Which hand-written references are adopted, and what they carry, is adoption.py's.
"""

from __future__ import annotations

from collections.abc import Sequence

from seedkeeper.errors import IndexWriteError
from seedkeeper.indexmd.adoption import Block, adopt, after_what_is_left, aliased, dangling_definitions, header_stays
from seedkeeper.indexmd.entries import IndexDocument
from seedkeeper.indexmd.inside_cells import with_documents
from seedkeeper.indexmd.layout import (
    Remover,
    all_crlf,
    emit,
    finish_text,
    is_blank,
    prepare,
    same_endings,
)
from seedkeeper.indexmd.markers import hidden_markers, marker_lines, open_block_at_end
from seedkeeper.indexmd.reader import parse_index
from seedkeeper.indexmd.rescued import keeps_missing_listings, moves_a_listing
from seedkeeper.indexmd.rescued import rescued as rescued_lines
from seedkeeper.indexmd.row_refs import as_mentions
from seedkeeper.indexmd.sections import keeps_sections
from seedkeeper.indexmd.table import (
    HEADER_COMMENT,
    NEW_INDEX_HEADING,
    CellGuard,
    IndexRow,
    block_lines,
    full_block,
)
from seedkeeper.settings import DEFAULT_NAME_PATTERN

__all__ = ["IndexRow", "render_index"]


def render_index(
    current_text: str | None,
    rows: Sequence[IndexRow],
    *,
    include: tuple[str, ...] = ("*.txt",),
    name_pattern: str = DEFAULT_NAME_PATTERN,
    parsed: IndexDocument | None = None,
    mentions: frozenset[str] = frozenset(),
) -> str:
    """The whole new INDEX.md text for `rows` (see _render_index), in the line endings of the
    current text: an INDEX.md written with CRLF throughout gets its table with CRLF too, rather
    than a file of mixed endings. (Any other file is written with LF blocks.)
    `mentions`: files not on disk that a later cell of a table row names as a mention, not a
    listing (row_refs.as_mentions: a file `dedup --apply` moved out, whose own listing it took)."""
    if current_text is not None and all_crlf(current_text):
        # Rendered on the LF text, so an unchanged file is found unchanged at once (the blocks
        # are written with LF), then given back its CRLF.
        lf = current_text.replace("\r\n", "\n")
        return same_endings(current_text, _render_index(lf, rows, (include, name_pattern), None, mentions))
    return _render_index(current_text, rows, (include, name_pattern), parsed, mentions)


def _render_index(
    current_text: str | None,
    rows: Sequence[IndexRow],
    names: tuple[tuple[str, ...], str],
    parsed: IndexDocument | None,
    mentions: frozenset[str] = frozenset(),
) -> str:
    """The whole new INDEX.md text for `rows` (rendered in the given order), LF in the blocks.

    Each managed block (marker pair) is rewritten in place with the rows of the documents it
    holds, carrying their Pinned and Notes cells. Hand-written list items and table rows that
    reference a file in `rows` are adopted: their lines leave, their notes and pinned languages go
    to a table in the same section (the text between two headings): the section's managed block,
    else a new one where the hand-written list or table was. So a list under `## UDHR` becomes a
    table under `## UDHR`. Documents held by no block (new on disk, or only linked from prose) go
    to the last block, or a new block at the end. Links in prose stay prose. LF endings for the
    blocks, exactly one newline at the end.

    Removing lines can make their neighbours merge (a sentence under a removed marker joins the
    table above it), and un-nest what an item held (its `<pre>`, left open, runs on). So when
    lines outside the block left, the result is checked to be a fixed point (indexing it again
    changes nothing) that keeps every heading and lists every adopted document in its own
    section (sections.keeps_sections); if not, the removed lines leave blank lines behind; if
    still not, nothing is adopted (the hand-written references stay, and are reported as listed
    twice) rather than lose a word; failing all, nothing is written.

    `parsed` is `current_text` already parsed (the corpus model holds it): it is used when it was
    parsed from the same text, so a run parses INDEX.md once.
    """
    include, name_pattern = names
    guard = CellGuard(tuple(include), name_pattern)
    if current_text is None or not current_text.strip("\ufeff \t\r\n"):  # empty: as if absent
        return "\n".join([NEW_INDEX_HEADING, "", *full_block(rows, {}, guard)]) + "\n"
    opts = (tuple(include), name_pattern, guard, mentions)
    # A mention names no missing listing to keep (rescued.keeps_missing_listings).
    on_disk = (frozenset(r.file for r in rows) | mentions, (tuple(include), name_pattern))
    new, touched, glued, moved = _render(current_text, rows, opts, parsed, "delete")
    # Only a listing moved above the begin marker (rescued.py) can be hidden where it lands: the
    # parses that check it cost seconds at 30,000 rows, so they are done only then.
    check = on_disk if moved else None
    if not touched:
        if new == current_text or not glued:
            return new
        # Nothing adopted, yet a block glued to the text around it is set apart by blank lines,
        # which may change how what follows reads: a list inside an HTML block glued to the
        # markers ("<div>" up to a blank line) becomes a list, adopted by the next run. (A block
        # already set apart, the usual case, needs no second render: at 3,000 rows it costs 0.2 s.)
        again = _render(new, rows, opts, None, "delete")[0]
        if again == new:
            return new
        chains = [again]
    else:
        chains = []
        for mode in ("delete", "blank", "keep"):
            if mode != "delete":
                new = _render(current_text, rows, opts, parsed, mode)[0]
            again = _render(new, rows, opts, None, "delete")[0]
            if (
                again == new
                and _none_hidden(new, current_text, check)
                and keeps_sections(new, current_text, names, mentions)
            ):
                return new
            chains.append(again)
    # Markdown that hides the markers (an HTML block glued to them) settles in a run or two. The
    # "delete" render's run first: it puts each adopted document's table in its own section,
    # where the "keep" render lists every document in one table at the end (adopting from that
    # would move an item there, which keeps_sections refuses).
    for new in chains:
        for _ in range(2):
            again = _render(new, rows, opts, None, "delete")[0]
            if (
                again == new
                and _none_hidden(new, current_text, check)
                and (not touched or keeps_sections(new, current_text, names, mentions))
            ):
                return new
            new = again
    # Never write a file that the next run would change again (it would grow, or flip, on every
    # run, and `index --check` would never pass): say so, and write nothing.
    raise IndexWriteError(
        "INDEX.md: the managed table does not stay put where it would be written (Markdown around "
        "its markers hides or moves them: an unclosed code fence or HTML block?); fix INDEX.md by "
        "hand, nothing was written"
    )


def _none_hidden(
    candidate: str, current_text: str, on_disk: tuple[frozenset[str], tuple[tuple[str, ...], str]] | None
) -> bool:
    """Whether `candidate` hides no more marker lines in raw HTML blocks than the text it was
    rendered from: a table the writer put inside a block left open (a `<pre>` an adopted list
    item held, now at the top level) is a dead copy of the notes and pins it carries, however
    stable. Nor a person's listing of a file not on disk, moved above the begin marker
    (`on_disk`: the documents on disk, and the include globs and name pattern; None when no
    such listing moved)."""
    if hidden_markers(candidate.split("\n"), candidate) > hidden_markers(current_text.split("\n"), current_text):
        return False
    return on_disk is None or keeps_missing_listings(candidate, current_text, *on_disk)


def _render(
    current_text: str, rows: Sequence[IndexRow], opts: tuple, parsed: IndexDocument | None, mode: str
) -> tuple[str, bool, bool, bool]:
    """render_index in one `mode`: "delete" adopted lines, leave a "blank" for them, or "keep"
    them (adopt nothing). Returns the text, whether any line outside the blocks left, whether
    a block was glued to a non-blank line around its markers (so blank lines are put there), and
    whether a person's listing of a file not on disk moved above a begin marker."""
    include, name_pattern, guard, mentions = opts
    bom, lines = prepare(current_text)
    text = "\n".join(lines)
    doc = parsed if parsed is not None and parsed.text == text else parse_index(text, include, name_pattern)
    files = {r.file for r in rows}
    doc = as_mentions(aliased(doc, files), mentions - files)
    # A computed cell a person typed in is told from the tool's own (maybe stale) value by the rows.
    doc = with_documents(doc, {r.file: r for r in rows}, guard)
    spans = doc.managed_spans or ([doc.managed_span] if doc.managed_span else [])
    remover = Remover(lines, keep=[(b, e + 1) for b, e in spans], entries=doc.entries)
    blocks = [Block(None, span=sp) for sp in spans]
    home: dict[str, Block] = {}
    for e in doc.entries:
        if e.managed and e.rel is not None and e.kind != "link" and e.rel not in home:
            block = next((b for b in blocks if b.span[0] < e.line - 1 < b.span[1]), None)
            if block is not None:
                home[e.rel] = block
    carried, adopted = adopt(doc, lines, files, remover, blocks, home, mode)
    if adopted:
        remover.gone.update(dangling_definitions(lines, remover.gone, adopted, files))
    # A marker left without its partner would swallow text on a later run: drop strays, and the
    # header comment this tool wrote under one (a merge that lost the other marker would
    # otherwise leave a second copy of it, as if a person had written it).
    paired = {i for span in spans for i in span}
    inside = {i for b, e in spans for i in range(b, e + 1)}
    found = marker_lines(lines, also=(HEADER_COMMENT,), text=text)
    strays = {i for i, kind in found if kind != "also" and i not in paired}
    strays.update(_orphan_comments(lines, found, inside, strays))
    remover.gone.update(strays)
    gone = remover.finish(header_stays(lines, doc, carried))
    _close_gaps(lines, gone, strays)
    outside = set(gone)
    blank = frozenset(outside) if mode != "delete" else frozenset()
    for b in blocks:
        if b.top is not None:
            fully = all(i in gone or is_blank(lines[i]) for i in range(b.top.start, b.top.end))
            b.anchor = b.top.start if fully else after_what_is_left(lines, gone, blank, b.top)
    if not blocks:
        # At the end, unless the end is inside a block never closed (a fence, a `<pre>`): there the
        # new table would be text of that block, hidden, and the next run would add another.
        tail = open_block_at_end(lines, text)
        blocks.append(Block(None, anchor=len(lines) if tail is None else tail))
    last = max(blocks, key=lambda b: b.position)
    for r in rows:
        home.setdefault(r.file, last)
    inserts: dict[int, tuple[Sequence[str], bool, bool]] = {}
    rescued_any = moved = False
    for b in blocks:
        mine = rows if len(blocks) == 1 else [r for r in rows if home.get(r.file) is b]
        if b.span is not None:
            begin, end = b.span
            rescued = rescued_lines(lines, doc, begin, end, carried, files)
            rescued_any = rescued_any or bool(rescued)
            moved = moved or (bool(rescued) and moves_a_listing(doc, begin, end, files))
            gone.update(range(begin, end))
            # A blank line before the begin marker: glued to an HTML block above, it would be part of it.
            inserts[begin] = ([*rescued, lines[begin], *block_lines(mine, carried, guard)], False, True)
        else:
            inserts[b.anchor] = (full_block(mine, carried, guard), True, False)
    # Blank as Markdown reads it: spaces and tabs only (str.strip() would take a line of
    # no-break spaces for blank, which to a renderer continues an HTML block).
    glued = any(b.span is None for b in blocks) or any(  # a new block is checked too (rare)
        (begin > 0 and lines[begin - 1].strip(" \t\r")) or (end + 1 < len(lines) and lines[end + 1].strip(" \t\r"))
        for begin, end in spans
    )
    # A row that lost a cell and stays (it lists a document not on disk too) was touched as well.
    touched = bool(outside or remover.edited or rescued_any)
    return finish_text(bom, emit(lines, gone, inserts=inserts, blank=blank)), touched, glued, moved


def _orphan_comments(lines: list[str], found: list[tuple[int, str]], inside: set[int], strays: set[int]) -> set[int]:
    """This tool's header comment left outside a block by a lost marker: right under a stray begin
    marker, or right above a table (whose begin marker went). A copy anywhere else (in prose, in
    a code example) is a person's and stays."""
    out = set()
    for i, kind in found:
        if kind != "also" or i in inside:
            continue
        prev = next((k for k in range(i - 1, -1, -1) if not is_blank(lines[k])), None)
        after = next((k for k in range(i + 1, len(lines)) if not is_blank(lines[k])), None)
        if (prev is not None and prev in strays) or (after is not None and lines[after].lstrip().startswith("|")):
            out.add(i)
    return out


def _close_gaps(lines: list[str], gone: set[int], strays: set[int]) -> None:
    """Where dropped stray lines stood between two blank lines, drop one of the blanks too."""
    for i in sorted(strays):
        if i - 1 in gone:
            continue  # not the start of a run of dropped lines
        end = i
        while end + 1 < len(lines) and end + 1 in gone:
            end += 1
        before, after = i - 1, end + 1
        if before >= 0 and after < len(lines) and is_blank(lines[before]) and is_blank(lines[after]):
            gone.add(after)
