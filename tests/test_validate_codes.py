"""Every problem code `validate` reports: each one fires on a bad input, for the right file and
line, with the contract's severity; and stays quiet on clean multilingual text.

Core calls only (`seedkeeper.operations.validation.validate`); the CLI has its own file.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import NO_INDEX, call_with_timeout, codes, doc_name, find, index_for, make_seeds
from multilingual import CLEAN, HINDI_ZWJ, LRM, PERSIAN_ZWNJ_RLM, RLM, ZWJ, ZWNJ
from seedkeeper.operations.validation import validate
from seedkeeper.problems import CODES
from seedkeeper.settings import Settings

pytestmark = pytest.mark.usefixtures("isolated_env")

# The codes `validate` owns, with their contract severities (interface.md).
VALIDATE_CODES = {
    "index-missing": "error",
    "index-unreadable": "error",
    "missing-file": "error",
    "unlisted-file": "error",
    "duplicate-entry": "error",
    "unsafe-path": "error",
    "not-a-file": "error",
    "not-utf8": "error",
    "binary": "error",
    "empty": "error",
    "too-large": "error",
    "too-short": "warning",
    "bom": "warning",
    "crlf": "warning",
    "control-char": "warning",
    "bidi-control": "warning",
    "not-nfc": "warning",
    "mojibake": "warning",
    "bad-name": "warning",
}

GOOD = doc_name(1)
BAD = doc_name(2)
SECRET = "TOP-SECRET-0f9e8d7c-outside-the-folder"


def check(root: Path, **settings) -> object:
    return validate(root, Settings(jobs=1, **settings))


def only(report, code: str, file) -> object:
    """The single problem with this code; the test fails if there are none or several."""
    found = find(report, code, file)
    assert len(found) == 1, f"expected one {code} for {file}, got {report.problems}"
    p = found[0]
    assert p.severity == VALIDATE_CODES[code], p
    return p


def test_multilingual_fixtures_are_long_clean_paragraphs():
    import unicodedata

    for lang, text in {**CLEAN, "fa-zwnj-rlm": PERSIAN_ZWNJ_RLM, "hi-zwj": HINDI_ZWJ}.items():
        assert len(text.strip()) > 60, lang
        assert unicodedata.is_normalized("NFC", text) and "\r" not in text and not text.startswith("\ufeff"), lang
    assert ZWNJ in CLEAN["fa"] and RLM in CLEAN["fa"] and ZWJ in CLEAN["hi"] and LRM in CLEAN["ar"]


def test_contract_codes_are_known_with_their_severities():
    for code, severity in VALIDATE_CODES.items():
        assert code in CODES, code
        assert CODES[code][0] == severity, code


# --------------------------------------------------------------------------------------------
# Content codes: (id, code, document bytes, expected line, fragments the message must contain)


def _lines(*parts: str) -> str:
    return "".join(p + "\n" for p in parts)


EN1 = "The first line of this document is perfectly fine."
EN2 = "The second line is fine as well, nothing to see."
FA1 = f"امروز می{ZWNJ}خواهم درباره{ZWNJ}ی شعر فارسی چیزی بنویسم."
FA2 = "شاعران بزرگ ایران قرن‌ها پیش زندگی می‌کردند."
NOT_UTF8 = (EN1 + "\n" + EN2 + "\n").encode() + b"third \xff line\n"
NOT_UTF8_OFFSET = len((EN1 + "\n" + EN2 + "\n").encode()) + len(b"third ")
_fa3 = "سلام".encode()
NOT_UTF8_FA = (FA1 + "\n" + FA2 + "\n").encode() + b"xy " + _fa3[:-1] + b" end\n"  # truncated م
NOT_UTF8_FA_OFFSET = len((FA1 + "\n" + FA2 + "\n").encode()) + 3 + len(_fa3) - 2

CONTENT_CASES = [
    ("not-utf8-line3", "not-utf8", NOT_UTF8, 3, ["line 3", f"byte offset {NOT_UTF8_OFFSET}"]),
    ("not-utf8-persian-truncated", "not-utf8", NOT_UTF8_FA, 3, ["line 3", f"byte offset {NOT_UTF8_FA_OFFSET}"]),
    (
        "not-utf8-latin1-line1",
        "not-utf8",
        "Caf\u00e9 au lait, cr\u00e8me br\u00fbl\u00e9e et g\u00e2teau.\n".encode("latin-1"),
        1,
        ["line 1", "byte offset 3"],
    ),
    ("binary-nul", "binary", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 40 + b"some text after", 1, []),
    ("binary-controls", "binary", bytes(range(1, 9)) * 64, 1, []),
    (
        "utf16-bom-is-text",
        "not-utf8",
        CLEAN["fa"].encode("utf-16"),
        1,
        ["UTF-16 text (BOM FF FE)", "fix --encoding auto"],
    ),
    ("utf16be-no-bom-is-text", "not-utf8", CLEAN["en"].encode("utf-16-be"), 1, ["UTF-16BE text (no BOM)"]),
    ("empty-zero-bytes", "empty", b"", 1, []),
    ("empty-whitespace", "empty", b"  \n\t\n   \n", 1, []),
    ("too-short-en", "too-short", "Short note.\n", 1, []),
    ("too-short-fa", "too-short", f"سلام، می{ZWNJ}خواهم.\n", 1, []),
    ("too-short-zh", "too-short", "你好，世界。\n", 1, []),
    # Ninety format characters (ZWJ, ZWNJ, soft hyphen) are a document with nothing in it.
    ("too-short-format-only", "too-short", ("\u200d\u200c\u00ad" * 30 + "\n").encode(), 1, ["no letter"]),
    ("too-short-punctuation-only", "too-short", b"!!!! ???? .... ---- " * 3, 1, ["only punctuation"]),
    ("bom", "bom", b"\xef\xbb\xbf" + CLEAN["ar"].encode(), 1, []),
    ("crlf", "crlf", CLEAN["fa"].replace("\n", "\r\n").encode(), 1, ["CRLF"]),
    ("crlf-lone-cr-line2", "crlf", _lines(EN1, "old mac\rline", EN2).encode(), 2, ["CR"]),
    ("control-char-c0-bel", "control-char", _lines(EN1, "ring the bell \x07 here please", EN2).encode(), 2, ["U+0007"]),
    ("control-char-c1-nel", "control-char", _lines(EN1, EN2, "a next-line \x85 control char").encode(), 3, ["U+0085"]),
    (
        "control-char-escape-in-zh",
        "control-char",
        _lines(CLEAN["zh"].strip(), "颜色\x1b[31m红色").encode(),
        2,
        ["U+001B"],
    ),
    (
        "bidi-rlo-line2",
        "bidi-control",
        _lines(EN1, "invoice_\u202egpj.exe is not a picture", EN2).encode(),
        2,
        ["U+202E"],
    ),
    (
        "bidi-rli-arabic",
        "bidi-control",
        _lines("النص \u2067العربي\u2069 هنا مع عزل ثنائي الاتجاه.", EN2).encode(),
        1,
        ["U+2067"],
    ),
    ("not-nfc-nfd-e-line2", "not-nfc", _lines(EN1, "Le cafe\u0301 de la gare est ferme\u0301.", EN2).encode(), 2, []),
    (
        "not-nfc-arabic-alef-madda",
        "not-nfc",
        _lines("\u0627\u0653ب و نان و پنیر برای صبحانه خوردیم.", EN2).encode(),
        1,
        [],
    ),
    ("not-nfc-arabic-waw-hamza", "not-nfc", _lines(FA1, "مس\u0648\u0654ولیت این کار با ماست و بس."), 2, []),
    (
        "not-nfc-hindi-precomposed-qa",
        "not-nfc",
        _lines(CLEAN["hi"].split("\n")[0], "\u0958िला पुराना है और बहुत सुंदर है।").encode(),
        2,
        [],
    ),
    (
        "mojibake-french-line2",
        "mojibake",
        _lines(EN1, "Le cafÃ© Ã©tait trÃ¨s bon ce matin-là.", EN2).encode(),
        2,
        ["Ã"],
    ),
    ("mojibake-persian", "mojibake", _lines("Ø³Ù„Ø§Ù… Ø¯ÙˆØ³Øª Ø¹Ø²ÛŒØ²", EN2).encode(), 1, ["Ø"]),
    ("mojibake-russian", "mojibake", _lines(EN1, EN2, "ÐŸÑ€Ð¸Ð²ÐµÑ‚, ÐºÐ°Ðº Ð´ÐµÐ»Ð°?").encode(), 3, []),
]


@pytest.mark.parametrize("case_id, code, raw, line, fragments", CONTENT_CASES, ids=[c[0] for c in CONTENT_CASES])
def test_content_code_fires(tmp_path, case_id, code, raw, line, fragments):
    # One bad document beside a clean one: the right file, the right line, the clean one quiet.
    root = make_seeds(tmp_path, {GOOD: CLEAN["fr"], BAD: raw})
    report = check(root)
    p = only(report, code, BAD)
    assert p.line == line, p
    for frag in fragments:
        assert frag in p.message, p
    assert find(report, code, GOOD) == [] and [q for q in report.problems if q.file == GOOD] == []
    assert not report.ok() if VALIDATE_CODES[code] == "error" else report.ok()


@pytest.mark.parametrize("raw", [NOT_UTF8, NOT_UTF8_FA, b"\xc3", b"ok text then a lone continuation \x80"])
def test_not_utf8_is_not_also_binary_and_reports_once(tmp_path, raw):
    root = make_seeds(tmp_path, {BAD: raw})
    report = check(root, min_chars=0)
    assert codes(report).count("not-utf8") == 1
    assert "binary" not in codes(report)


def test_binary_is_not_also_not_utf8_or_control_char(tmp_path):
    root = make_seeds(tmp_path, {BAD: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe" * 20})
    report = check(root)
    assert codes(report) == ["binary"]


@pytest.mark.parametrize("raw", [b"", b" \n", "\u3000\n\u00a0\n".encode()])
def test_empty_is_not_also_too_short(tmp_path, raw):
    root = make_seeds(tmp_path, {BAD: raw})
    assert codes(check(root)) == ["empty"]


def test_bom_alone_is_not_also_not_utf8_or_control(tmp_path):
    root = make_seeds(tmp_path, {BAD: b"\xef\xbb\xbf" + CLEAN["zh"].encode()})
    assert codes(check(root)) == ["bom"]


def test_bom_then_invalid_byte_offsets_count_the_bom(tmp_path):
    raw = b"\xef\xbb\xbf" + (EN1 + "\n").encode() + b"\xfe rest of the second line\n"
    root = make_seeds(tmp_path, {BAD: raw})
    report = check(root)
    assert set(codes(report)) == {"bom", "not-utf8"}
    p = only(report, "not-utf8", BAD)
    assert p.line == 2
    assert f"byte offset {3 + len(EN1) + 1}" in p.message


def test_too_short_threshold_is_the_setting(tmp_path):
    text = "Sechzehn Zeichen"  # 16 characters
    root = make_seeds(tmp_path, {BAD: text})
    assert "too-short" in codes(check(root, min_chars=17))
    assert "too-short" not in codes(check(root, min_chars=16))
    assert "too-short" not in codes(check(root, min_chars=0))


def test_too_short_counts_characters_not_bytes(tmp_path):
    # 20 Persian letters are 40 bytes: a byte count would wrongly pass a 30-character minimum.
    root = make_seeds(tmp_path, {BAD: "ب" * 20})
    assert "too-short" in codes(check(root, min_chars=30))
    # 40 Chinese characters (120 bytes) are long enough for 40.
    root2 = make_seeds(tmp_path, {BAD: "中文" * 20}, folder="s2")
    assert "too-short" not in codes(check(root2, min_chars=40))


def test_control_char_tab_and_newline_are_fine(tmp_path):
    root = make_seeds(tmp_path, {BAD: "Name\tValue\tNotes\nalpha\tbeta\tgamma and delta\n"})
    assert codes(check(root)) == []


def test_crlf_counts_every_cr(tmp_path):
    root = make_seeds(tmp_path, {BAD: CLEAN["ru"].replace("\n", "\r\n")})
    p = only(check(root), "crlf", BAD)
    assert f"({CLEAN['ru'].count(chr(10))} CR" in p.message


@pytest.mark.parametrize(
    "ch", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
)
def test_every_bidi_control_fires(tmp_path, ch):
    root = make_seeds(tmp_path, {BAD: f"{EN1}\nمتن {ch}فارسی با کنترل جهت.\n"})
    p = only(check(root), "bidi-control", BAD)
    assert p.line == 2
    assert f"U+{ord(ch):04X}" in p.message


@pytest.mark.parametrize("ch", [ZWNJ, ZWJ, LRM, RLM, "\u061c"])
def test_script_format_characters_are_not_bidi_or_control(tmp_path, ch):
    # ZWNJ/ZWJ/LRM/RLM (and the Arabic letter mark) are what Persian/Arabic/Hindi text needs.
    root = make_seeds(tmp_path, {BAD: f"من می{ch}خواهم امروز به کتابخانه بروم و کتاب بخوانم.\n"})
    assert codes(check(root)) == []


# --------------------------------------------------------------------------------------------
# too-large: over the limit, never read whole


def test_too_large_with_a_small_limit(tmp_path):
    root = make_seeds(tmp_path, {GOOD: CLEAN["de"], BAD: CLEAN["ru"] * 4})
    size = len((CLEAN["ru"] * 4).encode())
    report = check(root, max_size=300)
    p = only(report, "too-large", BAD)
    assert str(size) in p.message and "300" in p.message
    # Nothing else about a file that was not read; the small one is still checked.
    assert codes([q for q in report.problems if q.file == BAD]) == ["too-large"]
    assert [q for q in report.problems if q.file == GOOD] == []
    # Exactly at the limit is allowed.
    assert "too-large" not in codes(check(root, max_size=size))


def test_too_large_sparse_400_mib_is_never_read(tmp_path, monkeypatch):
    import time

    import seedkeeper.corpus.analysis
    import seedkeeper.corpus.safe_read

    root = make_seeds(tmp_path, {GOOD: CLEAN["hi"], BAD: b""})
    with open(root / BAD, "r+b") as fh:
        fh.truncate(400 * 1024 * 1024)
    real_read = seedkeeper.corpus.safe_read.read_bytes
    read = []

    def guarded(info, limit):
        read.append(Path(info.path).name)
        assert Path(info.path).name != BAD, "the 400 MiB file was opened for reading"
        return real_read(info, limit)

    monkeypatch.setattr(seedkeeper.corpus.safe_read, "read_bytes", guarded)
    monkeypatch.setattr(seedkeeper.corpus.analysis, "read_bytes", guarded)
    t0 = time.monotonic()
    report = check(root)
    assert time.monotonic() - t0 < 5
    p = only(report, "too-large", BAD)
    assert str(400 * 1024 * 1024) in p.message
    assert GOOD in read and BAD not in read  # the guard really was in the path
    assert [q for q in report.problems if q.file != BAD] == []


# --------------------------------------------------------------------------------------------
# bad-name


@pytest.mark.parametrize(
    "name",
    [
        "notes.txt",
        "001_0123456789ABCDEF.txt",  # upper-case hex
        "01_0123456789abcdef.txt",  # two digits
        "001_0123456789abcde.txt",  # 15 hex digits
        "001-0123456789abcdef.txt",
        "001_0123456789abcdef.txt.txt",
        "001_0123456789abcdeg.txt",
        "یادداشت.txt",
        "笔记.txt",
    ],
)
def test_bad_name_fires_with_the_index_line(tmp_path, name):
    index = f"# Seeds\n\n- {GOOD}\n- {name}\n"
    root = make_seeds(tmp_path, {GOOD: CLEAN["en"], name: CLEAN["fa"]}, index=index)
    report = check(root)
    p = only(report, "bad-name", name)
    assert p.line == 4
    assert name in p.message
    assert codes(report) == ["bad-name"]


@pytest.mark.parametrize(
    "name", ["000_0123456789abcdef.txt", "1234_fedcba9876543210.txt", "sub/001_0123456789abcdef.txt"]
)
def test_good_names_do_not_fire_bad_name(tmp_path, name):
    root = make_seeds(tmp_path, {name: CLEAN["ar"]})
    assert codes(check(root)) == []


def test_bad_name_pattern_is_configurable(tmp_path):
    root = make_seeds(tmp_path, {"notes-fa.txt": CLEAN["fa"], GOOD: CLEAN["en"]})
    assert codes(check(root, name_pattern=r"[a-z]+-[a-z]{2}\.txt")) == ["bad-name"]  # now GOOD is bad
    assert find(check(root, name_pattern=r"[a-z]+-[a-z]{2}\.txt"), "bad-name", GOOD)
    assert find(check(root), "bad-name", "notes-fa.txt")


# A finding about an INDEX.md entry points at where the document is listed (its list item or
# table row, the listing `check` reads), not at an earlier link to it in prose.
_LISTED_BELOW_PROSE = "# Seeds\n\nBackground: see [this one]({name}).\n\n## List\n\n- {good}\n- {name} — a note\n"
_LISTED_IN_A_TABLE = (
    "# Seeds\n\nBackground: see [this one]({name}).\n\n| File | Notes |\n|---|---|\n| {good} | |\n| {name} | a note |\n"
)


def _entry_finding_setup(tmp_path, kind: str, layout: str):
    """A folder whose second document gets a `kind` finding about its INDEX.md entry, linked in
    prose on line 3 and listed on line 8 (list item or table row)."""
    name = "notes.txt" if kind == "bad-name" else BAD
    index = (_LISTED_BELOW_PROSE if layout == "list" else _LISTED_IN_A_TABLE).format(name=name, good=GOOD)
    files = {GOOD: CLEAN["en"]}
    if kind == "bad-name":
        files[name] = CLEAN["fa"]
    root = make_seeds(tmp_path, files, index=index)
    if kind == "not-a-file":
        (root / name).mkdir()
    elif kind == "unsafe-path":
        outside = tmp_path / "outside.txt"
        outside.write_text(CLEAN["de"], encoding="utf-8")
        os.symlink(outside, root / name)
    return root, name


@pytest.mark.parametrize("layout", ["list", "table"])
@pytest.mark.parametrize("kind", ["bad-name", "missing-file", "not-a-file", "unsafe-path"])
def test_an_entry_finding_points_at_the_listing_not_at_a_prose_link_above_it(tmp_path, kind, layout):
    root, name = _entry_finding_setup(tmp_path, kind, layout)
    p = only(check(root), kind, name)
    assert p.line == 8, p


def test_a_document_gone_before_it_is_read_is_reported_at_its_listing(tmp_path):
    # The same line for a finding made when the document is read (it went away after INDEX.md
    # was read): the listing, not the prose link above it.
    from seedkeeper.corpus.analysis import Features, analyze_document
    from seedkeeper.corpus.model import load_corpus

    root = make_seeds(tmp_path, {GOOD: CLEAN["en"], BAD: CLEAN["fa"]})
    (root / "INDEX.md").write_text(_LISTED_BELOW_PROSE.format(name=BAD, good=GOOD), encoding="utf-8")
    corpus = load_corpus(root, Settings(jobs=1))
    (doc,) = [d for d in corpus.documents if d.rel == BAD]
    (root / BAD).unlink()
    (p,) = analyze_document(doc, 1 << 20, 30, Features()).problems
    assert (p.code, p.line) == ("missing-file", 8)


# --------------------------------------------------------------------------------------------
# Index codes


def test_index_missing(tmp_path):
    root = make_seeds(tmp_path, {GOOD: CLEAN["zh"], BAD: b"\xef\xbb\xbf" + CLEAN["he"].encode()}, index=NO_INDEX)
    report = check(root)
    p = only(report, "index-missing", None)
    assert p.line is None
    assert "INDEX.md" in p.message
    # The documents on disk are still checked.
    assert find(report, "bom", BAD)
    assert not report.ok()


def test_index_present_does_not_fire_index_missing(tmp_path):
    root = make_seeds(tmp_path, {GOOD: CLEAN["zh"]})
    assert codes(check(root)) == []


def test_index_unreadable_invalid_utf8_gives_line(tmp_path):
    index = f"# Seeds\n\n- {GOOD}\n".encode() + b"- caf\xe9.txt\n"
    root = make_seeds(tmp_path, {GOOD: CLEAN["th"], BAD: CLEAN["el"] + "\r\n"}, index=index)
    report = check(root)
    p = only(report, "index-unreadable", "INDEX.md")
    assert p.line == 4
    assert "UTF-8" in p.message
    # Not also index-missing, and the documents are still checked.
    assert "index-missing" not in codes(report)
    assert find(report, "crlf", BAD)


def test_index_unreadable_utf16(tmp_path):
    root = make_seeds(tmp_path, {GOOD: CLEAN["en"]}, index=index_for([GOOD]).encode("utf-16"))
    report = check(root)
    only(report, "index-unreadable", "INDEX.md")
    assert not report.ok()


def test_index_unreadable_when_a_folder(tmp_path):
    root = make_seeds(tmp_path, {GOOD: CLEAN["ko"]}, index=NO_INDEX)
    (root / "INDEX.md").mkdir()
    report = check(root)
    p = only(report, "index-unreadable", "INDEX.md")
    assert "regular file" in p.message
    assert "index-missing" not in codes(report)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_index_unreadable_when_a_fifo_and_does_not_hang(tmp_path):
    root = make_seeds(tmp_path, {GOOD: CLEAN["ja"]}, index=NO_INDEX)
    os.mkfifo(root / "INDEX.md")
    report = call_with_timeout(lambda: check(root), 10, [root / "INDEX.md"])
    only(report, "index-unreadable", "INDEX.md")


def test_index_symlink_outside_is_unreadable_and_not_echoed(tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text(f"- {GOOD}\n{SECRET}\n", encoding="utf-8")
    root = make_seeds(tmp_path, {GOOD: CLEAN["en"]}, index=NO_INDEX)
    os.symlink(outside, root / "INDEX.md")
    report = check(root)
    only(report, "index-unreadable", "INDEX.md")
    assert SECRET not in repr(report.to_dict())


def test_missing_file(tmp_path):
    missing = doc_name(7)
    index = f"# Seeds\n\nIntro prose.\n\n- {GOOD}\n- [gone](./{missing})\n"
    root = make_seeds(tmp_path, {GOOD: CLEAN["tr"]}, index=index)
    report = check(root)
    p = only(report, "missing-file", missing)
    assert p.line == 6
    assert codes(report) == ["missing-file"]


def test_unlisted_file(tmp_path):
    root = make_seeds(tmp_path, {GOOD: CLEAN["en"], "sub/" + BAD: CLEAN["fa"]}, index=index_for([GOOD]))
    report = check(root)
    only(report, "unlisted-file", "sub/" + BAD)
    assert codes(report) == ["unlisted-file"]


def test_unlisted_ignores_hidden_other_globs_and_index(tmp_path):
    root = make_seeds(
        tmp_path,
        {GOOD: CLEAN["en"], ".hidden.txt": "x", ".git/" + BAD: "x", "README.md": "readme", "image.png": b"\x89PNG\x00"},
        index=index_for([GOOD]),
    )
    assert codes(check(root)) == []


def test_duplicate_entry(tmp_path):
    index = (
        f"# Seeds\n\n- {GOOD}\n- {BAD}\n- ./{GOOD} again, with a note\n\n"
        f"| file | note |\n|---|---|\n| {BAD} | listed in a table too |\n"
    )
    root = make_seeds(tmp_path, {GOOD: CLEAN["he"], BAD: CLEAN["hi"]}, index=index)
    report = check(root)
    assert [(p.file, p.line) for p in report.problems] == [(GOOD, 5), (BAD, 9)]
    assert {p.code for p in report.problems} == {"duplicate-entry"}
    assert "line 3" in find(report, "duplicate-entry", GOOD)[0].message
    assert "line 4" in find(report, "duplicate-entry", BAD)[0].message


def test_duplicate_entry_quiet_on_a_prose_link_to_a_listed_document(tmp_path):
    # A link in prose to a listed document is a mention, not a second listing.
    index = f"# Seeds\n\nStart with [the Persian one]({GOOD}).\n\n- {GOOD}\n- {BAD}\n"
    root = make_seeds(tmp_path, {GOOD: CLEAN["fa"], BAD: CLEAN["ar"]}, index=index)
    assert check(root).problems == []


UNSAFE_CASES = [
    ("list-dotdot", "- ../outside.txt", "../outside.txt"),
    ("list-absolute", "- {abs}", "{abs}"),
    ("link-dotdot", "[escape](../outside.txt)", "../outside.txt"),
    ("link-absolute", "[escape]({abs})", "{abs}"),
    ("link-etc", "[passwd](/etc/x.txt)", "/etc/x.txt"),
    ("list-etc", "- /etc/x.txt", "/etc/x.txt"),
    ("link-nested-dotdot", "[x](sub/../../outside.txt)", "sub/../../outside.txt"),
    ("link-percent-dotdot", "[x](%2E%2E/outside.txt)", None),
    ("table-dotdot", "| file |\n|---|\n| ../outside.txt |", "../outside.txt"),
]


@pytest.mark.parametrize("case_id, line_src, written", UNSAFE_CASES, ids=[c[0] for c in UNSAFE_CASES])
def test_unsafe_path_entries(tmp_path, monkeypatch, case_id, line_src, written):
    outside = tmp_path / "outside.txt"
    outside.write_text(SECRET + "\n", encoding="utf-8")
    line_src = line_src.format(abs=str(outside))
    index = f"# Seeds\n\n- {GOOD}\n\n{line_src}\n"
    root = make_seeds(tmp_path, {GOOD: CLEAN["ar"]}, index=index)
    opened = _record_opens(monkeypatch)
    report = check(root)
    unsafe = find(report, "unsafe-path")
    assert len(unsafe) == 1, report.problems
    p = unsafe[0]
    assert p.severity == "error"
    assert p.line == (7 if case_id.startswith("table") else 5)
    if written is not None:
        assert p.file == written.format(abs=str(outside))
    assert codes(report) == ["unsafe-path"]
    assert str(outside.resolve()) not in opened
    assert str((root / GOOD).resolve()) in opened  # the recorder does see what is read
    assert SECRET not in repr(report.to_dict())


def test_unsafe_path_symlink_outside_is_never_read(tmp_path, monkeypatch):
    outside = tmp_path / "outside.txt"
    outside.write_text(SECRET + " " + CLEAN["en"], encoding="utf-8")
    root = make_seeds(tmp_path, {GOOD: CLEAN["fa"]}, index=index_for([GOOD, BAD]))
    os.symlink(outside, root / BAD)
    opened = _record_opens(monkeypatch)
    report = check(root)
    p = only(report, "unsafe-path", BAD)
    assert p.line == 4
    assert codes(report) == ["unsafe-path"]
    assert str(outside.resolve()) not in opened
    assert str((root / GOOD).resolve()) in opened  # the recorder does see what is read
    assert SECRET not in repr(report.to_dict())


def test_symlinked_folder_outside_is_not_followed(tmp_path, monkeypatch):
    out_dir = tmp_path / "elsewhere"
    out_dir.mkdir()
    (out_dir / BAD).write_text(SECRET + " " + CLEAN["en"], encoding="utf-8")
    root = make_seeds(tmp_path, {GOOD: CLEAN["fa"]}, index=index_for([GOOD, "link/" + BAD]))
    os.symlink(out_dir, root / "link")
    opened = _record_opens(monkeypatch)
    report = check(root)
    only(report, "unsafe-path", "link/" + BAD)
    assert codes(report) == ["unsafe-path"]
    assert str((out_dir / BAD).resolve()) not in opened
    assert SECRET not in repr(report.to_dict())


def test_symlink_inside_the_folder_is_fine(tmp_path):
    root = make_seeds(tmp_path, {"sub/" + GOOD: CLEAN["de"]}, index=index_for(["sub/" + GOOD, BAD]))
    os.symlink("sub/" + GOOD, root / BAD)
    assert find(check(root), "unsafe-path") == []


def test_not_a_file_folder(tmp_path):
    root = make_seeds(tmp_path, {GOOD: CLEAN["ru"]}, index=index_for([GOOD, BAD]))
    (root / BAD).mkdir()
    report = check(root)
    p = only(report, "not-a-file", BAD)
    assert p.line == 4
    assert "folder" in p.message
    assert "missing-file" not in codes(report)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_not_a_file_fifo_does_not_hang(tmp_path):
    root = make_seeds(
        tmp_path,
        {GOOD: CLEAN["th"], "z_" + GOOD: b"\xef\xbb\xbf" + CLEAN["el"].encode()},
        index=index_for([BAD, GOOD, "z_" + GOOD]),
    )
    os.mkfifo(root / BAD)
    report = call_with_timeout(lambda: check(root), 10, [root / BAD])
    p = only(report, "not-a-file", BAD)
    assert p.line == 3
    assert "FIFO" in p.message
    # The documents after it are still checked.
    assert find(report, "bom", "z_" + GOOD)


def _record_opens(monkeypatch) -> list[str]:
    """Record (resolved) every path validate opens, through os.open and builtins.open."""
    import builtins

    opened: list[str] = []
    real_os_open, real_open = os.open, builtins.open

    def note(path):
        try:
            opened.append(os.path.realpath(os.fspath(path)))
        except TypeError:  # a file descriptor
            pass

    def os_open(path, *a, **k):
        note(path)
        return real_os_open(path, *a, **k)

    def b_open(file, *a, **k):
        note(file)
        return real_open(file, *a, **k)

    monkeypatch.setattr(os, "open", os_open)
    monkeypatch.setattr(builtins, "open", b_open)
    return opened


# --------------------------------------------------------------------------------------------
# Quiet on clean multilingual text


@pytest.fixture(scope="module")
def clean_report(tmp_path_factory):
    texts = {**CLEAN, "fa-zwnj-rlm": PERSIAN_ZWNJ_RLM, "hi-zwj": HINDI_ZWJ}
    files = {doc_name(i, lang): text for i, (lang, text) in enumerate(texts.items())}
    root = make_seeds(tmp_path_factory.mktemp("clean"), files)
    return validate(root, Settings(jobs=1)), len(files)


@pytest.mark.parametrize("code", sorted(VALIDATE_CODES))
def test_code_is_quiet_on_clean_multilingual_folder(clean_report, code):
    report, n = clean_report
    assert report.documents == n
    assert find(report, code) == []


def test_clean_multilingual_folder_has_no_problems_at_all(clean_report):
    report, _ = clean_report
    assert report.problems == []
    assert report.ok(strict=True)


@pytest.mark.parametrize("lang", sorted(CLEAN))
def test_each_clean_language_alone_has_no_problems(tmp_path, lang):
    root = make_seeds(tmp_path, {doc_name(1, lang): CLEAN[lang]})
    assert check(root).problems == []


@pytest.mark.parametrize("text", [PERSIAN_ZWNJ_RLM, HINDI_ZWJ], ids=["persian-zwnj-rlm", "hindi-zwj"])
def test_persian_zwnj_rlm_and_hindi_zwj_produce_no_problems(tmp_path, text):
    assert ZWNJ in text or ZWJ in text
    root = make_seeds(tmp_path, {GOOD: text})
    report = check(root)
    assert report.problems == []
    assert report.documents == 1


def test_every_validate_code_has_a_firing_test():
    fired = {c[1] for c in CONTENT_CASES} | {
        # codes fired by the dedicated tests above
        "too-large",
        "bad-name",
        "index-missing",
        "index-unreadable",
        "missing-file",
        "unlisted-file",
        "duplicate-entry",
        "unsafe-path",
        "not-a-file",
    }
    assert fired == set(VALIDATE_CODES)
