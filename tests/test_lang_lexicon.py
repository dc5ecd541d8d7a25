"""Word frequencies (lexicon.py, wordfreq's lists) as the arbiter between Indonesian and Malay,
and between Danish and Norwegian: they settle torn detectors and overturn a contradicted
Danish/Norwegian answer; words both standards write, and names, decide nothing. The sentences
were written for this file."""

from __future__ import annotations

import pytest

from seedkeeper.lang import detect_language, lexicon, refine, warm_up
from seedkeeper.lang.vote import Voices, Vote

ID_MS = frozenset({"id", "ms"})
DA_NO = frozenset({"da", "no"})


@pytest.fixture(scope="module", autouse=True)
def _warm():
    warm_up()


def test_indonesian_and_malay_words_weigh_each_their_way():
    # harus / hendaklah, pengadilan / mahkamah, efektif / berkesan.
    assert lexicon.log_odds("harus ke pengadilan yang efektif", "id", "ms") >= 4
    assert lexicon.log_odds("hendaklah ke mahkamah yang berkesan", "id", "ms") <= -4


def test_norwegian_and_danish_words_weigh_each_their_way():
    assert lexicon.log_odds("brukeren finnes ikke lenger", "no", "da") >= 3
    assert lexicon.log_odds("brugeren findes ikke længere", "no", "da") <= -3


def test_names_and_shared_words_weigh_nothing():
    # Capitalised words are names ("Kuala Lumpur", "Wang"); "setiap orang berhak" both write.
    assert lexicon.log_odds("Kuala Lumpur Wang Karena Bahawa", "id", "ms") == 0.0
    assert lexicon.log_odds("setiap orang berhak", "id", "ms") == 0.0


def test_one_word_never_outweighs_more_than_its_cap():
    # "kerana" is ~80 times more frequent in Malay: capped, one word is no more than CLIP.
    assert lexicon.log_odds("kerana", "id", "ms") == -lexicon.CLIP


def test_decide_needs_the_margin_and_a_known_pair():
    text = "pendidikan harus diarahkan pada perkembangan pribadi"
    assert lexicon.decide(text, ID_MS, 2.0) == "id"
    assert lexicon.decide(text, ID_MS, 100.0) is None
    assert lexicon.decide(text, frozenset({"hr", "bs"}), 2.0) is None  # one "sh" list: no pair
    assert not lexicon.covers(frozenset({"id", "ms", "jv"}))


@pytest.mark.parametrize(
    "text",
    [
        "Pendidikan harus diarahkan pada perkembangan pribadi anak.",
        "Keluarga adalah kesatuan alamiah dari masyarakat.",
        "Setiap orang berhak mendapat perlindungan dari pengadilan nasional.",
    ],
)
def test_indonesian_the_detectors_are_torn_on_is_settled_by_its_words(text):
    result = detect_language(text)
    assert (result.lang, result.decided_by) == ("id", "lexicon"), result.to_dict(explain=True)


def test_malay_the_detectors_are_torn_on_is_settled_by_its_words():
    result = detect_language("Semua orang adalah sama di sisi undang-undang.")
    assert (result.lang, result.decided_by) == ("ms", "lexicon"), result.to_dict(explain=True)


@pytest.mark.parametrize(
    "text",
    [
        # Both standards write every word; small frequency differences are no evidence.
        "Setiap orang berhak bekerja dan memilih pekerjaan dengan bebas.",
        "Warga negara berhak mencari suaka di negeri lain.",
        "Kami pergi ke pasar pada pagi hari.",
    ],
)
def test_text_both_standards_write_stays_und(text):
    result = detect_language(text)
    assert (result.lang, result.decided_by) == ("und", "close-pair-undecided")


def _vote(lang: str, rule: str, tops: tuple[str, ...]) -> Vote:
    candidates = tuple((name, ((top, 0.9),)) for name, top in zip(("langdetect", "py3langid", "cld2"), tops))
    return Vote(lang, 0.9 if lang != "und" else 0.0, rule, candidates)


def test_a_danish_answer_norwegian_words_contradict_is_norwegian():
    voices = Voices({"da": 0.6, "no": 0.4}, {"da": 1.0}, True)
    outcome = refine.refine(
        "Brukeren finnes ikke lenger, og passordet ditt er endret.", _vote("da", "agree", ("da",) * 3), voices
    )
    assert (outcome.lang, outcome.rule) == ("no", "lexicon")


def test_a_danish_answer_its_own_words_support_stays_danish():
    voices = Voices({"da": 0.6, "no": 0.4}, {"da": 1.0}, True)
    outcome = refine.refine(
        "Brugeren findes ikke længere, og din adgangskode er ændret.", _vote("da", "agree", ("da",) * 3), voices
    )
    assert (outcome.lang, outcome.rule) == ("da", "agree")


def test_a_malay_answer_is_not_overturned_by_word_frequencies():
    # py3langid and CLD2 agreeing on Malay: frequencies never overturn them (only torn votes).
    voices = Voices({"ms": 0.9, "id": 0.1}, {"ms": 1.0}, True)
    text = "Pendidikan harus diarahkan pada perkembangan pribadi anak."
    outcome = refine.refine(text, _vote("ms", "reliable-pair", ("ms", "ms")), voices)
    assert outcome.lang == "ms"


def test_a_vote_left_open_between_the_pair_is_settled_by_the_words():
    voices = Voices({"ms": 0.5, "id": 0.5}, {"id": 1.0}, True)
    text = "Mahkamah hendaklah memberi perlindungan yang berkesan kepada setiap orang."
    outcome = refine.refine(text, _vote("und", "disagreement", ("id", "ms", "id")), voices)
    assert (outcome.lang, outcome.rule) == ("ms", "lexicon")


def test_lexicon_tags_are_deterministic_across_calls():
    texts = ["Keluarga adalah kesatuan alamiah dari masyarakat.", "Semua orang adalah sama di sisi undang-undang."]
    first = [detect_language(t).to_dict(explain=True) for t in texts]
    assert [detect_language(t).to_dict(explain=True) for t in reversed(texts)][::-1] == first


# ---------------------------------------------------------------- mk / sr-Cyrl


def test_serbian_cyrillic_is_read_against_the_latin_serbo_croatian_list():
    # wordfreq's "sh" list is in Latin letters: "који", "објекат" are found as "koji", "objekat".
    assert lexicon.log_odds("који објекат", "mk", "sr-Cyrl") <= -4
    assert lexicon.log_odds("кој објект", "mk", "sr-Cyrl") >= 4
    # A letter Serbian never writes makes no Serbian word ("ќе": Macedonian "will").
    assert lexicon._frequency("sr-Cyrl", "ќе") == 0.0


def test_serbian_cyrillic_the_detectors_call_macedonian_is_serbian():
    result = detect_language("Сачувај и додај нови објекат")
    assert (result.lang, result.decided_by) == ("sr-Cyrl", "lexicon"), result.to_dict(explain=True)


@pytest.mark.parametrize(
    "text",
    [
        "Секој човек има право на образование.",
        "Внесете валидна вредност.",
        "Ова поле е задолжително.",
        "Корисникот нема дозвола да го измени овој објект.",
        "Зачувај и додади нов објект",
    ],
)
def test_macedonian_stays_macedonian(text):
    assert detect_language(text).lang == "mk"


def test_the_lists_read_directly_are_wordfreqs_own(monkeypatch):
    import importlib.util

    direct = lexicon._buckets("ms")
    # Without the package's folder (another layout), wordfreq's own reader gives the same lists.
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    assert lexicon._buckets("ms") == direct
    assert any("kerana" in bucket for bucket in direct)


@pytest.mark.parametrize(
    "text",
    [
        # Danish and Norwegian Bokmål write this alike; so do Macedonian and Serbian ("Скопје" is a
        # name, which weighs nothing).
        "Hun er lærer i en skole.",
        "Град Скопје",
    ],
)
def test_text_both_write_stays_und_in_the_other_pairs(text):
    result = detect_language(text)
    assert result.lang == "und", result.to_dict(explain=True)
    tops = {top[0][0] for _, top in result.candidates if top}
    assert lexicon.covers(tops)  # the pair was weighed, and the words did not lead
