"""`seedkeeper check`, the CI gate, end to end: read-only, exit codes, every output format,
the GitHub job summary, select/ignore, empty documents, line numbers in the JSON, and the library
call behind it."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dedup_fixtures import doc
from helpers import assert_exit, codes, doc_name, find, make_seeds, snapshot
from multilingual import CLEAN, HINDI_ZWJ, PERSIAN_ZWNJ_RLM
from seedkeeper.operations.indexing import index
from seedkeeper.operations.validation import check
from seedkeeper.settings import Settings

pytestmark = pytest.mark.usefixtures("isolated_env")

# Five distinct English sentences (about 80 words): long enough for a meaningful near-duplicate.
LONG_EN = (
    "The city council met on Tuesday evening to discuss the new budget for public libraries and parks.\n"
    "Farmers in the northern valley reported a late harvest after weeks of unusually heavy rain.\n"
    "A small museum near the harbour reopened its doors with an exhibition about old fishing boats.\n"
    "Teachers asked for more time to prepare students before the national examinations in spring.\n"
    "The railway company promised that the repaired bridge would carry trains again by the end of the month.\n"
    "Volunteers planted two hundred young oak trees along the river path on a cold Saturday morning.\n"
)
NEAR_EN = LONG_EN.replace("two hundred young oak", "two hundred young beech")

SETTINGS = Settings(jobs=1)


def managed(tmp_path: Path, files: dict, folder: str = "seeds") -> Path:
    """A seeds folder whose INDEX.md is what `seedkeeper index` writes."""
    root = make_seeds(tmp_path, files, folder=folder)
    index(root, SETTINGS)
    assert index(root, SETTINGS, write=False).changed is False
    return root


CLEAN_FILES = {
    doc_name(i, k): t for i, (k, t) in enumerate({**CLEAN, "fa2": PERSIAN_ZWNJ_RLM, "hi2": HINDI_ZWJ}.items())
}
ORIG, COPY = doc_name(1, "orig"), doc_name(2, "copy")
NEAR_A, NEAR_B = doc_name(3, "near-a"), doc_name(4, "near-b")
FA = doc_name(5, "fa")


@pytest.fixture
def clean_folder(tmp_path):
    return managed(tmp_path, CLEAN_FILES)


@pytest.fixture
def dup_folder(tmp_path):
    return managed(tmp_path, {ORIG: CLEAN["en"], FA: CLEAN["fa"], COPY: CLEAN["en"]})


@pytest.fixture
def near_folder(tmp_path):
    return managed(tmp_path, {NEAR_A: LONG_EN, FA: CLEAN["fa"], NEAR_B: NEAR_EN})


def as_json(result) -> dict:
    data = json.loads(result.stdout)  # exactly one JSON object on stdout, nothing else
    assert set(data) >= {"ok", "problems"}
    return data


# ---------------------------------------------------------------- read-only, exit codes


def test_clean_multilingual_managed_folder_passes(cli, clean_folder):
    r = cli("check", clean_folder)
    assert r.exit_code == 0, r.output
    data = as_json(cli("check", clean_folder, "--format", "json"))
    assert data["ok"] is True and data["problems"] == []
    assert data["clusters"] == []


def test_check_writes_nothing_in_the_seeds_folder_even_with_the_default_cache(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("SEEDKEEPER_CACHE_DIR")  # the default location: beside the seeds folder
    root = managed(tmp_path, {ORIG: CLEAN["en"], FA: CLEAN["fa"], COPY: CLEAN["en"]})
    (root / "sub").mkdir()
    (root / "sub" / doc_name(9, "sub")).write_text(CLEAN["ru"], encoding="utf-8")  # unlisted
    (root / "INDEX.md").write_text(
        (root / "INDEX.md").read_text(encoding="utf-8") + "\nA changed line.\n", encoding="utf-8"
    )
    before = snapshot(root)
    for fmt in ("text", "json", "github", "sarif", "junit"):
        r = cli("check", root, "--format", fmt)
        assert_exit(r, 1)
    assert snapshot(root) == before
    assert not any(".seedkeeper" in p for p in snapshot(root))
    assert (tmp_path / ".seedkeeper_cache").is_dir()  # the cache went beside the folder, not into it


def test_exact_duplicate_is_an_error(cli, dup_folder):
    r = cli("check", dup_folder)
    assert_exit(r, 1)
    data = as_json(cli("check", dup_folder, "--format", "json"))
    assert data["ok"] is False
    dups = [p for p in data["problems"] if p["code"] == "exact-duplicate"]
    assert len(dups) == 1 and dups[0]["file"] == COPY and dups[0]["severity"] == "error"
    assert ORIG in dups[0]["message"]
    assert data["clusters"] == [{**data["clusters"][0], "keep": ORIG}]
    assert [(d["file"], d["kind"]) for d in data["clusters"][0]["duplicates"]] == [(COPY, "exact")]
    # The library call says the same thing.
    report = check(dup_folder, SETTINGS)
    assert find(report, "exact-duplicate") and find(report, "exact-duplicate")[0].file == COPY
    assert not report.ok()


def test_near_duplicate_is_a_warning_unless_strict(cli, near_folder):
    r = cli("check", near_folder, "--format", "json")
    data = as_json(r)
    near = [p for p in data["problems"] if p["code"] == "near-duplicate"]
    assert [(p["file"], p["severity"]) for p in near] == [(NEAR_B, "warning")], data["problems"]
    assert NEAR_A in near[0]["message"]
    assert {p["severity"] for p in data["problems"]} == {"warning"}
    assert r.exit_code == 0 and data["ok"] is True
    kinds = [(d["file"], d["kind"]) for c in data["clusters"] for d in c["duplicates"]]
    assert kinds == [(NEAR_B, "near")]
    assert 0.8 <= data["clusters"][0]["duplicates"][0]["similarity"] < 1
    strict = cli("check", near_folder, "--strict", "--format", "json")
    assert_exit(strict, 1)
    assert as_json(strict)["ok"] is False
    # A higher threshold than their similarity: no longer a near duplicate.
    assert "near-duplicate" not in [
        p["code"] for p in as_json(cli("check", near_folder, "--threshold", "0.99", "--format", "json"))["problems"]
    ]


def test_index_outdated_when_index_is_not_the_managed_output(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: CLEAN["en"], FA: CLEAN["fa"]})  # a hand-written `- name` list
    r = cli("check", root, "--format", "json")
    assert_exit(r, 1)
    data = as_json(r)
    assert [p["code"] for p in data["problems"]] == ["index-outdated"]
    assert data["problems"][0]["severity"] == "error"
    # Running index fixes it.
    index(root, SETTINGS)
    assert cli("check", root).exit_code == 0


def test_index_outdated_after_a_content_change(cli, clean_folder):
    name = next(iter(CLEAN_FILES))
    (clean_folder / name).write_text(CLEAN["en"] + "One more sentence about the library.\n", encoding="utf-8")
    data = as_json(cli("check", clean_folder, "--format", "json"))
    assert "index-outdated" in [p["code"] for p in data["problems"]]


def test_missing_folder_is_exit_2(cli, tmp_path):
    r = cli("check", tmp_path / "no-such-folder")
    assert r.exit_code == 2, r.output
    assert "no-such-folder" in r.stderr
    r = cli("check", tmp_path / "no-such-folder", "--format", "json")
    assert r.exit_code == 2 and r.stdout == ""


def test_library_check_on_a_missing_folder_raises(tmp_path):
    from seedkeeper.errors import FolderNotFoundError

    with pytest.raises(FolderNotFoundError):
        check(tmp_path / "nope", SETTINGS)


# ---------------------------------------------------------------- empty documents, line numbers

D1, D2, D3, D4, D5 = (doc_name(i) for i in range(1, 6))
DOC_EN, DOC_ZH = doc("en", [0, 1, 2, 3]), doc("zh", [0, 1, 2, 3])


def test_empty_documents_are_empty_not_duplicates_of_each_other(cli, tmp_path):
    """A BOM-only, a whitespace-only and two zero-byte documents are each `empty`, and none of them
    is a duplicate of another (byte-identical empty files included) or `lang-undetermined`."""
    bom_only, blank, zero1, zero2 = D2, D3, D4, D5
    root = make_seeds(tmp_path, {D1: DOC_EN, bom_only: b"\xef\xbb\xbf", blank: " \n\t\n  \n", zero1: b"", zero2: b""})
    r = cli("check", root, "--format", "json", "--no-cache", "--jobs", "1")
    assert_exit(r, 1)
    data = json.loads(r.stdout)
    for f in (bom_only, blank, zero1, zero2):
        got = {p["code"] for p in data["problems"] if p["file"] == f}
        assert "empty" in got, data
        assert not got & {"exact-duplicate", "near-duplicate", "lang-undetermined"}, (f, got)
    assert not [p for p in data["problems"] if p["code"] == "exact-duplicate"]
    assert data.get("clusters", []) == []


def test_json_lines_for_duplicates_and_lang_mismatch(cli, tmp_path):
    """A duplicate is a whole-document finding (line null) even when prose links it; a pinned
    language that disagrees is reported on the list item's line in INDEX.md."""
    index = (
        "# Seeds\n"  # 1
        "\n"  # 2
        f"Background: see [this one]({D2}).\n"  # 3
        "\n"  # 4
        f"- {D1}\n"  # 5
        f"- {D2} (lang: fa)\n"  # 6
        f"- {D3}\n"  # 7
    )
    root = make_seeds(tmp_path, {D1: DOC_EN, D2: DOC_ZH, D3: DOC_EN}, index=index)
    r = cli("check", root, "--format", "json", "--no-cache", "--jobs", "1")
    assert_exit(r, 1)
    probs = json.loads(r.stdout)["problems"]
    dup = [p for p in probs if p["code"] == "exact-duplicate"]
    assert [(p["file"], p["line"]) for p in dup] == [(D3, None)], probs
    mism = [p for p in probs if p["code"] == "lang-mismatch"]
    assert [(p["file"], p["line"]) for p in mism] == [(D2, 6)], probs


# ---------------------------------------------------------------- output formats


def test_github_format(cli, dup_folder, tmp_path):
    r = cli("check", dup_folder, "--format", "github")
    assert_exit(r, 1)
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("::")]
    assert any(
        ln.startswith(f"::error file=seeds/{COPY},") and "title=exact-duplicate::" in ln and ORIG in ln for ln in lines
    ), r.stdout
    assert all(ln.startswith(("::error ", "::warning ")) for ln in lines)


def test_github_step_summary_is_appended(cli, dup_folder, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("# earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    before = snapshot(dup_folder)
    assert_exit(cli("check", dup_folder, "--format", "github"), 1)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# earlier step\n")
    added = text[len("# earlier step\n") :]
    assert "failed" in added and "exact-duplicate" in added and COPY in added
    assert "|" in added  # a Markdown table of findings
    assert snapshot(dup_folder) == before
    # Text format does not write a summary.
    assert_exit(cli("check", dup_folder), 1)
    assert summary.read_text(encoding="utf-8") == text


def test_sarif_is_valid_2_1_0_with_one_result_per_problem(cli, tmp_path):
    root = managed(
        tmp_path, {ORIG: CLEAN["en"], FA: CLEAN["fa"], COPY: CLEAN["en"], doc_name(6, "bom"): "\ufeff" + CLEAN["de"]}
    )
    problems = as_json(cli("check", root, "--format", "json"))["problems"]
    assert {p["code"] for p in problems} >= {"exact-duplicate", "bom"}
    r = cli("check", root, "--format", "sarif")
    assert_exit(r, 1)
    log = json.loads(r.stdout)
    assert log["version"] == "2.1.0"
    results = log["runs"][0]["results"]
    assert len(results) == len(problems)
    assert sorted(x["ruleId"] for x in results) == sorted(p["code"] for p in problems)
    rule_ids = [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]
    for x in results:
        assert rule_ids[x["ruleIndex"]] == x["ruleId"]
        assert x["level"] in ("error", "warning")
        uri = x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.startswith("seeds/") and not os.path.isabs(uri)
    dup = next(x for x in results if x["ruleId"] == "exact-duplicate")
    assert dup["level"] == "error"
    assert dup["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == f"seeds/{COPY}"


def test_junit_has_a_failure_for_the_document_with_an_error(cli, dup_folder):
    r = cli("check", dup_folder, "--format", "junit")
    assert_exit(r, 1)
    tree = ET.fromstring(r.stdout.encode("utf-8"))
    cases = {c.get("name"): c for c in tree.iter("testcase")}
    assert {ORIG, FA, COPY} <= set(cases)
    assert cases[COPY].find("failure") is not None
    assert "exact-duplicate" in cases[COPY].find("failure").get("message")
    assert cases[ORIG].find("failure") is None and cases[FA].find("failure") is None
    suite = next(tree.iter("testsuite"))
    assert int(suite.get("failures")) == sum(c.find("failure") is not None for c in cases.values())
    assert int(suite.get("tests")) == len(cases)


def test_junit_clean_folder_has_no_failures(cli, clean_folder):
    r = cli("check", clean_folder, "--format", "junit")
    assert r.exit_code == 0
    tree = ET.fromstring(r.stdout.encode("utf-8"))
    cases = list(tree.iter("testcase"))
    assert len(cases) >= len(CLEAN_FILES)
    assert all(c.find("failure") is None for c in cases)


def test_text_format_names_the_file_and_code(cli, dup_folder):
    r = cli("check", dup_folder)
    assert_exit(r, 1)
    assert COPY in r.stdout and "exact-duplicate" in r.stdout
    assert "\x1b[" not in r.stdout  # NO_COLOR


# ---------------------------------------------------------------- select / ignore


def test_select_and_ignore(cli, tmp_path):
    root = managed(
        tmp_path,
        {
            ORIG: CLEAN["en"],
            FA: CLEAN["fa"],
            COPY: CLEAN["en"],
            doc_name(6, "bom"): "\ufeff" + CLEAN["de"],
            "badname.txt": CLEAN["ru"],
        },
    )
    everything = {p["code"] for p in as_json(cli("check", root, "--format", "json"))["problems"]}
    assert {"exact-duplicate", "bom", "bad-name"} <= everything
    r = cli("check", root, "--select", "bom", "--format", "json")
    assert {p["code"] for p in as_json(r)["problems"]} == {"bom"} and r.exit_code == 0
    r = cli("check", root, "--ignore", "exact-duplicate", "--format", "json")
    assert {p["code"] for p in as_json(r)["problems"]} == everything - {"exact-duplicate"}
    assert r.exit_code == 0
    r = cli("check", root, "--ignore", "exact-duplicate,bom", "--strict", "--format", "json")
    assert {p["code"] for p in as_json(r)["problems"]} == everything - {"exact-duplicate", "bom"}
    assert_exit(r, 1)  # bad-name is a warning; --strict fails on it
    r = cli("check", root, "--ignore", "exact-duplicate", "--ignore", "bom", "--ignore", "bad-name", "--strict")
    assert r.exit_code == 0, r.output
    r = cli("check", root, "--select", "exact-", "--format", "json")  # a prefix
    assert {p["code"] for p in as_json(r)["problems"]} == {"exact-duplicate"}
    # The library honours the same policy.
    rep = check(root, Settings(jobs=1, ignore=("exact-duplicate", "bom")))
    assert set(codes(rep)) == everything - {"exact-duplicate", "bom"}


def test_unknown_code_in_select_is_a_usage_error(cli, clean_folder):
    r = cli("check", clean_folder, "--select", "no-such-code")
    assert r.exit_code == 2, r.output


def test_index_outdated_is_remembered_only_for_the_same_rows_and_text(cli, clean_folder, tmp_path):
    """The cache keeps whether INDEX.md is outdated; a changed document or INDEX.md asks again."""
    cache = tmp_path / "cache"
    name = next(iter(CLEAN_FILES))
    original = (clean_folder / name).read_bytes()

    def codes() -> list[str]:
        r = cli("check", clean_folder, "--format", "json", "--cache-dir", cache)
        return [p["code"] for p in as_json(r)["problems"]]

    assert "index-outdated" not in codes()
    assert "index-outdated" not in codes()  # warm: remembered
    (clean_folder / name).write_text(CLEAN["en"] + "One more sentence about the library.\n", encoding="utf-8")
    assert "index-outdated" in codes()
    (clean_folder / name).write_bytes(original)
    assert "index-outdated" not in codes()
    index_md = clean_folder / "INDEX.md"
    index_md.write_text(index_md.read_text(encoding="utf-8").replace("| ok |", "| okay |", 1), encoding="utf-8")
    assert "index-outdated" in codes()


def test_a_changed_short_hash_makes_index_md_outdated_without_rendering_it(cli, clean_folder, tmp_path, monkeypatch):
    """Against the INDEX.md text last found up to date, a document whose short hash changed
    is an outdated row: the answer comes without rendering the table, and is the rendered one."""
    import seedkeeper.operations.findings as findings

    cache = tmp_path / "cache"
    name = next(iter(CLEAN_FILES))

    def codes(*extra) -> list[str]:
        r = cli("check", clean_folder, "--format", "json", *extra)
        return [p["code"] for p in as_json(r)["problems"]]

    assert "index-outdated" not in codes("--cache-dir", cache)  # rendered once: up to date
    (clean_folder / name).write_text(CLEAN["en"] + "One more sentence about the library.\n", encoding="utf-8")
    renders = []
    real = findings.render_for
    monkeypatch.setattr(findings, "render_for", lambda *a, **k: renders.append(1) or real(*a, **k))
    assert "index-outdated" in codes("--cache-dir", cache)
    assert renders == []
    assert "index-outdated" in codes("--no-cache") and renders  # the control: rendering agrees
