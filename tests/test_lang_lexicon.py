"""Word frequencies (lexicon.py, wordfreq's lists) as the arbiter between Indonesian and Malay,
and between Danish and Norwegian: they settle torn detectors and overturn a contradicted
Danish/Norwegian answer; words both standards write, and names, decide nothing. The sentences
were written for this file."""

from __future__ import annotations

import math

import pytest

from seedkeeper.lang import detect_language, lexicon, refine, warm_up, wordlists
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
    # A capitalised word inside a sentence is a name: "Kerana" there weighs nothing, though the
    # word "kerana" is Malay's (~80 times more frequent than in Indonesian).
    assert lexicon.log_odds("kata Kerana itu", "id", "ms") == lexicon.log_odds("kata itu", "id", "ms")
    assert lexicon.log_odds("kata kerana itu", "id", "ms") < 0
    # Words both standards write about as often (within SHARED) weigh nothing either.
    assert lexicon.log_odds("setiap orang berhak", "id", "ms") == 0.0


def test_a_capital_is_a_name_even_at_the_start_but_a_shouted_text_is_words():
    # "Tromsø", "Kelantan:", "Jakarta" begin sentences as often as words do: a capital never counts.
    assert lexicon.log_odds("Kerana itu", "id", "ms") == lexicon.log_odds("itu", "id", "ms") == 0.0
    assert lexicon.log_odds("KERANA ITU", "id", "ms") == lexicon.log_odds("kerana itu", "id", "ms") < 0
    result = detect_language("Tromsø var i går vært for et stort møde om klimaet.")
    assert result.lang == "da", result.to_dict(explain=True)
    assert detect_language("Kelantan: Kami pergi ke pasar pada pagi hari.").lang == "und"


def test_each_word_counts_once_and_reduplication_is_one_word():
    assert lexicon.log_odds("kerana kerana kerana", "id", "ms") == lexicon.log_odds("kerana", "id", "ms")
    # "undang-undang" is one word (Indonesian writes it as often as Malay): not two of "undang".
    assert lexicon._words("di sisi undang-undang") == {"di", "sisi", "undang-undang"}
    # wordfreq splits at hyphens: the word weighs as its part, once.
    assert lexicon._frequency("ms", "undang-undang") == lexicon._frequency("ms", "undang") > 0


def test_decomposed_text_weighs_as_composed():
    import unicodedata

    text = "vi håper du har fått svar på spørsmålet"
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text and lexicon.log_odds(nfd, "no", "da") == lexicon.log_odds(text, "no", "da") > 2
    # The letters that veto a language are read composed too.
    serbian_naming_a_macedonian = unicodedata.normalize(
        "NFD", "Пријатељ ми је рекао да ће Ѓорѓи доћи сутра у осам сати."
    )
    assert lexicon.decide(serbian_naming_a_macedonian, {"mk", "sr-Cyrl"}, 0.1) != "sr-Cyrl"


def test_one_word_never_outweighs_more_than_its_cap():
    # "kerana" is ~80 times more frequent in Malay: capped, one word is no more than CLIP.
    assert lexicon.log_odds("kerana", "id", "ms") == -lexicon.CLIP


def test_only_the_three_pairs_are_weighed():
    assert all(lexicon.covers(pair) for pair in lexicon.PAIRS)
    # Any two languages with lists are not a pair: Indonesian against Danish means mixed text.
    assert not lexicon.covers({"id", "da"}) and not lexicon.covers({"no", "mk"})
    assert lexicon.decide("terima kasih banyak, hvad hedder du", {"id", "da"}, 0.1) is None


def test_latin_words_weigh_nothing_between_macedonian_and_serbian():
    # "facebook" is in the Macedonian list; in Latin letters it is looked up nowhere for Serbian.
    assert lexicon.log_odds("facebook youtube email", "mk", "sr-Cyrl") == 0.0
    result = detect_language("Пронађи нас на facebook страници")
    assert result.lang == "sr-Cyrl", result.to_dict(explain=True)


def test_a_letter_one_language_never_writes_vetoes_the_words():
    # ѕ is Macedonian only: whatever "око" and "горе" weigh, this is not Serbian.
    text = "Ѕвездите горе се мали, а око не гледа."
    assert lexicon.decide(text, {"mk", "sr-Cyrl"}, 0.1) != "sr-Cyrl"
    assert detect_language(text).lang == "mk"
    # ђ and ћ are Serbian only: Macedonian-leaning words do not make this Macedonian.
    text = "Ова е ђак кој ќе дојде."
    assert lexicon.log_odds(text, "mk", "sr-Cyrl") > 0.1 and lexicon.decide(text, {"mk", "sr-Cyrl"}, 0.1) is None


def test_one_word_both_standards_write_never_overturns_agreeing_detectors():
    # "kult" is ~20 times more frequent in Norwegian, but Danish writes it: no overturn. A word
    # the other list lacks entirely ("møtte") may overturn alone.
    assert lexicon.decide("det er en kult film fra halvfjerdserne", {"da", "no"}, 3.0, overturn=True) is None
    assert detect_language("Det er en kult film fra halvfjerdserne.").lang == "da"
    assert lexicon.decide("schröder møtte putin i moskva", {"da", "no"}, 3.0, overturn=True) == "no"


@pytest.mark.parametrize("text", ["Filnummeret er mindre enn 1", "Portnummeret er mindre enn 1024"])
def test_a_word_the_other_list_holds_only_as_noise_overturns_alone(text):
    # Danish writes "end"; its list holds Norwegian "enn" ~1,200 times more rarely than the
    # Norwegian list (noise): langdetect and py3langid say Danish, the word says Norwegian.
    assert math.log(lexicon._frequency("no", "enn") / lexicon._frequency("da", "enn")) >= lexicon.NOISE
    result = detect_language(text)
    assert (result.lang, result.decided_by) == ("no", "lexicon")


def test_noise_words_do_not_overturn_against_the_answers_own_words():
    # "brugere" is Danish (Norwegian "brukere"): one Norwegian "enn" is no lead then.
    assert lexicon.decide("der er flere enn 10 brugere", {"da", "no"}, 3.0, overturn=True) is None
    assert detect_language("Der er flere enn 10 brugere.").lang == "da"
    # "tall" is ~50 times more frequent in Norwegian, but Danish writes it: not noise.
    assert lexicon.decide("skriv et tall her", {"da", "no"}, 3.0, overturn=True) is None


def test_the_allow_list_settles_macedonian_and_serbian_too():
    from seedkeeper.lang.allowed import settle_allowed

    record = detect_language("Сачувај и додај нови објекат").to_dict(explain=True)
    assert (record["lang"], record["decided_by"]) == ("sr-Cyrl", "lexicon")
    assert settle_allowed(record, ("mk", "en"))["lang"] == "mk"


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
    ],
)
def test_indonesian_the_detectors_are_torn_on_is_settled_by_its_words(text):
    result = detect_language(text)
    assert (result.lang, result.decided_by) == ("id", "lexicon"), result.to_dict(explain=True)


def test_malay_the_detectors_are_torn_on_is_settled_by_its_words():
    # Every word but "senarai" both standards write about as often; "senarai" is Malay's.
    result = detect_language("Ini senarai buku baru perpustakaan yang diumumkan setiap bulan.")
    assert (result.lang, result.decided_by) == ("ms", "lexicon"), result.to_dict(explain=True)


@pytest.mark.parametrize("text", ["kerana", "buat apa", "pergi ke sekolah", "на линк"])
def test_fragments_keep_their_own_rules(text):
    # Text shorter than a sentence is tagged only when the detectors agree (vote.py).
    assert detect_language(text).decided_by != "lexicon"


def test_the_allow_list_settles_what_word_frequencies_answered():
    from seedkeeper.lang.allowed import settle_allowed

    record = {
        "lang": "ms",
        "confidence": 0.3,
        "decided_by": "lexicon",
        "candidates": {
            "langdetect": [{"lang": "id", "score": 1.0}],
            "py3langid": [{"lang": "ms", "score": 0.51}, {"lang": "id", "score": 0.48}],
            "cld2": [{"lang": "id", "score": 1.0}],
        },
        "ruled_out": [],
    }
    settled = settle_allowed(record, ("id", "en"))
    assert (settled["lang"], settled["decided_by"]) == ("id", "allowed-in-group")
    assert settle_allowed(record, ("ms",)) == record  # the allow-list agrees: kept as it was
    assert settle_allowed(record, ("de",)) == record


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


def test_the_lists_are_read_without_importing_wordfreq():
    import subprocess
    import sys

    code = (
        "import sys; from seedkeeper.lang import lexicon; d = lexicon._frequencies('ms');"
        "print(len(d) > 10000, 'kerana' in d, 'wordfreq' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "True", "False"]


def test_a_broken_install_stops_the_run_and_is_never_cached_as_a_tag(monkeypatch, tmp_path):
    import importlib.util

    from seedkeeper.corpus.analysis import language_of
    from seedkeeper.errors import DetectorDataError

    wordlists.frequencies.cache_clear()
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    try:
        with pytest.raises(DetectorDataError):
            wordlists._buckets("ms")
        with pytest.raises(DetectorDataError):
            language_of("Pendidikan harus diarahkan pada perkembangan pribadi anak.")
    finally:
        monkeypatch.undo()
        wordlists.frequencies.cache_clear()


def test_a_truncated_list_is_a_broken_install(monkeypatch, tmp_path):
    import importlib.util
    from types import SimpleNamespace

    from seedkeeper.errors import DetectorDataError

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "small_ms.msgpack.gz").write_bytes(b"\x1f\x8b\x08\x00")  # a gzip header, cut off
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: SimpleNamespace(submodule_search_locations=[tmp_path])
    )
    with pytest.raises(DetectorDataError, match="reinstall wordfreq"):
        wordlists._buckets("ms")


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


# Paragraphs written for these tests, in the formal register of a legal text.
_INDONESIAN_PARAGRAPH = (
    "Setiap orang berhak atas pendidikan yang efektif. Pengadilan nasional harus melindungi hak "
    "tersebut tanpa pembedaan apa pun. Pemerintah wajib menyediakan sekolah dasar secara gratis, "
    "dan orang tua berhak memilih jenis pendidikan bagi anak-anak mereka. Tidak seorang pun boleh "
    "ditangkap atau dibuang secara sewenang-wenang oleh polisi."
)
_MALAY_PARAGRAPH = (
    "Setiap orang berhak mendapat pendidikan yang berkesan. Mahkamah hendaklah melindungi hak "
    "tersebut tanpa sebarang pembezaan. Kerajaan wajib menyediakan sekolah rendah secara percuma, "
    "dan ibu bapa berhak memilih jenis pendidikan bagi kanak-kanak mereka. Tiada sesiapa pun boleh "
    "ditangkap atau dibuang negeri sewenang-wenangnya oleh polis."
)


def test_a_paragraph_the_detectors_call_malay_is_indonesian_when_its_words_say_so():
    # py3langid and CLD2 call formal Indonesian Malay; on a paragraph the words outweigh them.
    voices = Voices({"ms": 0.9, "id": 0.1}, {"ms": 1.0}, True)
    outcome = refine.refine(_INDONESIAN_PARAGRAPH, _vote("ms", "reliable-pair", ("ms", "ms")), voices)
    assert (outcome.lang, outcome.rule) == ("id", "lexicon")


def test_a_malay_paragraph_stays_malay_and_a_sentence_keeps_its_vote():
    voices = Voices({"ms": 0.9, "id": 0.1}, {"ms": 1.0}, True)
    outcome = refine.refine(_MALAY_PARAGRAPH, _vote("ms", "reliable-pair", ("ms", "ms")), voices)
    assert outcome.lang == "ms"
    # One sentence of the Indonesian paragraph is no paragraph: the detectors' answer stands.
    sentence = _INDONESIAN_PARAGRAPH.split(". ")[0] + "."
    outcome = refine.refine(sentence, _vote("ms", "reliable-pair", ("ms", "ms")), voices)
    assert outcome.lang == "ms"


def test_an_indonesian_paragraph_is_tagged_id_end_to_end():
    assert detect_language(_INDONESIAN_PARAGRAPH).lang == "id"
    assert detect_language(_MALAY_PARAGRAPH).lang == "ms"


def test_a_malay_paragraph_with_malay_only_spellings_is_not_turned_indonesian():
    # "bahawa" and "kerana" are never Indonesian; a few words Indonesian writes more often
    # ("pemerintah", "kantor", "terbatas") do not outweigh them (reported by a review).
    text = (
        "Menteri itu berkata bahawa rakyat perlu bersabar kerana kerajaan sedang berusaha keras. "
        "Beliau berkata anggaran pemerintah negeri sangat terbatas dan kantor daerah belum siap "
        "sepenuhnya. Beliau menambah bahawa kerajaan akan terus memantau keadaan di seluruh negeri."
    )
    voices = Voices({"ms": 0.9, "id": 0.1}, {"ms": 1.0}, True)
    assert refine.refine(text, _vote("ms", "close-pair", ("id", "ms", "ms")), voices).lang == "ms"
    assert detect_language(text).lang == "ms"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Грешка при записа на файла", "bg"),
        ("Настройки на клавиатурата", "bg"),
        ("Неуспешно отваряне на файла", "bg"),
        ("Грешка при читање на датотеката", "mk"),
        ("помилка під час читання", "uk"),
        ("Ошибка при чтении файла конфигурации", "ru"),
        # Ordinary Bulgarian whose one word ("обновления") only the larger Russian list holds:
        # not Russian (a review found these turned ru when ru/bg was a lexicon pair).
        ("Автоматично инсталиране на обновления", "bg"),
        ("Изтегляне на обновления", "bg"),
        ("неправилен брой аргументи", "bg"),
    ],
)
def test_cyrillic_sentences_the_detectors_get_right_keep_their_tag(text, lang):
    assert detect_language(text).lang == lang


def test_a_letter_the_alphabet_lacks_rules_macedonian_out_of_the_word_vote():
    # The words lean Macedonian, but "я" is no Macedonian letter (nor Serbian).
    assert lexicon.decide("поставки на тастатурата и јазикот", {"sr-Cyrl", "mk"}, 0.5) == "mk"
    assert lexicon.decide("поставки на тастатурата и јазикот я", {"sr-Cyrl", "mk"}, 0.5) != "mk"


@pytest.mark.parametrize(
    "text",
    [
        # Russian and Ukrainian that langdetect and py3langid split between Macedonian and
        # Bulgarian: the two lists they named say nothing against a third language.
        "Нет такого файла или каталога.",
        "Встановити атрибут файла",
    ],
)
def test_detectors_torn_between_two_cyrillic_neighbours_do_not_make_a_third_one_of_them(text):
    assert detect_language(text).lang not in {"bg", "mk"}


def test_ukrainian_without_its_own_letters_is_told_from_russian_by_its_words():
    # No і, ї, є or ґ: langdetect and py3langid say Russian; the words are Ukrainian.
    assert detect_language("не вдалося прочитати файл сервера").lang == "uk"
    assert detect_language("не удалось прочитать файл сервера").lang == "ru"
    # "ў" is Belarusian: neither list may claim the text.
    assert lexicon.decide("не вдалося прочитати файл сервера ў", {"ru", "uk"}, 0.5) is None


def test_one_russian_form_in_ukrainian_software_text_does_not_make_it_russian():
    # Ukrainian translations write the genitive "файла": one word leaning Russian is not enough.
    assert lexicon.decide("%s: некоректний тип файла", {"ru", "uk"}, 2.0) is None
    assert detect_language("%s: некоректний тип файла").lang != "ru"
