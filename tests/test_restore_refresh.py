"""`restore` into a managed table fills the row in, as `add` and `fix` refresh the table.

A newcomer's walk: after `dedup --apply` then `restore`, the row came back with its File, Pinned
and Notes cells alone, so the next `check` failed with `index-outdated` and nothing said to run
`index`. Now the row is filled in as `index` fills it. A listing in a hand-written list or table
is left as the person had it: adopting it is `index`'s job, shown as a diff.
"""

from __future__ import annotations

import json

import pytest

from helpers import assert_exit, make_seeds
from seedkeeper import restore
from seedkeeper.settings import Settings
from test_restore_placement import COPY, DE, EN, KEPT, TEXTS

pytestmark = pytest.mark.usefixtures("isolated_env")


def _index_md(root) -> str:
    return (root / "INDEX.md").read_text(encoding="utf-8")


def _row(text: str, name: str) -> str:
    return next(ln for ln in text.splitlines() if ln.startswith(f"| [{name}]"))


def test_a_row_put_back_in_a_managed_table_is_filled_in(cli, tmp_path):
    root = make_seeds(tmp_path, TEXTS, f"# Seeds\n\n- {KEPT}\n- {COPY} — از آرشیو، lang: fa\n- {EN}\n- {DE}\n")
    assert_exit(cli("index", root, "--no-cache", "--jobs", "1"), 0)
    indexed = _index_md(root)
    assert_exit(cli("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 0)
    assert COPY not in _index_md(root)

    r = cli("restore", COPY, "--seeds", root, "--no-cache", "--format", "json")
    assert_exit(r, 0)
    assert json.loads(r.stdout)["index_refreshed"] is True, r.stdout
    # The row as `index` wrote it before the move, status and all: nothing left for `index`.
    assert _row(_index_md(root), COPY) == _row(indexed, COPY), _index_md(root)
    assert "duplicate of" in _row(indexed, COPY) and "| fa | fa |" in _row(indexed, COPY)
    assert_exit(cli("index", root, "--check", "--no-cache"), 0)
    check = json.loads(cli("check", root, "--format", "json", "--no-cache").stdout)
    assert "index-outdated" not in {p["code"] for p in check["problems"]}, check


def test_the_text_report_says_the_row_was_filled_in(cli, tmp_path):
    root = make_seeds(tmp_path, TEXTS, f"# Seeds\n\n- {KEPT}\n- {COPY}\n- {EN}\n- {DE}\n")
    assert_exit(cli("index", root, "--no-cache"), 0)
    assert_exit(cli("dedup", root, "--apply", "--no-cache"), 0)
    r = cli("restore", COPY, "--seeds", root, "--no-cache")
    assert_exit(r, 0)
    assert r.stdout.strip().endswith("; its row in INDEX.md filled in"), r.stdout


def test_a_hand_written_listing_is_left_as_the_person_had_it(cli, tmp_path):
    hand = f"# Seeds\n\n- {KEPT}\n- {COPY} — from Sara\n- {EN}\n- {DE}\n"
    root = make_seeds(tmp_path, TEXTS, hand)
    assert_exit(cli("dedup", root, "--apply", "--no-cache"), 0)
    r = cli("restore", COPY, "--seeds", root, "--format", "json", "--no-cache")
    assert_exit(r, 0)
    assert json.loads(r.stdout)["index_refreshed"] is False
    assert _index_md(root) == hand  # not adopted behind the person's back


def test_the_library_says_so_too(cli, tmp_path):
    root = make_seeds(tmp_path, TEXTS, f"# Seeds\n\n- {KEPT}\n- {COPY}\n- {EN}\n- {DE}\n")
    assert_exit(cli("index", root, "--no-cache"), 0)
    assert_exit(cli("dedup", root, "--apply", "--no-cache"), 0)
    done = restore(root, COPY, Settings(jobs=1))
    assert done.index_refreshed and done.file == COPY


def test_restore_fills_its_row_only_and_leaves_the_rest_to_index(cli, tmp_path):
    """The review's case: when `index` would change more than the restored row (a hand-written
    list added since, a document nobody listed), restore writes nothing more: adopting is
    `index`'s job, shown as a diff. It says to run index instead."""
    first = {f: TEXTS[f] for f in (KEPT, COPY, EN)}
    root = make_seeds(tmp_path, first, f"# Seeds\n\n- {KEPT}\n- {COPY}\n- {EN}\n")
    assert_exit(cli("index", root, "--no-cache"), 0)
    assert_exit(cli("dedup", root, "--apply", "--no-cache"), 0)
    # Since the move: a German document in a hand-written list of its own, and one nobody listed.
    (root / DE).write_text(TEXTS[DE], encoding="utf-8")
    hand = f"\n## Deutsch (von Hand)\n\n- {DE} — von Anna\n"
    (root / "INDEX.md").write_text(_index_md(root) + hand, encoding="utf-8")
    new = "006_ffffffffffffffff.txt"
    (root / new).write_text("Ein neues Dokument, das noch niemand aufgeführt hat, über Berge.\n", encoding="utf-8")
    r = cli("restore", COPY, "--seeds", root, "--no-cache", "--format", "json")
    assert_exit(r, 0)
    data = json.loads(r.stdout)
    assert (data["index_refreshed"], data["index_left"]) == (False, True), data
    text = _index_md(root)
    assert text.endswith(hand) and new not in text, text  # nothing adopted, nothing added
    assert _row(text, COPY) == f"| [{COPY}]({COPY}) |  |  |  |  |  |  |  |  |", _row(text, COPY)
    out = cli("index", root, "--diff", "--no-cache").stdout
    assert f"+| [{DE}]({DE})" in out and "von Anna" in out and new in out, out


def test_the_text_report_says_to_run_index_when_it_left_the_row(cli, tmp_path):
    root = make_seeds(tmp_path, TEXTS, f"# Seeds\n\n- {KEPT}\n- {COPY}\n- {EN}\n")
    assert_exit(cli("index", root, "--no-cache"), 0)
    assert_exit(cli("dedup", root, "--apply", "--no-cache"), 0)
    (root / "INDEX.md").write_text(_index_md(root) + f"\n- {DE}\n", encoding="utf-8")
    r = cli("restore", COPY, "--seeds", root, "--no-cache")
    assert_exit(r, 0)
    assert "`seedkeeper index --diff` then `seedkeeper index` fill in its row" in r.stdout, r.stdout


def test_an_index_removed_before_the_refresh_is_not_written_empty(cli, tmp_path, monkeypatch):
    """Another writer removing INDEX.md between the restore and the refresh of its row: the
    refresh writes nothing (it wrote an empty INDEX.md)."""
    from seedkeeper.operations import restoring

    root = make_seeds(tmp_path, TEXTS, f"# Seeds\n\n- {KEPT}\n- {COPY}\n- {EN}\n- {DE}\n")
    assert_exit(cli("index", root, "--no-cache"), 0)
    assert_exit(cli("dedup", root, "--apply", "--no-cache"), 0)
    real = restoring._refresh_if_managed

    def racing(root_, file, settings, cache):
        from seedkeeper.indexmd import files

        update = files.update_index
        monkeypatch.setattr(files, "update_index", lambda r, t, **k: ((r / "INDEX.md").unlink(), update(r, t, **k))[1])
        return real(root_, file, settings, cache)

    monkeypatch.setattr(restoring, "_refresh_if_managed", racing)
    done = restore(root, COPY, Settings(jobs=1))
    assert not done.index_refreshed and not (root / "INDEX.md").exists()
