"""`fix --dry-run` and `fix --diff` say and show what fix would write to INDEX.md, not only to the
documents: the managed table refreshed for the repaired text, and the hand-written entries it
adopts (a person added `- zz.txt note (lang: en)` under a new heading; QA of this session).
"""

from __future__ import annotations

import json

import pytest

from helpers import doc_name, make_seeds, snapshot
from seedkeeper.indexmd.files import unified_diff
from seedkeeper.operations.fixing import fix
from seedkeeper.settings import Settings

pytestmark = pytest.mark.usefixtures("isolated_env")

BELL, HAND = doc_name(1, "bell"), doc_name(2, "hand")


def _seeds(cli, tmp_path):
    root = make_seeds(tmp_path, {BELL: "A text with a bell\x07 in it, to be fixed by seedkeeper.\n"}, index="# S\n\n")
    assert cli("index", root).exit_code == 0
    (root / HAND).write_text("Another English text, written and listed by hand.\n", encoding="utf-8")
    with open(root / "INDEX.md", "a", encoding="utf-8") as fh:
        fh.write(f"\n## Added by hand\n\n- {HAND} note (lang: en)\n")
    return root


def test_dry_run_says_it_would_update_index_md_and_adopt_the_entry(cli, tmp_path):
    root = _seeds(cli, tmp_path)
    before = snapshot(root)
    r = cli("fix", root, "--dry-run")
    assert r.exit_code == 1, r.output
    assert f"would fix {BELL}: control-char" in r.stdout
    assert f"would update INDEX.md (adopting {HAND} into a managed table)" in r.stdout
    r = cli("fix", root, "--dry-run", "--format", "json")
    data = json.loads(r.stdout)
    assert data["index_changed"] is True and data["index_written"] is False and data["adopted"] == [HAND]
    r = cli("fix", root, "--dry-run", "--format", "github")
    assert "::error file=seeds/INDEX.md" in r.stdout and HAND in r.stdout, r.stdout
    assert snapshot(root) == before


def test_diff_shows_index_md_as_the_run_writes_it(cli, tmp_path):
    root = _seeds(cli, tmp_path)
    old = (root / "INDEX.md").read_text(encoding="utf-8")
    shown = cli("fix", root, "--diff").stdout
    assert f"# INDEX.md: managed table refreshed, adopting {HAND}\n" in shown
    r = cli("fix", root)
    assert r.exit_code == 0, r.output
    assert f"INDEX.md updated (adopted {HAND} into a managed table)" in r.stdout
    new = (root / "INDEX.md").read_text(encoding="utf-8")
    assert f"[{HAND}]({HAND})" in new
    # The preview is exact: the repaired document's new hash and size, the adopted row.
    assert shown.endswith(unified_diff(old, new, "INDEX.md")), shown


def test_a_dry_run_without_a_managed_table_leaves_index_md_out(tmp_path):
    root = make_seeds(tmp_path, {BELL: "A text with a bell\x07 in it, to be fixed by seedkeeper.\n"})
    report = fix(root, Settings(jobs=1), diff=True)
    assert not report.index_changed and "INDEX.md" not in report.diff
