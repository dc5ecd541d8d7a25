"""Language tagger: the corrections over plain langdetect, und, mixed documents, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

import lang_fixtures as F  # noqa: E402
from seedkeeper.lang import (  # noqa: E402
    DETECTOR_VERSION,
    LangResult,
    UnknownBackendError,
    detect_language,
    tag_many,
    warm_up,
)
from seedkeeper.lang.classify import classify  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED_DOC = os.path.join(ROOT, "seeds", "000_bd9696f674d5fbff.txt")


@pytest.fixture(scope="module", autouse=True)
def _warm():
    warm_up()


def test_public_api_shape():
    result = detect_language(F.SENTENCES["fr"][0])
    assert isinstance(result, LangResult)
    assert result.to_dict() == {"lang": "fr", "confidence": result.confidence}
    assert isinstance(DETECTOR_VERSION, str) and DETECTOR_VERSION
    assert 0.0 <= result.confidence <= 1.0
    assert round(result.confidence, 4) == result.confidence


@pytest.mark.skipif(not os.path.exists(SEED_DOC), reason="seed corpus not present")
def test_seed_document_is_persian_and_stable():
    with open(SEED_DOC, encoding="utf-8") as fh:
        text = fh.read()
    first = detect_language(text)
    assert first.lang == "fa"
    assert first.confidence > 0.8
    assert json.dumps(detect_language(text).to_dict()) == json.dumps(first.to_dict())


@pytest.mark.parametrize("text,expected", F.CORRECTIONS)
def test_corrections_over_plain_langdetect(text, expected):
    assert detect_language(text).lang == expected


@pytest.mark.parametrize("text", F.UND_CASES)
def test_featureless_or_too_short_text_is_und(text):
    result = detect_language(text)
    assert result == LangResult("und", 0.0)


def test_han_without_hangul_is_never_korean():
    # Plain langdetect tags most of these short Traditional sentences "ko".
    for text in F.SENTENCES["zh-Hant"]:
        assert detect_language(text).lang == "zh-Hant"
    for text in F.SENTENCES["zh-Hans"]:
        assert detect_language(text).lang == "zh-Hans"


def test_kana_means_japanese_and_hangul_means_korean():
    assert detect_language("今日は天気がいいので、公園まで散歩に行きました。").lang == "ja"
    assert detect_language("오늘은 날씨가 좋아서 공원까지 산책하러 갔어요.").lang == "ko"


def _overconfident(lang: str):
    """A stand-in model that is sure of the wrong answer, as langdetect can be."""

    def model(text, group, prior):
        from seedkeeper.lang.profiles import GROUPS

        return {code: (0.98 if code == lang else 0.02 / (len(GROUPS[group]) - 1)) for code in GROUPS[group]}

    return model


@pytest.mark.parametrize(
    "text,wrong,expected",
    [
        ("پدرم دیروز یک گربه کوچک به خانه آورد.", "ar", "fa"),  # peh, gaf, Persian words
        ("پدرم دیروز یک گربه کوچک به خانه آورد.", "ur", "fa"),
        ("زرت المدينة القديمة مع عائلتي.", "fa", "ar"),  # teh marbuta, al-
        ("وہ ٹرین سے گھر جا رہے ہیں اور شام تک پہنچیں گے۔", "fa", "ur"),  # tteh, yeh barree
        ("Моя бабуся зберігає всі листи у дерев'яній скриньці.", "ru", "uk"),  # ї є
        ("Ова година беше многу тешка за нашето семејство.", "bg", "mk"),
    ],
)
def test_letters_overrule_an_overconfident_model(text, wrong, expected):
    assert classify(text, _overconfident(wrong)).lang == expected


def test_close_pairs_tie_breakers():
    assert classify(F.SENTENCES["da"][5], _overconfident("no")).lang == "da"
    assert classify(F.SENTENCES["hr"][4], _overconfident("sl")).lang == "hr"  # ć
    assert classify(F.SENTENCES["cs"][1], _overconfident("sk")).lang == "cs"  # ř ě


def test_scripts_settle_single_script_languages():
    for lang in ("el", "he", "th"):
        for text in F.SENTENCES[lang][:3]:
            assert detect_language(text).lang == lang


def test_confidence_is_lower_for_short_text():
    short = detect_language(F.SENTENCES["en"][0])
    long = detect_language(" ".join(F.SENTENCES["en"]))
    assert short.lang == long.lang == "en"
    assert short.confidence < long.confidence


@pytest.mark.parametrize("text,main,other", F.MIXED)
def test_mixed_documents_report_other_languages(text, main, other):
    result = detect_language(text)
    assert result.lang == main
    assert other in dict(result.others)
    assert all(0.2 <= share <= 1.0 for _, share in result.others)
    assert result.to_dict()["others"][0]["lang"] == result.others[0][0]


def test_single_language_multi_paragraph_document_has_no_others():
    text = "\n\n".join(F.SENTENCES["no"] + F.SENTENCES["no"][:3])
    result = detect_language(text)
    assert result.lang == "no" and result.others == ()


def test_unknown_backend_is_a_clear_error():
    with pytest.raises(UnknownBackendError):
        detect_language("hello there, this is English text", backend="nope")
    with pytest.raises(UnknownBackendError):
        tag_many(["x"], backend="nope")


def test_tag_many_preserves_order_and_matches_single_calls_across_processes():
    texts = [t for t, _ in F.short_docs()[::4]] + [""] + [t for t, _, _ in F.MIXED]
    expected = [detect_language(t) for t in texts]
    assert tag_many(texts, jobs=1) == expected
    assert tag_many(texts, jobs=2) == expected
    assert tag_many(list(reversed(texts)), jobs=2) == list(reversed(expected))


def test_fresh_process_gives_byte_identical_results():
    texts = [t for t, _ in F.paragraph_docs()[::40]]
    here = json.dumps([r.to_dict() for r in tag_many(texts, jobs=1)], ensure_ascii=False)
    code = (
        "import json, sys; from seedkeeper.lang import tag_many; "
        "texts = json.load(sys.stdin); "
        "print(json.dumps([r.to_dict() for r in tag_many(texts, jobs=2)], ensure_ascii=False))"
    )
    env = dict(os.environ, PYTHONHASHSEED="123")
    out = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout.strip()
    assert out == here


def test_a_long_word_run_beside_an_e_mail_address_is_linear_time():
    """The e-mail pattern once retried from every position of a long run of word characters (a
    hex blob): 200 KB took minutes. Bounded parts keep it linear; the bound here is generous."""
    import secrets
    import time

    from seedkeeper.lang.textprep import clean_text

    text = "Contact: someone@example.com\n" + secrets.token_hex(100_000) + "\n"
    start = time.perf_counter()
    cleaned = clean_text(text)
    assert time.perf_counter() - start < 10
    assert "someone@example.com" not in cleaned


@pytest.mark.parametrize(
    ("text", "main", "other"),
    [
        # A paragraph of another script shorter than a chunk (60 letters) was merged into its
        # neighbour and read as its language: the document lost its "others".
        (
            "আমি বাংলায় গান গাই, তোমরা সবাই শোনো। আজ আকাশ খুব সুন্দর।\n\n"
            "This is an English paragraph about the weather in the city today, and about the people who live there.",
            "en",
            "bn",
        ),
        (
            "The weather in the city is fine today, and the people are out in the parks.\n\n"
            "Погода в городе сегодня хорошая, и люди гуляют в парках до самого вечера.",
            "ru",
            "en",
        ),
    ],
)
def test_a_short_paragraph_in_another_script_keeps_its_language(text, main, other):
    result = detect_language(text)
    assert result.lang == main and other in dict(result.others), result


def test_a_short_latin_source_line_in_a_persian_article_is_no_other_language():
    # Below MIN_SHARE of the letters: a credit line, not a second language of the document.
    text = "\n\n".join(F.SENTENCES["fa"]) + "\n\nSource: BBC News"
    result = detect_language(text)
    assert result.lang == "fa" and result.others == ()
