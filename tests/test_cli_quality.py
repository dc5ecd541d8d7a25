"""Quality and personal-data findings through the commands: validate, check, stats, select/ignore,
every output format, the cache, and boilerplate counted across the corpus."""

from __future__ import annotations

import json
import os

import pytest

from helpers import doc_name
from multilingual import CLEAN

pytestmark = pytest.mark.usefixtures("isolated_env")

FOOTER = "همه حقوق این وب‌سایت محفوظ است و بازنشر مطالب تنها با ذکر منبع مجاز است"
PHONE_DOC = "Call the newsroom any day of the week.\nReach us on +98 912 345 6789 for tips.\n" * 1
EMAIL_DOC = "Für Rückfragen schreiben Sie bitte an redaktion.person@example.de noch heute.\n"
MARKUP_DOC = "<p>The council met on Tuesday evening to discuss the budget.</p>\n<br/>More text follows here.\n"


def _word(i: int) -> str:
    # Letters, not digits: boilerplate reads every digit as 0, so numbered lines would all match.
    return "".join("abcdefghij"[int(c)] for c in str(i * 7919 + 104729))


def _doc(i: int, lang: str, extra: str = "") -> str:
    return CLEAN[lang] + f"\nA line of its own about {_word(i)} and {_word(i + 1)} only.\n" + extra


def test_check_reports_quality_codes_and_masks_personal_data(cli, seeds_factory):
    files = {doc_name(1): PHONE_DOC * 3, doc_name(2): EMAIL_DOC * 2, doc_name(3): MARKUP_DOC, doc_name(4): CLEAN["fa"]}
    seeds = seeds_factory(files)
    r = cli("check", seeds, "--format", "json", "--no-cache")
    data = json.loads(r.stdout)
    by_file = {}
    for p in data["problems"]:
        by_file.setdefault(p["file"], set()).add(p["code"])
    assert "pii-phone" in by_file[doc_name(1)]
    assert "pii-email" in by_file[doc_name(2)]
    assert "markup" in by_file[doc_name(3)]
    assert not {c for c in by_file.get(doc_name(4), set()) if c.startswith(("pii-", "markup", "low-text"))}
    assert "345 6789" not in r.stdout and "redaktion.person@" not in r.stdout
    gh = cli("check", seeds, "--format", "github", "--no-cache")
    assert "pii-phone" in gh.stdout and "345 6789" not in gh.stdout and "redaktion.person@" not in gh.stdout
    # Quality findings are warnings: the only error is the hand-written list not being the managed table.
    assert r.exit_code == 1 and {p["code"] for p in data["problems"] if p["severity"] == "error"} == {"index-outdated"}


def test_prefix_ignore_and_select_work_for_the_new_families(cli, seeds_factory):
    seeds = seeds_factory({doc_name(1): PHONE_DOC * 3, doc_name(2): MARKUP_DOC})
    codes = {
        p["code"] for p in json.loads(cli("validate", seeds, "--format", "json", "--ignore", "pii-").stdout)["problems"]
    }
    assert "markup" in codes and not any(c.startswith("pii-") for c in codes)
    only = {
        p["code"] for p in json.loads(cli("validate", seeds, "--format", "json", "--select", "pii-").stdout)["problems"]
    }
    assert only == {"pii-phone"}


def test_boilerplate_needs_many_documents_and_names_the_line(cli, seeds_factory, tmp_path):
    langs = ["fa", "ar", "en", "zh", "ru", "hi"]
    files = {doc_name(i): _doc(i, langs[i % len(langs)], FOOTER + "\n") for i in range(12)}
    seeds = seeds_factory(files)
    data = json.loads(cli("check", seeds, "--format", "json").stdout)
    bp = [p for p in data["problems"] if p["code"] == "boilerplate"]
    assert len(bp) == 12 and all("12 of 12 documents" in p["message"] for p in bp)
    assert all(p["line"] is not None and p["line"] > 1 for p in bp)
    # Warm run (cached fingerprints): the same findings.
    again = json.loads(cli("check", seeds, "--format", "json").stdout)
    assert [p for p in again["problems"] if p["code"] == "boilerplate"] == bp
    # Fewer documents than boilerplate-min-docs (10) share the line: quiet.
    few = seeds_factory({doc_name(i): _doc(i, langs[i % len(langs)], FOOTER + "\n") for i in range(6)}, folder="few")
    data = json.loads(cli("check", few, "--format", "json").stdout)
    assert not [p for p in data["problems"] if p["code"] == "boilerplate"]
    # ...unless the config lowers the bar.
    (tmp_path / "seedkeeper.toml").write_text("boilerplate-min-docs = 3\n", encoding="utf-8")
    data = json.loads(cli("check", few, "--format", "json", "--config", tmp_path / "seedkeeper.toml").stdout)
    assert len([p for p in data["problems"] if p["code"] == "boilerplate"]) == 6


def test_stats_counts_quality_findings_and_clean_multilingual_text_is_quiet(cli, seeds_factory):
    files = {doc_name(i): CLEAN[lang] for i, lang in enumerate(sorted(CLEAN))}
    files[doc_name(99)] = PHONE_DOC * 3
    seeds = seeds_factory(files)
    data = json.loads(cli("stats", seeds, "--format", "json").stdout)
    # One finding per number: the pasted paragraph holds it three times (and repeats itself).
    assert data["findings"].get("pii-phone") == 3 and data["findings"].get("repeated-lines") == 1
    assert not {"markup", "boilerplate", "low-text"} & set(data["findings"])
    assert {k for k in data["findings"] if k.startswith("pii-")} == {"pii-phone"}


def test_sarif_and_junit_carry_the_new_codes(cli, seeds_factory):
    seeds = seeds_factory({doc_name(1): MARKUP_DOC, doc_name(2): CLEAN["fa"]})
    sarif = json.loads(cli("check", seeds, "--format", "sarif", "--no-cache").stdout)
    rules = {r["ruleId"] for run in sarif["runs"] for r in run["results"]}
    assert "markup" in rules
    junit = cli("check", seeds, "--format", "junit", "--no-cache").stdout
    assert "markup" in junit


def test_warm_runs_answer_boilerplate_from_the_cache_without_reading_text(seeds_factory, tmp_path, monkeypatch):
    import seedkeeper.corpus.boilerplate as bp
    from seedkeeper.corpus.pool import CacheSpec
    from seedkeeper.operations.validation import check
    from seedkeeper.settings import Settings

    langs = ["fa", "ar", "en", "zh", "ru", "hi"]
    seeds = seeds_factory({doc_name(i): _doc(i, langs[i % len(langs)], FOOTER + "\n") for i in range(12)})
    spec = CacheSpec(tmp_path / "cache")
    cold = [p for p in check(seeds, Settings(), cache=spec).problems if p.code == "boilerplate"]
    assert len(cold) == 12

    def no_reading(*a, **k):
        raise AssertionError("a warm run read a document's text for boilerplate")

    monkeypatch.setattr(bp, "read_bytes", no_reading)
    warm = [p for p in check(seeds, Settings(), cache=spec).problems if p.code == "boilerplate"]
    assert warm == cold
    # A changed count (one more document sharing the footer) is a miss: recomputed, not served stale.
    monkeypatch.undo()
    (seeds / doc_name(40)).write_text(_doc(40, "en", FOOTER + "\n"), encoding="utf-8")
    more = [p for p in check(seeds, Settings(), cache=spec).problems if p.code == "boilerplate"]
    assert len(more) == 13 and all("13 of 13 documents" in p.message for p in more)
    # One document edited elsewhere (its footer kept): the others' findings come from the cache.
    read = []
    real_read = bp.read_bytes
    monkeypatch.setattr(bp, "read_bytes", lambda info, limit: read.append(info.where) or real_read(info, limit))
    (seeds / doc_name(40)).write_text(_doc(41, "ru", FOOTER + "\n"), encoding="utf-8")
    edited = [p for p in check(seeds, Settings(), cache=spec).problems if p.code == "boilerplate"]
    assert [p.message for p in edited] == [p.message for p in more]
    assert [os.path.basename(w) for w in read] == [doc_name(40)]


def test_low_text_is_not_reported_on_bytes_that_are_not_utf8(cli, seeds_factory):
    # A Russian document saved as cp1251 decodes to U+FFFD, which is no letter: its not-utf8
    # finding says what is wrong, a low-text warning beside it would mislead. The same share of
    # non-letters in UTF-8 text (a table of numbers) still gets one.
    russian = "Привет, мир — это длинный русский текст о погоде и городе, о людях и улицах, о реке.\n"
    table = "12,5 | 13,7 | 99,1 | 42,0 | 17,3 | 88,8 | 10,1 | 55,5 | 23,4 | 64,6 | 71,9 | 30,2 | 11,1\n"
    seeds = seeds_factory({doc_name(1): (russian * 2).encode("cp1251"), doc_name(2): table * 2})
    data = json.loads(cli("validate", seeds, "--format", "json").stdout)
    codes = {(p["file"], p["code"]) for p in data["problems"]}
    assert (doc_name(1), "not-utf8") in codes and (doc_name(1), "low-text") not in codes, codes
    assert (doc_name(2), "low-text") in codes, codes
