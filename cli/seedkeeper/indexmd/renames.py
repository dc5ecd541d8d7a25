"""Rewriting INDEX.md for renamed documents: every reference to an old name (a list item, a table
cell, a link anywhere, prose included, a reference-style link definition) now names the new one.

Only the characters of the reference change; everything else stays byte for byte. The result is
parsed again and must reference exactly the new names where the old ones were, else nothing is
returned (RenameError): a rename never leaves INDEX.md half updated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from seedkeeper.corpus.paths import normalize_target
from seedkeeper.errors import SeedkeeperError
from seedkeeper.indexmd.entries import LINK_SRC
from seedkeeper.indexmd.layout import block_parser
from seedkeeper.indexmd.link_titles import link_dest
from seedkeeper.indexmd.reader import parse_index
from seedkeeper.indexmd.table import escape_text

# `[label]: destination "title"`: a reference-style link definition (a footnote's `[^1]: ...` is prose).
_DEFINITION = re.compile(r"^( {0,3}\[(?!\^)(?:[^\]\\]|\\.)+\]:[ \t]*)(<[^>\n]*>|\S+)")
_CODE_BLOCKS = ("fence", "code_block", "html_block")


class RenameError(SeedkeeperError):
    """A reference could not be rewritten safely; INDEX.md is left as it is. The data stopped the
    command on purpose (exit code 1), as an unsafe path does: the call itself was fine."""


def _new_dest(dest: str, mapping: Mapping[str, str]) -> str | None:
    """The destination to write for a link to a renamed file (keeping `./`), or None."""
    bare = link_dest(dest)
    rel = normalize_target(bare, from_link=True).rel
    if rel not in mapping:
        return None
    anchor = "#" + bare.split("#", 1)[1] if "#" in bare else ""
    return ("./" if bare.startswith("./") else "") + mapping[rel] + anchor


def _rewrite_links(line: str, mapping: Mapping[str, str]) -> tuple[str, int]:
    """Point every inline link of `line` that targets a renamed file at its new name; a link whose
    text is the old file name shows the new one."""
    count = 0

    def swap(m: re.Match) -> str:
        nonlocal count
        new = _new_dest(m.group(2), mapping)
        if new is None:
            return m.group(0)
        count += 1
        old = normalize_target(link_dest(m.group(2)), from_link=True).rel
        text = m.group(1)
        if text in (old, escape_text(old)):
            text = escape_text(mapping[old])
        elif text == old.rsplit("/", 1)[-1]:
            text = mapping[old].rsplit("/", 1)[-1]
        base = m.start()
        whole = m.group(0)
        (s1, e1), (s2, e2) = ((s - base, e - base) for s, e in (m.span(1), m.span(2)))
        return whole[:s1] + text + whole[e1:s2] + new + whole[e2:]

    return LINK_SRC.sub(swap, line), count


def _rewrite_bare(line: str, written: str, new: str) -> tuple[str, int]:
    """Replace the first standalone occurrence of a bare name (list item start, table cell)."""
    pattern = re.compile(r"(?<![\w./\-])" + re.escape(written) + r"(?![\w/\-]|\.\w)")
    m = pattern.search(line)
    if m is None:
        return line, 0
    return line[: m.start()] + new + line[m.end() :], 1


def _code_lines(text: str) -> set[int]:
    out: set[int] = set()
    for tok in block_parser().parse(text):
        if tok.type in _CODE_BLOCKS and tok.map:
            out.update(range(tok.map[0], tok.map[1]))
    return out


def rename_references(
    text: str, mapping: Mapping[str, str], include: tuple[str, ...], name_pattern: str
) -> tuple[str, int]:
    """INDEX.md `text` with every reference to a key of `mapping` (old relative path) naming its
    value instead; returns (new text, references rewritten). Raises RenameError when the result
    would not reference exactly the renamed files where the old names were."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    doc = parse_index(body, include, name_pattern)
    lines = body.split("\n")
    count = 0
    done_links: set[int] = set()
    for e in doc.entries:
        if e.rel not in mapping:
            continue
        i = e.line - 1
        if "](" in lines[i] and i not in done_links:
            lines[i], n = _rewrite_links(lines[i], mapping)
            count += n
            done_links.add(i)
        if e.title is None and e.written.strip("`") != "":  # a bare name, not a link
            written = e.written
            new = ("./" if written.startswith("./") else "") + mapping[e.rel]
            lines[i], n = _rewrite_bare(lines[i], written, new)
            count += n
    code = _code_lines(body)
    for i, ln in enumerate(lines):
        m = _DEFINITION.match(ln)
        if m and i not in code and (new := _new_dest(m.group(2), mapping)) is not None:
            lines[i] = m.group(1) + new + ln[m.end() :]
            count += 1
    out = bom + "\n".join(lines)
    _verify(doc, parse_index(out[len(bom) :], include, name_pattern), mapping)
    return out, count


def _verify(before, after, mapping: Mapping[str, str]) -> None:
    want = [(mapping.get(e.rel, e.rel), e.kind) for e in before.entries]
    got = [(e.rel, e.kind) for e in after.entries]
    if want != got:
        lost = next((b for b, a in zip(before.entries, after.entries) if mapping.get(b.rel, b.rel) != a.rel), None)
        where = f" (INDEX.md line {lost.line}: {lost.rel})" if lost else ""
        raise RenameError(
            f"could not update every reference in INDEX.md{where}; nothing was renamed. "
            "Rename that reference by hand, or simplify it, and run again"
        )
