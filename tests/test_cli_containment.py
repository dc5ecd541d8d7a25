"""Contained duplicates through the shell and the operations: dedup JSON and text, the
contained-duplicate finding in check, dedup --apply and restore, add refusing and warning, the
`containment` setting, and the pair cache on warm runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dedup_fixtures import FA_AR, PARAGRAPHS, doc
from helpers import doc_name, make_seeds
from seedkeeper.corpus.pool import CacheSpec
from seedkeeper.operations.deduplication import dedup
from seedkeeper.settings import Settings, load_settings

pytestmark = pytest.mark.usefixtures("isolated_env")

PART, FULL, OTHER = doc_name(0, "part"), doc_name(1, "full"), doc_name(2, "other")
QDIR = ".seedkeeper/quarantine"


def folder(tmp_path, lang: str = "en") -> Path:
    # The excerpt is listed first: the container is kept all the same.
    other = "\n".join(PARAGRAPHS["zh"]) + "\n" if lang != "zh" else "\n".join(PARAGRAPHS["en"]) + "\n"
    return make_seeds(tmp_path, {PART: doc(lang, [2, 3, 4]), FULL: doc(lang, range(6)), OTHER: other})


def as_json(r):
    return json.loads(r.stdout)


def test_dedup_json_reports_contained_with_share_and_container(cli, tmp_path):
    root = folder(tmp_path)
    r = cli("dedup", root, "--format", "json")
    assert r.exit_code == 1, r.output
    assert as_json(r)["clusters"] == [
        {"keep": FULL, "duplicates": [{"file": PART, "kind": "contained", "similarity": 1.0, "of": FULL}]}
    ]
    off = cli("dedup", root, "--format", "json", "--containment", "0")
    assert off.exit_code == 0 and as_json(off)["clusters"] == []


def test_dedup_text_shows_where_the_text_sits_and_what_the_container_adds(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    r = cli("dedup", folder(tmp_path, "fa"))
    assert r.exit_code == 1, r.output
    out = r.stdout
    assert f"contained  1.00  {PART}  (of {FULL})" in out
    assert f"lines 3-5 of 6 of {FULL}" in out
    assert "from “" + PARAGRAPHS["fa"][2][:20] in out
    assert f"{FULL} adds lines 1-2 (" in out and "and line 6 (" in out


@pytest.mark.parametrize("lang", ["fa", "zh", "en"])
def test_check_warns_contained_duplicate(cli, tmp_path, lang):
    r = cli("check", folder(tmp_path, lang), "--format", "json", "--select", "contained-duplicate")
    assert r.exit_code == 0 and r.exception is None, r.output
    probs = as_json(r)["problems"]
    assert [(p["file"], p["code"], p["severity"]) for p in probs] == [(PART, "contained-duplicate", "warning")]
    assert FULL in probs[0]["message"] and "100%" in probs[0]["message"]
    strict = cli("check", folder(tmp_path, lang), "--strict", "--select", "contained-duplicate")
    assert strict.exit_code == 1


def test_check_stays_quiet_on_shared_paragraphs_and_translations(cli, tmp_path):
    files = {
        doc_name(0): doc("fa", [0, 1, 2, 3]),
        doc_name(1): doc("fa", [2, 3, 4, 5]),  # shares two paragraphs
        doc_name(2): FA_AR,  # the Arabic translation of the first
        doc_name(3): doc("zh", [0, 1, 2]),
        doc_name(4): doc("zh", [2, 4, 5]),  # shares one paragraph
    }
    r = cli("check", make_seeds(tmp_path, files), "--format", "json", "--select", "contained-duplicate,near-duplicate")
    assert r.exit_code == 0 and r.exception is None
    assert as_json(r)["problems"] == []


def test_containment_setting_from_config(cli, tmp_path):
    root = folder(tmp_path)
    (tmp_path / "seedkeeper.toml").write_text("containment = 0\n")
    r = cli("dedup", root, "--format", "json")
    assert r.exit_code == 0 and as_json(r)["clusters"] == []
    assert load_settings(tmp_path / "seedkeeper.toml").containment == 0.0
    (tmp_path / "seedkeeper.toml").write_text("containment = 1.5\n")
    bad = cli("dedup", root)
    assert bad.exit_code == 2 and "containment" in bad.output


def test_apply_quarantines_the_contained_document_and_restore_puts_it_back(cli, tmp_path):
    root = folder(tmp_path, "zh")
    before = (root / PART).read_bytes()
    r = cli("dedup", root, "--apply", "--format", "json")
    assert r.exit_code == 0 and r.exception is None, r.output
    assert [(m["file"], m["kind"]) for m in as_json(r)["moved"]] == [(PART, "contained")]
    assert not (root / PART).exists() and (root / FULL).exists()
    assert (root / QDIR / PART).read_bytes() == before
    index = (root / "INDEX.md").read_text(encoding="utf-8")
    assert PART not in index and FULL in index
    assert cli("dedup", root).exit_code == 0
    back = cli("restore", PART, "--seeds", root)
    assert back.exit_code == 0 and (root / PART).read_bytes() == before


def test_add_refuses_a_file_contained_in_a_corpus_document(cli, tmp_path):
    root = make_seeds(tmp_path, {FULL: doc("fa", range(6))})
    assert cli("index", root).exit_code == 0  # add never adopts a hand-written list
    src = tmp_path / "excerpt.txt"
    src.write_text(doc("fa", [1, 2, 3]), encoding="utf-8")
    r = cli("add", src, "--seeds", root, "--format", "json")
    assert r.exit_code == 1, r.output
    data = as_json(r)
    assert data["added"] == [] and data["refused"][0]["code"] == "contained-duplicate"
    assert FULL in data["refused"][0]["message"]
    forced = cli("add", src, "--seeds", root, "--format", "json", "--force")
    assert forced.exit_code == 0 and len(as_json(forced)["added"]) == 1


def test_add_warns_when_a_new_file_contains_an_existing_one(cli, tmp_path):
    root = make_seeds(tmp_path, {PART: doc("en", [0, 1, 2])})
    assert cli("index", root).exit_code == 0  # add never adopts a hand-written list
    src = tmp_path / "full.txt"
    src.write_text(doc("en", range(6)), encoding="utf-8")
    r = cli("add", src, "--seeds", root, "--format", "json")
    assert r.exit_code == 0 and r.exception is None, r.output
    added = as_json(r)["added"]
    assert len(added) == 1
    assert any(w.startswith("contained-duplicate: contains 100% of " + PART) for w in added[0]["warnings"])
    # The older document is still there: it becomes the duplicate only at dedup --apply.
    assert (root / PART).exists()
    d = as_json(cli("dedup", root, "--format", "json"))
    assert d["clusters"][0]["keep"] == added[0]["file"]
    assert d["clusters"][0]["duplicates"][0]["file"] == PART


def test_add_follows_the_config_for_contained_duplicates(cli, tmp_path):
    # With contained-duplicate not checked, an excerpt is added (noted), and a file containing an
    # existing one gets no warning that dedup --apply will move that one: it will not.
    root = make_seeds(tmp_path, {FULL: doc("fa", range(6)), PART: doc("en", [0, 1, 2])})
    (tmp_path / "seedkeeper.toml").write_text('ignore = ["contained-duplicate"]\n', encoding="utf-8")
    assert cli("index", root).exit_code == 0
    excerpt, full = tmp_path / "excerpt.txt", tmp_path / "full.txt"
    excerpt.write_text(doc("fa", [1, 2, 3]), encoding="utf-8")
    full.write_text(doc("en", range(6)), encoding="utf-8")
    r = cli("add", excerpt, full, "--seeds", root, "--format", "json", "--dry-run")
    assert r.exit_code == 0, r.output
    warnings = {Path(a["source"]).name: a["warnings"] for a in as_json(r)["added"]}
    assert [w.split(":")[0] for w in warnings["excerpt.txt"]] == ["contained-duplicate"]
    assert FULL in warnings["excerpt.txt"][0] and "not checked" in warnings["excerpt.txt"][0]
    assert warnings["full.txt"] == []


def test_warm_run_confirms_nothing_again(tmp_path):
    root = folder(tmp_path)
    spec = CacheSpec(tmp_path / "cache")
    cold = dedup(root, Settings(jobs=1), cache=spec, excerpts=False)
    assert cold.result.confirmed >= 1
    warm = dedup(root, Settings(jobs=1), cache=spec, excerpts=False)
    assert warm.result.confirmed == 0
    assert warm.to_dict() == cold.to_dict()


def test_pair_cache_round_trip_and_older_cache_files_get_the_table(tmp_path):
    import sqlite3

    from seedkeeper.corpus.cache import Cache

    c = Cache(tmp_path)
    c.put_pairs({("a", "b"): (40, 50, 120)}, "fp")
    assert c.get_pairs([("a", "b"), ("a", "c")], "fp") == {("a", "b"): (40, 50, 120)}
    assert c.get_pairs([("a", "b")], "other") == {}
    c.db.execute("DROP TABLE pairs")  # a cache file from before the table existed
    c.db.commit()
    c.close()
    again = Cache(tmp_path)
    assert again.get_pairs([("a", "b")], "fp") == {}
    again.put_pairs({("a", "b"): (1, 2, 3)}, "fp")
    assert again.get_pairs([("a", "b")], "fp") == {("a", "b"): (1, 2, 3)}
    # A damaged row (overlap larger than a set) is a miss, not a crash.
    again.db.execute("INSERT OR REPLACE INTO pairs VALUES ('x', 'y', 'fp', 9, 2, 3)")
    again.db.commit()
    assert again.get_pairs([("x", "y")], "fp") == {}
    again.close()
    assert sqlite3.connect(tmp_path / "cache.sqlite3").execute("SELECT count(*) FROM pairs").fetchone()[0] == 2
