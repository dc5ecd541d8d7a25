"""Each normalization rule, tested with real text."""

from __future__ import annotations

import random
import unicodedata

import pytest

from seedkeeper.similarity.normalize import NORMALIZATION_VERSION, normalize
from zwnj_fixtures import FA_ZWNJ, HI, HI_ZWNJ, UR_ZWNJ, ZWNJ, spaced


def same(a: str, b: str) -> bool:
    return normalize(a) == normalize(b)


def test_version_is_a_string():
    assert isinstance(NORMALIZATION_VERSION, str) and NORMALIZATION_VERSION


def test_nfkc_full_width_and_ligatures():
    assert same("ＷｉＦｉ ２０２３", "WiFi 2023")
    assert same("ﬁnance", "finance")  # ﬁ ligature
    assert same("ﻻ إله", "لا إله")  # Arabic presentation form of lam-alef


def test_nfd_and_nfc_are_the_same_text():
    for text in ["café crème", "Běijīng Hángzhōu", "آن‌ها آمدند", "がぎぐげご"]:
        nfd = unicodedata.normalize("NFD", text)
        assert nfd != text
        assert same(text, nfd)


def test_case_folding():
    assert same("THE OLD LIGHTHOUSE", "the old lighthouse")
    assert same("Straße", "STRASSE")  # full case folding, not lower()
    assert same("ΟΔΟΣ", "οδος")  # final sigma folds like sigma


def test_bom_crlf_and_white_space():
    text = "کتابخانه‌های عمومی\nدر شهرهای کوچک"
    assert same("\ufeff" + text, text)
    assert same(text.replace("\n", "\r\n"), text)
    assert same("  کتابخانه‌های\t\tعمومی \u00a0در شهرهای\u3000کوچک  \n\n", text)
    assert normalize(" a \t b\r\n c ") == "a b c"


def test_white_space_inside_chinese_is_layout():
    assert same("西湖边的\n茶园", "西湖边的茶园")
    assert same("我用 Python 写代码", "我用Python写代码")
    assert not same("the old man", "theold man")  # but between English words it separates


@pytest.mark.parametrize(
    "with_format, without",
    [
        ("पुस्\u200cतक और बच्\u200cचे", "पुस्तक और बच्चे"),  # ZWNJ in Devanagari: a visible virama
        ("র\u200c্যাব", "র্যাব"),  # ZWNJ in Bengali (ra + ya-phala)
        ("അവന്\u200c ഒരു", "അവന് ഒരു"),  # ZWNJ in Malayalam (a visible chandrakkala)
        ("क्\u200dष", "क्ष"),  # ZWJ
        ("\u200fسلام\u200f \u200eWiFi\u200e", "سلام WiFi"),  # RLM, LRM
        ("light\u00adhouse", "lighthouse"),  # soft hyphen
        ("茶\u200b园", "茶园"),  # zero-width space
        ("\u202bنص\u202c", "نص"),  # bidi embedding
    ],
)
def test_format_characters_dropped(with_format, without):
    assert normalize(with_format) == normalize(without)


@pytest.mark.parametrize(
    "with_zwnj, with_space",
    [
        ("می\u200cخواهم", "می خواهم"),  # Persian verb prefix
        ("کتاب\u200cها", "کتاب ها"),  # Persian plural suffix
        ("هم\u200cکلاسی\u200cهایم", "هم کلاسی هایم"),  # two in one word
        ("خوب\u200cصورت ذمہ\u200cداری", "خوب صورت ذمہ داری"),  # Urdu compounds
        ("مرتب\u200cاند", "مرتب اند"),  # after a letter that joins, before one that does not
        ("کتابِ\u200cها", "کتاب ها"),  # a kasra (dropped) between the letter and the ZWNJ
        ("می\u200c خواهم", "می خواهم"),  # ZWNJ next to a space: one separator, not two
        ("می\u200c\u200c\u200cخواهم", "می خواهم"),  # repeated ZWNJ
        ("\u200cمی خواهم\u200c", "می خواهم"),  # at the start and the end
        ("می\u200f\u200cخواهم", "می خواهم"),  # an RLM (dropped) before it
        ("WiFi\u200cها ۱۴۰۲\u200cها", "WiFi ها ۱۴۰۲ ها"),  # next to one Arabic-script letter
    ],
)
def test_zwnj_in_arabic_script_separates_words(with_zwnj, with_space):
    # A keyboard without ZWNJ types a space there: the same text.
    assert normalize(with_zwnj) == normalize(with_space)
    assert " " in normalize(with_zwnj)


def test_zwnj_in_arabic_script_is_one_space_in_the_normalized_text():
    assert normalize("من می\u200cخواهم کتاب\u200cها را") == "من می خواهم کتاب ها را"


@pytest.mark.parametrize(
    "spellings",
    [
        ("می\u200cخواهم", "می خواهم", "میخواهم"),
        ("نمی\u200cروم", "نمی روم", "نمیروم"),
        ("کتاب\u200cها", "کتاب ها", "کتابها"),
        ("کتاب\u200cهایشان", "کتاب هایشان", "کتابهایشان"),
        ("آرام\u200cترین", "آرام ترین", "آرامترین"),
        ("بهترین\u200cها", "بهترین ها", "بهترینها"),  # two suffixes
        ("می\u200cمیرد", "می میرد", "میمیرد"),  # a verb that begins with می itself
    ],
)
def test_persian_prefix_and_suffixes_normalize_alike_however_joined(spellings):
    # With ZWNJ, with a space, or with nothing: people type all three. In a sentence holding a
    # letter only Persian writes (گ), as Persian text does.
    said = [f"او گفت {s} امروز" for s in spellings]
    assert len({normalize(s) for s in said}) == 1
    assert all(normalize(normalize(s)) == normalize(s) for s in said)
    assert normalize(said[2]).count(" ") > said[2].count(" ")


def test_words_that_only_look_affixed_are_split_in_every_copy():
    # "میز" (table) and "تنها" (alone) are split too, the same way in every Persian text.
    assert normalize("میز بزرگ") == normalize("می ز بزرگ") and normalize("تنها گفت") == normalize("تن ها گفت")
    assert normalize("میز بزرگ") != normalize("ها بزرگ")


def test_arabic_and_urdu_words_are_not_split_as_persian():
    # Arabic "فيها" (in it) and Urdu "میں" (in) look affixed to the Persian rule: not theirs.
    assert normalize("فيها كتاب") == "فیها کتاب"
    assert normalize("میں نے کتابیں پڑھیں") == "میں نے کتابیں پڑھیں"


def test_zwnj_elsewhere_joins_nothing_apart():
    # In Devanagari a ZWNJ only changes how letters are drawn: dropped, not a space.
    assert normalize(HI_ZWNJ) == normalize(HI)
    assert normalize(HI_ZWNJ) != normalize(spaced(HI_ZWNJ))
    assert normalize("a\u200cb") == "ab"


@pytest.mark.parametrize("text", [FA_ZWNJ, UR_ZWNJ], ids=["fa", "ur"])
def test_documents_typed_with_spaces_for_zwnj_normalize_alike(text):
    assert ZWNJ in text
    assert normalize(spaced(text)) == normalize(text)
    # A truly different word still makes a different text.
    changed = spaced(text).replace("کتاب", "دفتر", 1)
    assert changed != spaced(text) and normalize(changed) != normalize(text)


@pytest.mark.parametrize(
    "punctuated, plain",
    [
        ("سلام، دنیا؛ خوبی؟", "سلام دنیا خوبی"),
        ("你好。世界、朋友「再见」", "你好 世界 朋友 再见"),
        ("«Bonjour!» — dit-il…", "bonjour dit il"),
        ("Hello,world", "hello world"),
    ],
)
def test_punctuation_removed_by_category(punctuated, plain):
    assert normalize(punctuated) == normalize(plain)


def test_symbols_are_not_punctuation():
    assert normalize("£2.4 + 5%") == "£2 4 + 5"


@pytest.mark.parametrize(
    "digits",
    ["سال ۱۳۹۸", "سال ١٣٩٨", "सन १३९८", "ปี ๑๓๙๘", "سال 1398", "سال １３９８"],
)
def test_decimal_digits_of_every_script(digits):
    assert normalize(digits).endswith("1398")


def test_arabic_yeh_and_kaf():
    assert same("كتاب علي", "کتاب علی")  # ك ي -> ک ی
    assert same("على", "علی")  # alef maksura -> farsi yeh


def test_tatweel_and_harakat():
    assert same("کتـــابخانه", "کتابخانه")
    assert same("مُحَمَّدٌ", "محمد")
    assert same("الرَّحْمٰن", "الرحمن")  # superscript alef


def test_hamza_carriers_and_heh():
    assert same("أحمد إيران آب", "احمد ایران اب")
    assert same("خانۀ ما", "خانهٔ ما")  # heh with yeh above, heh + hamza above
    assert same("خانهٔ ما", "خانه ما")
    assert same("مسئول مؤسسه", "مسیول موسسه")


def test_other_scripts_marks_are_kept():
    # Devanagari vowel signs and Thai tone marks are letters' parts, not harakat.
    assert normalize("किताब") != normalize("कताब")
    assert normalize("ไม่") != normalize("ไม")


def test_empty_and_punctuation_only():
    assert normalize("") == ""
    assert normalize(" \n\t،。!? \ufeff") == ""


def test_idempotent_on_random_text():
    rng = random.Random(7)
    alphabet = "aZé ،؛؟。、ـًٌيكیکأۀ\u200c\u200d\u200f\u00ad۱٢3３茶园 ไม่\r\n\tﻻﬁपु्میهانترشنگے"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        once = normalize(text)
        assert normalize(once) == once
