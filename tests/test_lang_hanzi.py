"""Kanji without kana: Japanese or Chinese, and which Chinese (lang/hanzi.py, classify.py)."""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path

import msgpack
import pytest
import wordfreq

from seedkeeper.lang import detect_language
from seedkeeper.lang.hanzi import CHINESE_NOT_JAPANESE, CHINESE_SIGNS, JAPANESE_ONLY, JAPANESE_TOO
from seedkeeper.lang.hanzi_variants import SIMPLIFIED_ONLY, TRADITIONAL_ONLY


@pytest.mark.parametrize(
    "text",
    [
        "横浜",  # 横 is Simplified and Japanese alike, 浜 Japanese and Chinese (张家浜)
        "東京",  # 東 is Traditional and Japanese alike
        "国際",
        "学校",
        "国際的",  # 的: Japanese writes it as a suffix
        "主鍵 的 物件不存在。",
        # However many kanji: Japanese addresses, names and lists of places have no kana either.
        "東京、大阪、京都、横浜、名古屋、神戸",
        "東京 横浜 千葉 埼玉 茨城 栃木 群馬",
        "東京大学大学院医学系研究科",
        "独立行政法人国際協力機構東京本部",
        "東京都千代田区永田町一丁目七番一号国会議事堂",
    ],
)
def test_kanji_japanese_writes_too_get_no_chinese_variant(text):
    result = detect_language(text)
    assert (result.lang, result.decided_by) == ("und", "han-ja-or-zh")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("中国的首都是北京", "zh-Hans"),  # 国 is shared with Japanese; 是 is Chinese
        ("各嵌套陣列長度必須相同。", "zh-Hant"),  # 嵌, 套: no Japanese word writes them
        ("輸入有效的時間長。", "zh-Hant"),  # 效 (Japanese writes 効)
        ("這是台灣", "zh-Hant"),
        ("你们学校很大", "zh-Hans"),
        ("東京は日本の首都です。", "ja"),
    ],
)
def test_chinese_with_a_sign_of_chinese_keeps_its_variant(text, lang):
    assert detect_language(text).lang == lang


@pytest.mark.parametrize("text", ["人間は、理", "本当に選", "社会の各個", "諸国間の友好関"])
def test_kanji_with_one_kana_ending_is_japanese(text):
    # One kana and nothing only Chinese writes: these fragments were tagged zh-Hans / zh-Hant.
    assert detect_language(text).lang == "ja"


def test_a_kana_in_chinese_text_does_not_make_it_japanese():
    # The Chinese signs win over one borrowed "の" (a shop name in Chinese advertising).
    assert detect_language("我们的の店很好").lang == "zh-Hans"


def _japanese_character_frequencies() -> Counter:
    """Each character's summed word frequency in wordfreq's Japanese list (its cBpack format)."""
    path = Path(wordfreq.__file__).parent / "data" / "small_ja.msgpack.gz"
    _header, *buckets = msgpack.unpackb(gzip.open(path).read(), raw=False)
    freqs: Counter = Counter()
    for index, bucket in enumerate(buckets):
        for word in bucket:
            for ch in set(word):
                freqs[ch] += 10.0 ** (-index / 100)
    return freqs


def test_the_tables_agree_with_the_japanese_word_list_they_were_read_from():
    freqs = _japanese_character_frequencies()
    assert all(freqs[ch] >= 3e-5 for ch in JAPANESE_TOO), sorted(ch for ch in JAPANESE_TOO if freqs[ch] < 3e-5)
    # ... and it holds every character of the variant tables that Japanese writes that often.
    variants = SIMPLIFIED_ONLY | TRADITIONAL_ONLY
    assert sorted(ch for ch in variants if freqs[ch] >= 3e-5 and ch not in JAPANESE_TOO) == []
    assert all(freqs[ch] < 1e-6 for ch in CHINESE_NOT_JAPANESE), sorted(
        ch for ch in CHINESE_NOT_JAPANESE if freqs[ch] >= 1e-6
    )
    # A Japanese-only form is never also a sign of Chinese.
    assert not (JAPANESE_ONLY & (CHINESE_NOT_JAPANESE | CHINESE_SIGNS))
