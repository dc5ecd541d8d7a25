"""Adopting a hand-written INDEX.md with sections (issue 12, item 4): one managed table per
section, shown as a diff, never adopted silently by `add`; existing managed files keep working."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers import doc_name, make_seeds, snapshot
from multilingual import CLEAN
from seedkeeper.indexmd.entry_edits import remove_entries
from seedkeeper.indexmd.markers import BEGIN_MARKER, END_MARKER
from seedkeeper.indexmd.reader import parse_index
from seedkeeper.indexmd.writer import IndexRow, render_index

pytestmark = pytest.mark.usefixtures("isolated_env")

FA, AR, ZH, RU, EL = (doc_name(n, lang) for n, lang in enumerate(["fa", "ar", "zh", "ru", "el"]))
TEXTS = {FA: CLEAN["fa"], AR: CLEAN["ar"], ZH: CLEAN["zh"], RU: CLEAN["ru"], EL: CLEAN["el"]}
ROOT = Path(__file__).resolve().parents[1]

HAND = f"""# پیکره

Intro; see [the Russian text]({RU}).

## UDHR

- {FA} — ماده‌ی یک (lang: fa)
- [{AR}]({AR}) — المادة الأولى

## 新闻

- {ZH} — 新华社
- {RU}

Closing notes stay.
"""


def sections(text: str) -> dict[str, list[str]]:
    """Heading -> the files of the managed table(s) under it."""
    doc = parse_index(text)
    lines = text.split("\n")
    out: dict[str, list[str]] = {}
    for e in doc.entries:
        if e.managed and e.kind == "table":
            heading = next(ln for ln in reversed(lines[: e.line]) if ln.startswith("#"))
            files = out.setdefault(heading, [])
            if e.rel not in files:
                files.append(e.rel)
    return out


def row(f: str) -> IndexRow:
    return IndexRow(file=f, lang="fa", chars=10, words=2, sha="0" * 12, status="ok", title="عنوان")


def test_a_list_under_a_heading_becomes_a_table_under_that_heading():
    out = render_index(HAND, [row(f) for f in (FA, AR, ZH, RU, EL)])
    assert sections(out) == {"## UDHR": [FA, AR], "## 新闻": [ZH, RU, EL]}  # a new document joins the last table
    assert out.count(BEGIN_MARKER) == 2 and out.count(END_MARKER) == 2
    assert "Intro; see [the Russian text]" in out and out.endswith("Closing notes stay.\n")
    assert render_index(out, [row(f) for f in (FA, AR, ZH, RU, EL)]) == out


def test_a_hand_list_later_joins_its_sections_table_or_makes_one():
    once = render_index(HAND, [row(f) for f in (FA, AR, ZH, RU)])
    later = once.replace("Closing notes stay.", f"- {EL} — Ελληνικά\n\nClosing notes stay.")
    out = render_index(later, [row(f) for f in (FA, AR, ZH, RU, EL)])
    assert sections(out)["## 新闻"] == [ZH, RU, EL] and out.count(BEGIN_MARKER) == 2
    later = once + f"\n## Ελληνικά\n\n- {EL}\n"
    out = render_index(later, [row(f) for f in (FA, AR, ZH, RU, EL)])
    assert sections(out)["## Ελληνικά"] == [EL] and out.count(BEGIN_MARKER) == 3


def test_removing_a_document_from_the_second_table():
    out = render_index(HAND, [row(f) for f in (FA, AR, ZH, RU)])
    gone = remove_entries(out, [ZH])
    assert sections(gone) == {"## UDHR": [FA, AR], "## 新闻": [RU]}


def test_index_shows_the_adoption_as_a_diff_then_is_idempotent(cli, tmp_path):
    root = make_seeds(tmp_path, TEXTS, index=HAND)
    r = cli("index", root)
    assert r.exit_code == 0 and r.exception is None
    assert f"-- {FA} — ماده‌ی یک (lang: fa)" in r.stdout and "+| [" in r.stdout
    assert "4 hand-written entries moved into managed tables" in r.stdout
    first = (root / "INDEX.md").read_bytes()
    assert sections(first.decode()) == {"## UDHR": [FA, AR], "## 新闻": [ZH, RU, EL]}
    r = cli("index", root)
    assert r.exit_code == 0 and r.stdout.strip() == "INDEX.md unchanged"
    assert (root / "INDEX.md").read_bytes() == first
    assert cli("index", root, "--check").exit_code == 0
    r = cli("check", root, "--format", "json")
    assert r.exit_code == 0 and "index-outdated" not in r.stdout


def test_add_does_not_adopt_a_hand_written_index(cli, tmp_path):
    root = make_seeds(tmp_path, {k: TEXTS[k] for k in (FA, AR, ZH, RU)}, index=HAND)
    new = tmp_path / "greek.txt"
    new.write_text(CLEAN["el"], encoding="utf-8")
    before = snapshot(root)
    r = cli("add", new, "--seeds", root)
    assert r.exit_code == 2 and isinstance(r.exception, SystemExit)
    assert "not managed by seedkeeper yet" in r.output and "--diff" in r.output
    assert snapshot(root) == before  # nothing written, the new file not copied in
    assert cli("index", root).exit_code == 0
    r = cli("add", new, "--seeds", root, "--format", "json")
    assert r.exit_code == 0, r.output
    added = json.loads(r.stdout)["added"][0]["file"]
    assert sections((root / "INDEX.md").read_text(encoding="utf-8"))["## 新闻"] == [ZH, RU, added]


def test_add_into_an_empty_or_missing_index_needs_no_adoption(cli, tmp_path):
    root = make_seeds(tmp_path, {FA: CLEAN["fa"]}, index="# فهرست\n\nهنوز چیزی نیست.\n")
    cli("index", root)
    new = tmp_path / "arabic.txt"
    new.write_text(CLEAN["ar"], encoding="utf-8")
    r = cli("add", new, "--seeds", root)
    assert r.exit_code == 0, r.output


def test_the_projects_own_index_passes_unchanged(cli, tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    before = (seeds / "INDEX.md").read_bytes()
    r = cli("index", seeds, "--check")
    assert r.exit_code == 0, r.output
    r = cli("index", seeds)
    assert r.exit_code == 0 and (seeds / "INDEX.md").read_bytes() == before
    assert cli("check", seeds).exit_code == 0


def test_add_shows_the_diff_when_it_adopts_a_hand_written_line(cli, tmp_path):
    root = make_seeds(tmp_path, {k: TEXTS[k] for k in (FA, AR, ZH, RU)}, index=HAND)
    assert cli("index", root).exit_code == 0
    (root / EL).write_text(CLEAN["el"], encoding="utf-8")
    with open(root / "INDEX.md", "a", encoding="utf-8") as fh:
        fh.write(f"\n## Ελληνικά\n\n- {EL} — γραμμένο με το χέρι\n")
    new = tmp_path / "thai.txt"
    new.write_text(CLEAN["th"], encoding="utf-8")
    r = cli("add", new, "--seeds", root)
    assert r.exit_code == 0, r.output
    assert f"-- {EL} — γραμμένο με το χέρι" in r.stdout and "INDEX.md updated" in r.stdout
    assert sections((root / "INDEX.md").read_text(encoding="utf-8"))["## Ελληνικά"][0] == EL


def _table_under(heading: str, *files: str) -> str:
    rows = "".join(f"| [{f}]({f}) | fa |  | 1 | 1 | 0 | ok | t |  |\n" for f in files)
    return (
        f"{heading}\n\n{BEGIN_MARKER}\n"
        "| File | Language | Pinned | Chars | Words | SHA-256 | Status | Title | Notes |\n"
        f"| --- | --- | --- | ---: | ---: | --- | --- | --- | --- |\n{rows}{END_MARKER}\n"
    )


def test_keeps_sections_checks_headings_and_where_adopted_documents_go():
    from seedkeeper.indexmd.sections import keeps_sections

    names = (("*.txt",), r"\d{3,}_[0-9a-f]{16}\.txt")
    current = f"# S\n\n## A\n\n- {FA} — a note\n\n## B\n\n- {AR}\n"
    # Each adopted document in a table in its own section: kept.
    assert keeps_sections(f"# S\n\n{_table_under('## A', FA)}\n{_table_under('## B', AR)}", current, names)
    # Still listed by hand there, its row elsewhere (nothing adopted): kept.
    assert keeps_sections(current + "\n" + _table_under("## C", FA, AR), current + "\n## C\n", names)
    # Moved to the other section's table: not kept.
    assert not keeps_sections(f"# S\n\n## A\n\n{_table_under('## B', FA, AR)}", current, names)
    # A heading turned into text (held by a block left open above it): not kept.
    swallowed = f"# S\n\n<pre>\n## A\n</pre>\n\n{_table_under('## B', FA, AR)}"
    assert not keeps_sections(swallowed, current.replace("## A\n\n- ", "<pre>\n## A\n</pre>\n\n- "), names)
    # A document a managed table already holds stays in that table, wherever it is.
    held = f"# S\n\n## A\n\n- {FA} — a note\n\n{_table_under('## B', FA)}"
    assert keeps_sections(f"# S\n\n## A\n\n{_table_under('## B', FA)}", held, names)
    # Nothing listed by hand: nothing to check.
    assert keeps_sections("# other\n", "# S\n\nProse.\n", names)
