"""`validate` on hostile or broken input: each gives the right code for the right file, the other
documents are still checked, nothing hangs, nothing in the folder is written, and content outside
the folder is never read or echoed."""

from __future__ import annotations

import json
import os
import time
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import assert_exit, call_with_timeout, codes, doc_name, find, index_for, make_seeds, snapshot
from multilingual import CLEAN, HINDI_ZWJ, PERSIAN_ZWNJ_RLM
from seedkeeper.operations.validation import validate
from seedkeeper.settings import Settings
from seedkeeper.shell.app import app

pytestmark = pytest.mark.usefixtures("isolated_env")

GOOD = doc_name(1)
BAD = doc_name(2)
OTHER = doc_name(3)
SECRET = "TOP-SECRET-7c1d2e3f-never-echo-me"
BOM_DOC = b"\xef\xbb\xbf" + CLEAN["fa"].encode()


def check(root: Path, **settings):
    return validate(root, Settings(jobs=1, **settings))


def _make_bad(kind: str, root: Path, tmp_path: Path) -> None:
    """Turn root/BAD into one kind of bad document (after make_seeds)."""
    p = root / BAD
    if kind == "not-utf8":
        p.write_bytes(CLEAN["en"].encode() + b"\xc0\xaf broken\n")
    elif kind == "binary":
        p.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(200))
    elif kind == "empty":
        p.write_bytes(b"\n\n")
    elif kind == "too-large":
        with open(p, "wb") as fh:
            fh.truncate(11 * 1024 * 1024)  # over the 10 MiB default
    elif kind == "not-a-file":
        os.mkfifo(p)
    elif kind == "folder":
        p.mkdir()
    elif kind == "unsafe-path":
        outside = tmp_path / "outside.txt"
        outside.write_text(SECRET + "\n" + CLEAN["en"], encoding="utf-8")
        os.symlink(outside, p)
    elif kind == "missing-file":
        pass
    else:  # pragma: no cover
        raise AssertionError(kind)


BAD_KINDS = [
    ("not-utf8", "not-utf8"),
    ("binary", "binary"),
    ("empty", "empty"),
    ("too-large", "too-large"),
    ("not-a-file", "not-a-file"),
    ("folder", "not-a-file"),
    ("unsafe-path", "unsafe-path"),
    ("missing-file", "missing-file"),
]


@pytest.mark.parametrize("kind, code", BAD_KINDS, ids=[k for k, _ in BAD_KINDS])
def test_one_bad_doc_does_not_stop_the_others(tmp_path, kind, code):
    # BAD is listed between two documents; the last one has its own (warning) issue.
    root = make_seeds(tmp_path, {GOOD: CLEAN["zh"], OTHER: BOM_DOC}, index=index_for([GOOD, BAD, OTHER]))
    _make_bad(kind, root, tmp_path)
    report = call_with_timeout(lambda: check(root), 15, [root / BAD])
    assert [p.code for p in report.problems if p.file == BAD] == [code]
    assert [p.code for p in report.problems if p.file == OTHER] == ["bom"]
    assert [p for p in report.problems if p.file == GOOD] == []
    assert not report.ok()
    assert SECRET not in repr(report.to_dict())


def _with_invalid(text: str, where: str) -> tuple[bytes, int, int]:
    """`text` encoded, with an invalid byte inserted at the start / in the middle / at the end
    (a truncated multi-byte character); returns (bytes, line, byte offset)."""
    raw = text.encode()
    if where == "start":
        return b"\xff" + raw, 1, 0
    if where == "end":
        tail = "ش".encode()[:1]
        return raw + tail, raw.count(b"\n") + 1, len(raw)
    lines = raw.split(b"\n")
    head = b"\n".join(lines[:2]) + b"\n"
    at = len(head) + 5
    # Insert after 5 bytes of the third line, nudged to a character boundary.
    while at < len(raw) and (raw[at] & 0xC0) == 0x80:
        at += 1
    return raw[:at] + b"\xed\xa0\x80" + raw[at:], 3, at  # an encoded surrogate: invalid


@pytest.mark.parametrize("where", ["start", "middle", "end"])
@pytest.mark.parametrize("lang", ["fa", "hi", "zh", "ru"])
def test_invalid_bytes_anywhere_in_a_document(tmp_path, where, lang):
    text = CLEAN[lang] + CLEAN["en"] + CLEAN[lang]
    raw, line, offset = _with_invalid(text, where)
    root = make_seeds(tmp_path, {GOOD: CLEAN["he"], BAD: raw})
    report = check(root)
    bad = find(report, "not-utf8", BAD)
    assert len(bad) == 1, report.problems
    assert bad[0].line == line
    assert f"line {line}" in bad[0].message and f"byte offset {offset}" in bad[0].message
    assert [p for p in report.problems if p.file == GOOD] == []


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_invalid_bytes_anywhere_in_index(tmp_path, where):
    text = index_for([GOOD, OTHER]) + "\nNotes: سند فارسی\n"
    raw, line, offset = _with_invalid(text, where)
    root = make_seeds(tmp_path, {GOOD: CLEAN["en"], OTHER: BOM_DOC}, index=raw)
    report = check(root)
    p = find(report, "index-unreadable", "INDEX.md")
    assert len(p) == 1 and p[0].line == line, report.problems
    # Without a readable index the documents on disk are still checked.
    assert find(report, "bom", OTHER)
    assert "index-missing" not in codes(report)


def test_index_with_nul_bytes_is_unreadable(tmp_path):
    root = make_seeds(tmp_path, {GOOD: CLEAN["en"]}, index=index_for([GOOD]).encode() + b"\x00\x00binary")
    report = check(root)
    assert find(report, "index-unreadable", "INDEX.md")


def test_index_with_bom_and_crlf_is_read_with_right_lines(tmp_path):
    missing = doc_name(9)
    index = ("\ufeff# Seeds\r\n\r\n- " + GOOD + "\r\n- " + missing + "\r\n").encode()
    root = make_seeds(tmp_path, {GOOD: CLEAN["ko"]}, index=index)
    report = check(root)
    p = find(report, "missing-file", missing)
    assert len(p) == 1 and p[0].line == 4
    assert codes(report) == ["missing-file"]


@pytest.mark.parametrize("shape", ["prose-then-link", "list-item-with-long-note", "long-line-of-names"])
def test_two_megabyte_single_line_index_is_fast(tmp_path, shape):
    n = 2 * 1024 * 1024
    if shape == "prose-then-link":
        line = ("lorem ipsum dolor sit amet " * (n // 27)) + f"[the one]({GOOD})"
    elif shape == "list-item-with-long-note":
        line = f"- {GOOD} — " + "یادداشت خیلی طولانی " * (n // 38)
    else:
        # File-name-looking words in prose are not references; one link at the end is.
        w = doc_name(5) + " "
        line = w * (n // len(w)) + f"[x](./{GOOD})"
    assert len(line.encode()) >= 2 * 1000 * 1000
    root = make_seeds(tmp_path, {GOOD: CLEAN["fa"], OTHER: CLEAN["ar"]}, index="# Seeds\n\n" + line + "\n")
    t0 = time.monotonic()
    report = call_with_timeout(lambda: check(root), 30)
    elapsed = time.monotonic() - t0
    assert elapsed < 5, f"{elapsed:.1f} s"
    # The reference at the end (or start) was found; the other document is unlisted.
    assert codes(report) == ["unlisted-file"]
    assert report.problems[0].file == OTHER


def test_names_with_spaces_and_non_ascii_letters(tmp_path):
    files = {
        "my file.txt": CLEAN["en"],
        "your file.txt": CLEAN["fr"],
        "our file.txt": CLEAN["de"],
        "فایل.txt": CLEAN["fa"],
        "文件.txt": CLEAN["zh"],
        "файл.txt": CLEAN["ru"],
        "फ़ाइल.txt": CLEAN["hi"],
    }
    index = (
        "# Seeds\n\n"
        "- my file.txt\n"
        "- [x](<your file.txt>)\n"
        "- [y](our%20file.txt)\n"
        "- فایل.txt — یک سند فارسی\n\n"
        "| file | note |\n|---|---|\n| 文件.txt | Chinese |\n\n"
        "- [r](%D1%84%D0%B0%D0%B9%D0%BB.txt)\n"
        "- [h](<फ़ाइल.txt>)\n"
    )
    root = make_seeds(tmp_path, files, index=index)
    report = check(root)
    # They are all found and read: only bad-name (the default pattern), one per file, at its line.
    assert set(codes(report)) == {"bad-name"}, report.problems
    lines = {p.file: p.line for p in report.problems}
    assert lines == {
        "my file.txt": 3,
        "your file.txt": 4,
        "our file.txt": 5,
        "فایل.txt": 6,
        "文件.txt": 10,
        "файл.txt": 12,
        "फ़ाइल.txt": 13,
    }


def test_names_with_spaces_missing_are_reported_by_their_decoded_name(tmp_path):
    root = make_seeds(
        tmp_path, {GOOD: CLEAN["en"]}, index=f"- {GOOD}\n- [a](<no such file.txt>)\n- [b](gone%20too.txt)\n"
    )
    report = check(root, name_pattern=r".*")
    assert sorted((p.code, p.file, p.line) for p in report.problems) == [
        ("missing-file", "gone too.txt", 3),
        ("missing-file", "no such file.txt", 2),
    ]


def test_empty_folder_reports_only_index_missing(tmp_path):
    root = tmp_path / "seeds"
    root.mkdir()
    report = check(root)
    assert [(p.code, p.file) for p in report.problems] == [("index-missing", None)]
    assert report.documents == 0
    assert not report.ok()


def test_empty_folder_with_empty_index_is_ok(tmp_path):
    root = make_seeds(tmp_path, {}, index="")
    report = check(root)
    assert report.problems == [] and report.ok(strict=True) and report.documents == 0


def test_index_with_only_prose_code_and_headings_lists_nothing(tmp_path):
    index = f"# {GOOD}\n\nWe used to keep {GOOD} here.\n\n```\n- {GOOD}\n```\n\n<!-- - {GOOD} -->\n\n    - {GOOD}\n"
    root = make_seeds(tmp_path, {GOOD: CLEAN["th"]}, index=index)
    report = check(root)
    assert [(p.code, p.file) for p in report.problems] == [("unlisted-file", GOOD)]


def test_nfc_listed_nfd_on_disk_is_not_silently_skipped(tmp_path):
    nfc = unicodedata.normalize("NFC", "café.txt")
    nfd = unicodedata.normalize("NFD", "café.txt")
    root = make_seeds(tmp_path, {nfd: b"\xef\xbb\xbf" + CLEAN["fr"].encode()}, index=f"- {nfc}\n")
    report = check(root, name_pattern=r".*")
    # Either the file is matched and read (bom reported), or something about it is reported;
    # never nothing at all.
    assert report.problems, "a listed-but-different-normalization file vanished from the report"


def test_nfc_listed_nfd_on_disk_is_read(tmp_path):
    nfc = unicodedata.normalize("NFC", "café.txt")
    nfd = unicodedata.normalize("NFD", "café.txt")
    root = make_seeds(tmp_path, {nfd: b"\xef\xbb\xbf" + CLEAN["fr"].encode()}, index=f"- {nfc}\n")
    report = check(root, name_pattern=r".*")
    assert "missing-file" not in codes(report)
    assert codes(report) == ["bom"]


@pytest.mark.parametrize("disk_form", ["NFD", "NFC"])
def test_one_file_listed_composed_and_decomposed_is_one_document(tmp_path, disk_form):
    # Two spellings of one name were two documents: an exact-duplicate of itself, and
    # `dedup --apply` then moved the only copy out of the corpus.
    nfc, nfd = (unicodedata.normalize(f, "café.txt") for f in ("NFC", "NFD"))
    on_disk = unicodedata.normalize(disk_form, "café.txt")
    root = make_seeds(tmp_path, {on_disk: CLEAN["fr"]}, index=f"# S\n\n- {nfc}\n- {nfd}\n")
    report = check(root, name_pattern=r".*")
    assert codes(report) == ["duplicate-entry"], report.problems
    from seedkeeper.operations.tagging import tag

    assert len(tag(root, Settings(name_pattern=r".*"), jobs=1).documents) == 1


def test_one_file_listed_in_two_spellings_becomes_one_row_keeping_both_notes(tmp_path):
    # The writer tracked the two spellings apart: the second item stayed outside the table
    # (index-outdated right after index), and the next run replaced the row, losing a note.
    from seedkeeper.operations.indexing import index

    nfc, nfd = (unicodedata.normalize(f, "café.txt") for f in ("NFC", "NFD"))
    index_md = f"# S\n\n- {nfc} first note (lang: en)\n- {nfd} second note (lang: fr)\n"
    root = make_seeds(tmp_path, {nfc: CLEAN["en"]}, index=index_md)
    settings = Settings(name_pattern=r".*")
    index(root, settings)
    once = (root / "INDEX.md").read_text(encoding="utf-8")
    row = next(ln for ln in once.splitlines() if ln.startswith("| [caf"))
    assert "first note" in row and "second note (lang: fr)" in row and "| en |" in row, row
    assert nfd not in once and "- " + nfc not in once
    assert codes(check(root, name_pattern=r".*")) == []
    index(root, settings)
    assert (root / "INDEX.md").read_text(encoding="utf-8") == once


def test_subfolders_and_hidden_paths(tmp_path):
    files = {
        "a/" + GOOD: CLEAN["en"],
        "a/b/" + OTHER: CLEAN["fa"],
        ".quarantine/" + BAD: b"\x00\x01",
        "a/.hidden/" + BAD: b"\x00",
    }
    root = make_seeds(tmp_path, files, index=index_for(["a/" + GOOD]))
    report = check(root)
    assert [(p.code, p.file) for p in report.problems] == [("unlisted-file", "a/b/" + OTHER)]


def test_many_documents_in_a_process_pool_match_one_process(tmp_path):
    files = {doc_name(i): CLEAN[sorted(CLEAN)[i % len(CLEAN)]] + f"\nnumber {i}\n" for i in range(70)}
    files[doc_name(30)] = b"\xef\xbb\xbf" + CLEAN["en"].encode()
    files[doc_name(55)] = CLEAN["en"].encode() + b"\xff\n"
    root = make_seeds(tmp_path, files)
    one = validate(root, Settings(jobs=1)).to_dict()
    many = validate(root, Settings(jobs=2)).to_dict()
    assert one == many
    assert [(p["code"], p["file"]) for p in one["problems"]] == [("bom", doc_name(30)), ("not-utf8", doc_name(55))]


def test_two_runs_give_identical_json(tmp_path):
    files = {GOOD: CLEAN["fa"], OTHER: BOM_DOC, BAD: CLEAN["en"].replace("\n", "\r\n"), "notes.txt": "Ã© short"}
    root = make_seeds(tmp_path, files, index=index_for([OTHER, GOOD, "missing.txt", GOOD, "../up.txt"]))
    a = json.dumps(check(root).to_dict(), sort_keys=True, ensure_ascii=False)
    b = json.dumps(check(root).to_dict(), sort_keys=True, ensure_ascii=False)
    assert a == b
    assert len(json.loads(a)["problems"]) >= 6


# --------------------------------------------------------------------------------------------
# Nothing in the folder is written; nothing outside it is read or echoed.


def _hostile_folder(tmp_path: Path) -> tuple[Path, Path]:
    outside = tmp_path / "secret.txt"
    outside.write_text(SECRET + "\n" + CLEAN["en"], encoding="utf-8")
    files = {
        GOOD: CLEAN["fa"],
        OTHER: PERSIAN_ZWNJ_RLM,
        doc_name(4): HINDI_ZWJ,
        doc_name(5): CLEAN["en"].replace("\n", "\r\n"),
        doc_name(6): b"\x00\x01\x02binary",
        doc_name(7): CLEAN["ar"].encode() + b"\xff",
        "sub/" + doc_name(8): "Ã©tÃ© " * 20,
        "bad name.txt": CLEAN["zh"],
        "unlisted.txt": CLEAN["ja"],
    }
    listed = [
        GOOD,
        OTHER,
        doc_name(4),
        doc_name(5),
        doc_name(6),
        doc_name(7),
        "sub/" + doc_name(8),
        "bad name.txt",
        doc_name(10),
        doc_name(11),
        doc_name(12),
        doc_name(13),
        "../secret.txt",
        str(outside),
        doc_name(14),
    ]
    root = make_seeds(tmp_path, files, index=index_for(listed) + f"\n\n- [again]({GOOD})\n")
    os.symlink(outside, root / doc_name(10))  # outward symlink
    (root / doc_name(11)).mkdir()  # a folder
    os.mkfifo(root / doc_name(12))  # a FIFO
    with open(root / doc_name(13), "wb") as fh:
        fh.truncate(400 * 1024 * 1024)  # a sparse giant
    return root, outside


def test_validate_writes_nothing_and_never_reads_outside(tmp_path, monkeypatch):
    root, outside = _hostile_folder(tmp_path)
    before = snapshot(root)
    time.sleep(0.01)
    report = call_with_timeout(lambda: check(root), 20, [root / doc_name(12)])
    got = {(p.code, p.file) for p in report.problems}
    for expected in [
        ("unsafe-path", doc_name(10)),
        ("not-a-file", doc_name(11)),
        ("not-a-file", doc_name(12)),
        ("too-large", doc_name(13)),
        ("missing-file", doc_name(14)),
        ("unsafe-path", "../secret.txt"),
        ("unsafe-path", str(outside)),
        ("duplicate-entry", GOOD),
        ("crlf", doc_name(5)),
        ("binary", doc_name(6)),
        ("not-utf8", doc_name(7)),
        ("mojibake", "sub/" + doc_name(8)),
        ("bad-name", "bad name.txt"),
        ("unlisted-file", "unlisted.txt"),
    ]:
        assert expected in got, (expected, report.problems)
    assert not [p for p in report.problems if p.file in (GOOD, OTHER, doc_name(4)) and p.code != "duplicate-entry"]
    assert SECRET not in repr(report.to_dict())
    assert snapshot(root) == before


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
def test_cli_writes_nothing_and_never_echoes_outside_content(tmp_path, monkeypatch, fmt):
    root, outside = _hostile_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    before = snapshot(root)
    runner = CliRunner()
    result = call_with_timeout(
        lambda: runner.invoke(app, ["validate", str(root), "--format", fmt, "--jobs", "1"]), 30, [root / doc_name(12)]
    )
    assert_exit(result, 1)
    assert SECRET not in result.stdout and SECRET not in result.stderr
    assert doc_name(10) in result.stdout  # the outward symlink is named...
    assert "unsafe-path" in result.stdout or fmt == "text"  # ...with its code (text may be a table)
    assert snapshot(root) == before


def test_two_megabyte_line_of_brackets_in_index_is_fast(tmp_path):
    import subprocess
    import sys

    root = make_seeds(tmp_path, {GOOD: CLEAN["fa"]}, index="[" * (2 * 1024 * 1024) + f"\n\n- {GOOD}\n")
    try:
        p = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from seedkeeper.operations.validation import validate; "
                "from seedkeeper.settings import Settings; "
                "r = validate(sys.argv[1], Settings(jobs=1)); print([q.code for q in r.problems])",
                str(root),
            ],
            capture_output=True,
            text=True,
            timeout=6,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("validate took more than 6 s on a 2 MB INDEX.md line")
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "[]"


def test_a_tagger_defect_on_one_document_leaves_the_others_tagged(tmp_path, monkeypatch):
    # A RecursionError on one text once ended the whole run (exit 3). Now that document is
    # "und" with the reason in its explanation, and every other document is still tagged.
    import seedkeeper.lang as lang
    from seedkeeper.operations.tagging import tag

    real = lang.detect_language

    def flaky(text, *args, **kwargs):
        if "Hamburg" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(lang, "detect_language", flaky)
    bad = "Der Hafen von Hamburg ist einer der größten Häfen Europas und zieht viele Besucher an.\n"
    root = make_seeds(tmp_path, {doc_name(1): bad, doc_name(2): CLEAN["fa"]})
    report = tag(root, Settings(), jobs=1, cache=None, explain=True)
    by_file = {d["file"]: d for d in report.documents}
    assert by_file[doc_name(1)]["lang"] == "und"
    assert by_file[doc_name(1)]["decided_by"] == "tagger-error: RecursionError"
    assert by_file[doc_name(2)]["lang"] == "fa"


def test_a_tagger_defect_does_not_stop_add_but_memory_errors_are_not_hidden(tmp_path, monkeypatch):
    import seedkeeper.lang as lang
    from seedkeeper.corpus.analysis import language_of
    from seedkeeper.operations.adding import add

    def broken(text, *args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(lang, "detect_language", broken)
    root = make_seeds(tmp_path, {doc_name(1): CLEAN["fa"]}, index="# S\n")  # nothing hand-written to adopt
    new = tmp_path / "new.txt"
    new.write_text(CLEAN["en"], encoding="utf-8")
    report = add([str(new)], root, Settings(), dry_run=True)
    assert [a.lang for a in report.added] == ["und"]

    def no_memory(text, *args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(lang, "detect_language", no_memory)
    with pytest.raises(MemoryError):  # the machine's state: raised, never cached as "und"
        language_of("Some text")
