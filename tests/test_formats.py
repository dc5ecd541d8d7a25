"""`seedkeeper.shell.formats`: the SARIF, JUnit XML and Markdown-summary builders, called directly.

The documents are parsed back (json, xml.etree) rather than compared with stored strings, so the
tests state what a consumer relies on: valid SARIF 2.1.0 with one result per problem located where
the fix goes, well-formed JUnit with a test case per document, and a Markdown table that holds.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

from seedkeeper.problems import CODES, INDEX_LINE_CODES, make
from seedkeeper.shell.formats import junit, markdown_summary, sarif

FA_NAME = "متن_فارسی.txt"

PROBLEMS = [
    make("index-missing", None, "the folder has no INDEX.md"),
    make("missing-file", "gone.txt", "listed in INDEX.md, not on disk", 7),  # an INDEX.md-line code
    make("crlf", "b.txt", "CRLF line endings (3 CR characters); use LF", 2),
    make("exact-duplicate", "c.txt", "same bytes as b.txt"),
    make("mojibake", FA_NAME, "looks decoded with the wrong encoding: 'cafÃ©'", 5),
]


# ---------------------------------------------------------------- SARIF


def sarif_log(problems, prefix="seeds") -> dict:
    return json.loads(sarif(problems, prefix))


def uri_and_line(result: dict) -> tuple[str, int | None]:
    (loc,) = result["locations"]
    phys = loc["physicalLocation"]
    return phys["artifactLocation"]["uri"], phys.get("region", {}).get("startLine")


def test_sarif_is_version_2_1_0_with_one_result_per_problem():
    log = sarif_log(PROBLEMS)
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    (run,) = log["runs"]
    assert run["tool"]["driver"]["name"] == "seedkeeper"
    results = run["results"]
    assert [r["ruleId"] for r in results] == [p.code for p in PROBLEMS]
    rules = run["tool"]["driver"]["rules"]
    assert sorted(r["id"] for r in rules) == sorted(CODES)
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]


def test_sarif_levels_follow_the_problems_severity_not_the_default():
    demoted = replace(make("exact-duplicate", "c.txt", "same bytes as b.txt"), severity="warning")
    promoted = replace(make("crlf", "b.txt", "CRLF", 2), severity="error")
    results = sarif_log([demoted, promoted])["runs"][0]["results"]
    assert [r["level"] for r in results] == ["warning", "error"]
    rules = {r["id"]: r for r in sarif_log([])["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["exact-duplicate"]["defaultConfiguration"]["level"] == "error"
    assert rules["crlf"]["defaultConfiguration"]["level"] == "warning"


def test_sarif_locates_index_line_codes_on_index_md_and_names_the_document():
    assert "missing-file" in INDEX_LINE_CODES and "crlf" not in INDEX_LINE_CODES
    results = sarif_log(PROBLEMS)["runs"][0]["results"]
    by_code = {r["ruleId"]: r for r in results}
    assert uri_and_line(by_code["missing-file"]) == ("seeds/INDEX.md", 7)
    assert "gone.txt" in by_code["missing-file"]["message"]["text"]  # which entry, since the uri does not say
    assert uri_and_line(by_code["crlf"]) == ("seeds/b.txt", 2)  # a document's own line
    assert uri_and_line(by_code["exact-duplicate"]) == ("seeds/c.txt", None)  # no region at all
    assert uri_and_line(by_code["index-missing"]) == ("seeds/INDEX.md", None)  # folder-level
    assert uri_and_line(by_code["mojibake"]) == (f"seeds/{FA_NAME}", 5)
    assert by_code["crlf"]["message"]["text"] == PROBLEMS[2].message


def test_sarif_index_line_code_without_a_line_stays_on_the_document():
    (r,) = sarif_log([make("bad-name", "odd name.txt", "file name does not match the pattern")])["runs"][0]["results"]
    assert uri_and_line(r) == ("seeds/odd name.txt", None)


def test_sarif_without_a_prefix_uses_folder_relative_paths():
    for prefix in ("", "."):
        results = sarif_log(PROBLEMS[1:3], prefix)["runs"][0]["results"]
        assert [uri_and_line(r)[0] for r in results] == ["INDEX.md", "b.txt"]


def test_sarif_keeps_non_ascii_readable():
    text = sarif(PROBLEMS, "seeds")
    assert FA_NAME in text and "\\u" not in text


# ---------------------------------------------------------------- JUnit


def cases(xml_text: str) -> dict[str, ET.Element]:
    root = ET.fromstring(xml_text)  # must be well-formed
    assert root.tag == "testsuites"
    (suite,) = root
    out = {tc.get("name"): tc for tc in suite.iter("testcase")}
    assert int(suite.get("tests")) == len(out)
    assert int(suite.get("failures")) == sum(tc.find("failure") is not None for tc in out.values())
    return out


def test_junit_has_a_test_case_per_document_and_one_for_the_folder():
    docs = ["b.txt", "c.txt", "d.txt", FA_NAME]
    got = cases(junit(PROBLEMS, docs))
    # A problem about a file that is not a document (gone.txt) still gets its case.
    assert set(got) == {"INDEX.md and folder", "gone.txt", *docs}
    assert got["d.txt"].find("failure") is None and list(got["d.txt"]) == []


def test_junit_failures_are_the_errors_and_warnings_go_to_system_out():
    got = cases(junit(PROBLEMS, ["b.txt", "c.txt", FA_NAME]))
    failing = {name for name, tc in got.items() if tc.find("failure") is not None}
    assert failing == {"INDEX.md and folder", "gone.txt", "c.txt"}
    assert got["c.txt"].find("failure").get("message") == "exact-duplicate"
    assert "same bytes as b.txt" in got["c.txt"].find("failure").text
    assert "line 7" in got["gone.txt"].find("failure").text
    assert got["b.txt"].find("failure") is None
    assert "crlf" in got["b.txt"].find("system-out").text
    assert "cafÃ©" in got[FA_NAME].find("system-out").text


def test_junit_strict_makes_warnings_fail():
    got = cases(junit(PROBLEMS, ["b.txt", "c.txt", FA_NAME], strict=True))
    assert got["b.txt"].find("failure").get("message") == "crlf"
    assert got[FA_NAME].find("failure") is not None


def test_junit_index_md_findings_belong_to_the_folder_case():
    p = make("index-unreadable", "INDEX.md", "INDEX.md is not UTF-8", 3)
    got = cases(junit([p], ["a.txt"]))
    assert set(got) == {"INDEX.md and folder", "a.txt"}
    assert got["INDEX.md and folder"].find("failure").get("message") == "index-unreadable"


def test_junit_escapes_markup_in_names_and_messages():
    name = 'a&b <"x">.txt'
    p = make("exact-duplicate", name, "same as <b> & 'c'")
    got = cases(junit([p], [name]))
    assert got[name].find("failure").text == "exact-duplicate: same as <b> & 'c'"


def test_junit_clean_run_has_no_failures():
    got = cases(junit([], ["a.txt", "b.txt"]))
    assert set(got) == {"INDEX.md and folder", "a.txt", "b.txt"}
    assert all(tc.find("failure") is None for tc in got.values())


# ---------------------------------------------------------------- Markdown summary


def table_rows(md: str, header_start: str) -> list[list[str]]:
    """The rows of the GFM table whose header starts with `header_start`, split on unescaped pipes."""
    lines = md.splitlines()
    i = next(i for i, ln in enumerate(lines) if ln.startswith(header_start))
    rows = []
    for ln in lines[i + 2 :]:
        if not ln.startswith("|"):
            break
        rows.append([c.strip() for c in re.split(r"(?<!\\)\|", ln.strip()[1:-1])])
    return rows


def test_markdown_summary_verdict_counts_and_findings():
    md = markdown_summary(PROBLEMS, documents=4, ok=False)
    assert md.splitlines()[0] == "## seedkeeper check: failed"
    assert "4 documents, 3 errors, 2 warnings" in md
    counts = {(code, sev): int(n) for code, sev, n in table_rows(md, "| code ")}
    assert counts == {(f"`{p.code}`", p.severity): 1 for p in PROBLEMS}
    findings = table_rows(md, "| file ")
    assert [(f, ln, c) for f, ln, c, _ in findings] == [
        (p.file or "", str(p.line or ""), f"`{p.code}`") for p in PROBLEMS
    ]


def test_markdown_summary_escapes_pipes_in_messages():
    p = make("lang-mismatch", "a.txt", "INDEX.md says fa | detected en", 3)
    (row,) = table_rows(markdown_summary([p], 1, ok=True), "| file ")
    assert len(row) == 4 and row[3] == "INDEX.md says fa \\| detected en"


def test_markdown_summary_lists_the_first_50_and_counts_the_rest():
    many = [make("crlf", f"{i:03d}.txt", "CRLF", 1) for i in range(53)]
    md = markdown_summary(many, 53, ok=True)
    assert md.splitlines()[0] == "## seedkeeper check: passed"
    assert len(table_rows(md, "| file ")) == 50
    assert "and 3 more" in md and "052.txt" not in md


def test_markdown_summary_of_a_clean_run_has_no_tables():
    md = markdown_summary([], 7, ok=True)
    assert "passed" in md and "7 documents, 0 errors, 0 warnings" in md and "|" not in md


def test_markdown_summary_escapes_a_pipe_in_a_file_name():
    out = markdown_summary([make("crlf", "a|b.txt", "CRLF line endings", 2)], 1, True)
    row = next(line for line in out.splitlines() if "a\\|b.txt" in line)
    assert row.count(" | ") == 3  # file, line, code, message: four cells
