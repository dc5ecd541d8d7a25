"""`seedkeeper.corpus.content_checks.check_content` on raw bytes: each content code fires on a
bad input with the right line (and, for invalid UTF-8, the byte offset), codes that would repeat a
finding stay quiet, and clean text in scripts that need format characters produces nothing."""

from __future__ import annotations

import re
import unicodedata

import pytest

from multilingual import CLEAN, HINDI_ZWJ, PERSIAN_ZWNJ_RLM, RLM, ZWJ, ZWNJ
from seedkeeper.corpus.content_checks import check_content, line_of, looks_binary
from seedkeeper.problems import CODES

MIN = 20
EN = CLEAN["en"]  # two clean lines


def check(raw: bytes, min_chars: int = MIN):
    return check_content("doc.txt", raw, min_chars)


def by_code(raw: bytes, min_chars: int = MIN) -> dict[str, tuple[int | None, str]]:
    res = check(raw, min_chars)
    got = {p.code: (p.line, p.message) for p in res.problems}
    assert len(got) == len(res.problems), "a code reported twice"
    for p in res.problems:
        assert p.file == "doc.txt" and p.severity == CODES[p.code][0]
    return got


# ---------------------------------------------------------------- quiet on clean text


@pytest.mark.parametrize(
    "text",
    [CLEAN["fa"], PERSIAN_ZWNJ_RLM, CLEAN["ar"], CLEAN["zh"], CLEAN["hi"], HINDI_ZWJ, CLEAN["th"], CLEAN["he"], EN],
    ids=["fa-zwnj", "fa-zwnj-rlm", "ar-lrm", "zh", "hi-zwj", "hi-zwj-2", "th", "he-rlm", "en"],
)
def test_clean_multilingual_text_has_no_findings(text):
    res = check(text.encode("utf-8"))
    assert res.problems == []
    assert res.text == text


def test_the_clean_samples_really_carry_their_format_characters():
    # Otherwise the test above would prove nothing about ZWNJ and ZWJ.
    assert ZWNJ in CLEAN["fa"] and ZWNJ in PERSIAN_ZWNJ_RLM and ZWJ in HINDI_ZWJ and ZWJ in CLEAN["hi"]


# ---------------------------------------------------------------- binary


def test_nul_byte_is_binary_with_its_offset_and_nothing_else():
    raw = EN.encode() + b"\x00\x01" + b"\xff" * 10
    res = check(raw)
    assert [p.code for p in res.problems] == ["binary"]  # not also not-utf8 / control-char
    assert f"byte offset {len(EN.encode())}" in res.problems[0].message
    assert res.text is None


def test_many_control_bytes_are_binary_a_few_are_not():
    assert looks_binary(b"\x01\x02\x03\x04" * 10 + b"a" * 60)  # 40 %
    assert not looks_binary(EN.encode() + b"\x07")
    assert not looks_binary(b"")
    assert "mostly control bytes" in by_code(b"\x01\x02\x03\x04" * 10 + b"a" * 60)["binary"][1]


def test_tab_lf_cr_ff_esc_are_not_counted_as_binary():
    raw = (b"\t\n\r\x0c\x1b" * 50) + b"x" * 10
    assert not looks_binary(raw)


# ---------------------------------------------------------------- bom


def test_bom_is_reported_and_the_text_is_read_without_it():
    res = check(b"\xef\xbb\xbf" + EN.encode())
    assert [(p.code, p.line) for p in res.problems] == [("bom", 1)]
    assert res.text == EN


# ---------------------------------------------------------------- not-utf8


def test_invalid_utf8_gives_line_and_byte_offset():
    raw = "first line\nsecond línea ".encode() + b"\xff\xfe" + b" rest of it\n"
    got = by_code(raw)
    line, msg = got["not-utf8"]
    offset = raw.index(b"\xff")
    col = offset - (raw.rindex(b"\n", 0, offset) + 1)
    assert line == 2
    assert f"line 2, byte offset {offset} (byte {col + 1} of the line)" in msg and "ff" in msg
    assert set(got) == {"not-utf8"}


def test_invalid_utf8_after_a_bom_counts_the_bom_in_the_offset():
    raw = b"\xef\xbb\xbf" + b"line one is long enough\nline \xc3(x two\n"
    got = by_code(raw)
    assert set(got) == {"bom", "not-utf8"}
    offset = raw.index(b"\xc3(")
    assert got["not-utf8"][0] == 2
    assert f"byte offset {offset} (byte 6 of the line)" in got["not-utf8"][1]


def test_invalid_utf8_still_yields_the_rest_of_the_text():
    res = check(b"abc \xff " + EN.encode())
    assert "\ufffd" in res.text and EN in res.text


def test_cp1256_persian_is_not_utf8():
    raw = "من مي خواهم امروز به كتابخانه بروم\n".encode("cp1256")  # Arabic yeh/kaf: cp1256 has no Persian ones
    assert by_code(raw)["not-utf8"][0] == 1


# ---------------------------------------------------------------- empty, too-short


@pytest.mark.parametrize("raw", [b"", b" \n\t\n  \n", b"\xef\xbb\xbf", b"\r\n\r\n", "\u3000\n".encode()])
def test_empty_means_only_white_space_and_is_not_also_too_short(raw):
    got = by_code(raw)
    assert "empty" in got and got["empty"][0] == 1
    assert "too-short" not in got and "crlf" not in got


def test_too_short_counts_characters_not_bytes_and_ignores_surrounding_space():
    text = "  " + "ک" * 19 + "  \n"  # 19 characters, 38 bytes
    line, msg = by_code(text.encode())["too-short"]
    assert line == 1 and "19 characters" in msg and str(MIN) in msg
    assert "too-short" not in by_code(("ک" * 20 + "\n").encode())


def test_too_short_says_one_character_not_one_characters():
    assert by_code("字\n".encode())["too-short"][1].startswith("1 character, under the minimum"), by_code("字".encode())


# ---------------------------------------------------------------- crlf, control-char, bidi-control


def test_crlf_is_reported_at_the_first_cr_with_a_count():
    raw = b"line one is clean\nline two\r\nline three\r\n"
    line, msg = by_code(raw)["crlf"]
    assert line == 2 and "CRLF" in msg and "2 CR" in msg


def test_a_lone_cr_is_reported_as_cr():
    line, msg = by_code(b"line one is clean\rline two is clean\n")["crlf"]
    assert line == 1 and msg.startswith("CR line endings")


def test_line_numbers_count_crlf_once_and_a_lone_cr_as_a_line_end():
    assert line_of("a\r\nb\rc\nd", 7) == 4
    assert line_of("a\r\nb", 3) == 2


@pytest.mark.parametrize("char, line", [("\x07", 2), ("\x1b", 2), ("\x7f", 2), ("\x85", 2), ("\x0b", 2)])
def test_control_characters_give_control_char_on_their_line(char, line):
    raw = (EN.replace("\n", "\n" + char, 1) + char).encode()
    got_line, msg = by_code(raw)["control-char"]
    assert got_line == line
    assert f"U+{ord(char):04X}" in msg and "2 in all" in msg


def test_tab_is_not_a_control_char():
    assert by_code(("col1\tcol2\t" + EN).encode()) == {}


@pytest.mark.parametrize(
    "char", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
)
def test_bidi_embedding_override_and_isolate_controls(char):
    raw = (EN + f"price {char}100{char} today\n").encode()
    line, msg = by_code(raw)["bidi-control"]
    assert line == 3 and f"U+{ord(char):04X}" in msg and unicodedata.name(char) in msg and "2 in all" in msg


def test_lrm_rlm_zwnj_zwj_are_not_bidi_controls():
    text = "a\u200eb\u200fc\u200cd\u200de and some more ordinary words here\n"
    assert "bidi-control" not in by_code(text.encode())


# ---------------------------------------------------------------- not-nfc


def test_decomposed_text_is_not_nfc_on_its_line():
    decomposed = unicodedata.normalize("NFD", "L'été à Noël, café crème.\n")
    assert decomposed != unicodedata.normalize("NFC", decomposed)
    line, _ = by_code((EN + decomposed).encode())["not-nfc"]
    assert line == 3


def test_hindi_nukta_as_two_code_points_is_nfc():
    # U+095B (ज़) is a composition exclusion: NFC *is* ज + U+093C, so it must not fire.
    text = "ज\u093cरूरी बाज\u093cार में सब्ज\u093cियाँ मिलती हैं\n"
    assert unicodedata.is_normalized("NFC", text)
    assert by_code(text.encode()) == {}
    precomposed = text.replace("ज\u093c", "\u095b")  # the single code point is the non-NFC form
    assert by_code(precomposed.encode())["not-nfc"][0] == 1


# ---------------------------------------------------------------- mojibake


def test_utf8_read_as_latin1_is_mojibake_on_its_line():
    bad = "Le café où l'on a mangé une crème brûlée.\n".encode().decode("latin-1").encode()
    line, msg = by_code(EN.encode() + bad)["mojibake"]
    assert line == 3 and "Ã" in msg


def test_persian_read_as_cp1252_is_mojibake():
    bad = "من می\u200cخواهم به کتابخانه بروم\n".encode().decode("cp1252", errors="replace").encode()
    assert "mojibake" in by_code(bad)


def test_mojibake_sample_masks_personal_data():
    """The sample quoted is cut from the line around the bad characters: a phone number or an
    address there is masked first, so no part of it is printed (README)."""
    bad = "Tel +989123456789é, écrivez à reza.ahmadi@example.fr\n".encode().decode("latin-1")
    _, msg = by_code(EN.encode() + bad.encode())["mojibake"]
    assert "912345" not in msg and "reza.ahmadi" not in msg, msg


def test_accented_latin_and_cyrillic_are_not_mojibake():
    for text in (CLEAN["fr"], CLEAN["de"], CLEAN["ru"], CLEAN["tr"], CLEAN["el"]):
        assert by_code(text.encode()) == {}, text


def test_the_mojibake_prefilter_never_hides_what_ftfy_would_flag():
    """Texts that skip ftfy's regex hold none of the characters it needs; random short strings
    over Latin, Greek, Cyrillic, symbols and C1 controls that ftfy calls bad always hold one."""
    import random

    from ftfy.badness import is_bad

    from seedkeeper.corpus.badness import _saved

    needed = _saved()[0]
    rng = random.Random(7)
    alphabet = [chr(i) for i in range(32, 0x2600)]
    flagged = 0
    for _ in range(20000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(2, 5)))
        if is_bad(s):
            flagged += 1
            assert not needed.isdisjoint(s), repr(s)
    assert flagged > 100  # the property was exercised
    for sample in ("Ø³Ù„Ø§Ù…", "CafÃ©", "Ð¿Ñ€Ð¸Ð²ÐµÑ‚"):
        assert is_bad(sample) and not needed.isdisjoint(sample)


def test_the_saved_badness_expression_is_ftfys_and_a_damaged_copy_is_not_used(tmp_path, monkeypatch):
    """The copy kept in the cache folder answers as ftfy does; a damaged one falls back to ftfy."""
    from ftfy.badness import BADNESS_RE

    from seedkeeper.corpus import badness

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _clear(badness)
    try:
        chars, pattern, flags = badness._saved()
        saved = next((tmp_path / "seedkeeper").glob("ftfy-*-badness-*"))
        assert (saved / "complete").is_file()
        assert pattern == BADNESS_RE.pattern and flags == BADNESS_RE.flags
        assert badness._pattern().pattern == BADNESS_RE.pattern
        assert chars == badness._from_ftfy()[0]
        for text in ("CafÃ©", "Ø³Ù„Ø§Ù…", "Café crème", "سلام دنیا", "中文"):
            assert badness.is_bad(text) == bool(BADNESS_RE.search(text))
        assert not badness.could_be_bad("سلام دنیا") and not badness.could_be_bad("plain ASCII")
        _clear(badness)
        with monkeypatch.context() as m:  # read back from the copy: asking ftfy again would fail
            m.setattr(badness, "_from_ftfy", lambda: (_ for _ in ()).throw(AssertionError("asked ftfy again")))
            assert badness._saved() == (chars, pattern, flags)
            assert badness.is_bad("CafÃ©") and badness._pattern().flags == BADNESS_RE.flags
        _clear(badness)
        # Damaged copies (a flag re.compile refuses with OverflowError, a field of another type) no
        # longer match their marker's record: built again, and the expression is ftfy's.
        saved_json = (saved / "badness.json").read_text(encoding="utf-8")
        for damaged in (saved_json.replace('"flags": ', '"flags": 1099511627776'), '{"pattern": 1}'):
            (saved / "badness.json").write_text(damaged, encoding="utf-8")
            _clear(badness)
            chars_again, again, flags_again = badness._saved()
            assert (again, flags_again, chars_again) == (BADNESS_RE.pattern, BADNESS_RE.flags, chars)
            assert badness._pattern().pattern == BADNESS_RE.pattern
            assert (saved / "badness.json").read_text(encoding="utf-8") == saved_json
    finally:
        _clear(badness)


def _clear(badness) -> None:
    badness._saved.cache_clear()
    badness._pattern.cache_clear()


def test_a_forged_badness_copy_never_raises_prints_or_judges_otherwise(tmp_path, monkeypatch, capsys):
    """A copy rewritten together with its marker (so its checksums match) still cannot make the
    check raise, print (re.DEBUG) or answer otherwise than ftfy: its expression is compiled on
    first use, and whatever fails there gives ftfy's own expression."""
    import json

    from ftfy.badness import is_bad as ftfy_is_bad

    from seedkeeper import model_store
    from seedkeeper.corpus import badness

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _clear(badness)
    try:
        badness._saved()
        folder = next((tmp_path / "seedkeeper").glob("ftfy-*-badness-*"))
        good = json.loads((folder / "badness.json").read_text(encoding="utf-8"))
        forged = {
            "too deep": {"pattern": "(" * 5000 + ")" * 5000},
            "incompatible flags": {"flags": int(re.ASCII | re.UNICODE | re.VERBOSE)},
            "debug flag": {"flags": good["flags"] | int(re.DEBUG)},
        }
        for name, change in forged.items():
            (folder / "badness.json").write_text(json.dumps({**good, **change}), encoding="utf-8")
            (folder / "complete").write_text(json.dumps(model_store._manifest(str(folder))), encoding="utf-8")
            model_store._verified.clear()
            _clear(badness)
            for text in ("CafÃ©", "Café crème", "Ø³Ù„Ø§Ù…"):
                assert badness.is_bad(text) == ftfy_is_bad(text), (name, text)
            assert capsys.readouterr().out == "", name
    finally:
        _clear(badness)


def test_excerpts_show_the_joiners_and_marks_of_persian_and_hindi_as_text():
    """ZWNJ, ZWJ, LRM and RLM are ordinary text (interface): an excerpt in a finding shows them
    as themselves, not as `\\u200c`; a bidi override and a control stay escaped."""
    from seedkeeper.quality import quality_findings
    from seedkeeper.quality.findings import DEFAULT_SETTINGS

    fa = f"کتاب{ZWNJ}ها را خواندند{RLM} و \u202eرفتند به خانه"
    hi = f"क्{ZWJ}ष और त्र जैसे संयुक्त अक्षर सीखना आसान नहीं है"
    text = "\n".join([fa, hi, fa, hi, fa]) + "\n"
    [rep] = [f.message for f in quality_findings(text, DEFAULT_SETTINGS) if f.code == "repeated-lines"]
    assert f"'کتاب{ZWNJ}ها را خواندند{RLM} و \\u202eرفتند به خانه'" in rep, rep
    assert "\\u200" not in rep, rep
