"""The words and spellings that tell close languages apart (markers.py, closepairs.py) and the
check of an answer against them after the vote (refine.py): each rule gives the right tag on
sentences written for this file, and "und" rather than a wrong tag where the text could be
either language."""

from __future__ import annotations

import pytest

from seedkeeper.lang import closepairs, detect_language, refine, warm_up
from seedkeeper.lang import serbocroatian as sh
from seedkeeper.lang.vote import Voices, Vote

SCANDINAVIAN = frozenset({"da", "no", "nn", "sv"})
IBERIAN = frozenset({"ca", "es", "gl", "pt"})
SHTOKAVIAN = frozenset({"bs", "hr", "sr-Latn", "sl"})
CZECH_SLOVAK = frozenset({"cs", "sk"})
ID_MS = frozenset({"id", "ms"})


@pytest.fixture(scope="module", autouse=True)
def _warm():
    warm_up()


def _leaders(text: str, group: frozenset[str]) -> set[str]:
    scores = closepairs.evidence(text, group)
    best = max(scores.values())
    return {lang for lang, score in scores.items() if score == best and best > 0}


def _vote(lang: str, rule: str, firsts: dict[str, str]) -> Vote:
    """A vote that answered `lang` by `rule`, each detector having put `firsts[name]` first."""
    return Vote(lang, 0.9, rule, tuple((name, ((top, 0.9),)) for name, top in firsts.items()))


# ---------------------------------------------------------------- a word counts for all its writers


def test_words_every_scandinavian_language_writes_are_no_evidence():
    # "eller" and "kunde" were Swedish markers; Danish and Norwegian write them as much.
    assert _leaders("Boolsk eller heltal, kunde eller bruger", SCANDINAVIAN) == {"da"}  # "bruger" alone
    assert set(closepairs.evidence("eller kunde eller", SCANDINAVIAN).values()) == {0.0}


def test_words_galician_shares_with_portuguese_or_spanish_name_no_single_language():
    # "do", "os", "é", "ou" are Portuguese and Galician; "-ción" and "ll" Spanish and Galician.
    assert _leaders("Este valor é menor ou igual ao máximo.", IBERIAN) == {"gl", "pt"}
    assert _leaders("Configuración de la pantalla", IBERIAN) == {"es"}  # "la" is no Galician
    # Bosnian and Serbian write the Croatian words that tell Croatian from Slovene.
    assert _leaders("Što može biti više od toga", SHTOKAVIAN) == {"bs", "hr", "sr-Latn"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Administración do servidor", "gl"),  # "-ción" (es, gl) and "do" (pt, gl)
        ("Xestión da biblioteca e dos usuarios", "gl"),
        ("Knjiga je v torbi, torba pa v avtu.", "sl"),  # Slovene "v" where the others write "u"
    ],
)
def test_the_one_language_every_marker_allows_survives(text, lang):
    group = next(g for g in closepairs.VOTE_GROUPS if lang in g)
    assert closepairs.survivor(text, group) == lang


@pytest.mark.parametrize(
    "text",
    [
        "Este valor é menor ou igual ao máximo.",  # Portuguese or Galician
        "Introduza un enteiro.",  # one marker only ("un": es, gl, ca)
        "Documentación de plantillas",  # Spanish or Galician
    ],
)
def test_no_survivor_where_two_languages_write_every_marker(text):
    assert closepairs.survivor(text, IBERIAN) is None


# ---------------------------------------------------------------- spellings


@pytest.mark.parametrize(
    ("text", "group", "leaders"),
    [
        ("Frihed og sikkerhed for alle", SCANDINAVIAN, {"da"}),  # Danish "-hed"
        ("Frihet og sikkerhet for alle", SCANDINAVIAN, {"no", "nn", "sv"}),  # "-het"
        ("Informasjon om versjonen", SCANDINAVIAN, {"no", "nn"}),  # Norwegian "-sjon"
        ("Høy og nøyaktig", SCANDINAVIAN, {"no", "nn"}),  # "øy" where Danish writes "øj"
        ("Høj og nøjagtig", SCANDINAVIAN, {"da"}),
        ("Hur mår du i kväll?", SCANDINAVIAN, {"sv"}),  # ä, å: Swedish letters, not æ / ø
        ("Odstraňovat a přesunout", CZECH_SLOVAK, {"cs"}),  # Czech "-ovat", "-nout"
        ("Odstrániť a presunúť", CZECH_SLOVAK, {"sk"}),  # Slovak "-iť", "-núť"
        ("Introduzca su nombre", IBERIAN, {"es"}),  # Spanish "zc"
        ("Ocurrió un problema", IBERIAN, {"es"}),  # the preterite "-ió" ("un": es, gl, ca)
        ("A situação das mulheres", IBERIAN, {"pt"}),  # "-ção"
        ("La informació dels usuaris", IBERIAN, {"ca"}),  # "-ció", "dels"
    ],
)
def test_spellings_one_language_of_a_group_writes(text, group, leaders):
    assert _leaders(text, group) == leaders


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Kredit a limit", CZECH_SLOVAK),  # loanwords both write, not Czech infinitives
        ("Hotel total digital", SCANDINAVIAN),
        ("Mesa grande", IBERIAN),
        ("Regió unió", IBERIAN),  # Catalan nouns in "-ió" are no Spanish preterites
    ],
)
def test_words_all_write_are_no_spelling_evidence(text, group):
    assert set(closepairs.evidence(text, group).values()) == {0.0}


def test_portuguese_a_grave_is_not_catalan():
    # Portuguese writes "à" (a + a): it no longer counts as a Catalan letter against Portuguese.
    assert closepairs.evidence("Vou à praia", frozenset({"ca", "pt"})) == {"ca": 0.0, "pt": 0.0}


# ---------------------------------------------------------------- the check after the vote


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # langdetect and CLD2 say Spanish, py3langid Galician: "-ción" and "do" allow Galician only.
        ("Configuración da conta", "gl"),
        ("Desinstalación do programa", "gl"),
    ],
)
def test_words_overturn_an_answer_they_rule_out(text, lang):
    result = detect_language(text)
    assert (result.lang, result.decided_by) == (lang, "close-words")


def test_an_answer_the_words_leave_open_is_und():
    # Portuguese and Galician write every word: the vote is left open rather than guessed.
    assert detect_language("Este valor é menor ou igual ao máximo permitido.").lang == "und"


def test_contradicted_answer_takes_a_named_language_or_und():
    text = "Frihed og sikkerhed er vigtige for enhver."  # Danish "-hed" twice
    voices = Voices({"da": 0.6, "no": 0.4}, {"no": 1.0}, True)
    named = _vote("no", "langdetect+cld2", {"langdetect": "no", "py3langid": "da", "cld2": "no"})
    assert refine.refine(text, named, voices).lang == "da"
    # Nobody named Danish: the words only say it is not Norwegian.
    unnamed = _vote("no", "agree", {"langdetect": "no", "py3langid": "no", "cld2": "sv"})
    assert refine.refine(text, unnamed, voices).lang == "und"
    # Words that do not contradict the answer leave it alone.
    plain = _vote("no", "agree", {"langdetect": "no", "py3langid": "no", "cld2": "da"})
    assert refine.refine("Jeg bor i et hus ved havet.", plain, voices) == plain


# ---------------------------------------------------------------- id / ms


def test_one_word_the_answers_standard_never_writes_gives_und():
    voices = Voices({"ms": 0.7, "id": 0.3}, {"ms": 1.0}, True)
    vote = _vote("ms", "reliable-pair", {"py3langid": "ms", "cld2": "ms"})
    # "bahwa" is Indonesian (Malay "bahawa"): not Malay, and one word does not make it Indonesian.
    result = refine.refine("Mereka menimbang bahwa jalan itu perlu diperbaiki segera.", vote, voices)
    assert (result.lang, result.rule) == ("und", "close-pair-undecided")
    # Two words ("bahwa", "karena") settle it; none leave the detectors' answer.
    assert refine.refine("Mereka menimbang bahwa jalan itu rusak karena hujan.", vote, voices).lang == "id"
    assert refine.refine("Mereka menimbang jalan itu perlu diperbaiki segera.", vote, voices) == vote


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Dia sedang berpikir tentang kesehatan keluarganya setiap hari.", "id"),  # "pikir", "sehat"
        ("Dia sedang berfikir tentang kesihatan keluarganya setiap hari.", "ms"),  # "fikir", "sihat"
        ("Pertemuan itu diadakan pada hari Senin tanggal delapan Agustus.", "id"),
        ("Mesyuarat itu diadakan pada hari Isnin lapan haribulan Ogos.", "ms"),
    ],
)
def test_spelling_pairs_of_the_two_standards(text, lang):
    result = detect_language(text)
    assert (result.lang, result.decided_by) == (lang, "close-pair")


# ---------------------------------------------------------------- yat


def test_more_yat_reflexes():
    assert sh.evidence("primenu zakona i slobodu savesti")[:2] == (0, 2)  # ekavian
    assert sh.evidence("primjenu zakona i slobodu savjesti")[:2] == (2, 0)  # ijekavian
    result = detect_language("Svako ima pravo na primenu zakona i slobodu savesti.")
    assert (result.lang, result.decided_by) == ("sr-Latn", "sh-yat")
    # Ijekavian is Croatian or Bosnian; nothing here says which.
    assert detect_language("Svako ima pravo na primjenu zakona i slobodu savjesti.").lang == "und"


# ---------------------------------------------------------------- letters the answer never writes


@pytest.mark.parametrize(
    ("text", "lang", "named"),
    [
        # Kurmanji ê, û; Azerbaijani ə: letters Turkish never writes.
        ("Zarok dikarin li baxçeyê bilîzin û pirtûkan bixwînin.", "ku", "ku"),
        ("Parolunuz uğurla dəyişdirildi və yadda saxlanıldı.", "az", "az"),
        # Luxembourgish ë, which German writes in a few names only.
        ("Mir hunn d'Bicher op den Dësch geluecht, ët ass gëschter geschitt.", "lb", "lb"),
    ],
)
def test_letters_a_language_never_writes_overturn_its_answer(text, lang, named):
    wrong = "tr" if lang in ("ku", "az") else "de"
    voices = Voices({named: 0.6, wrong: 0.4}, {wrong: 1.0}, True)
    vote = _vote(wrong, "langdetect+cld2", {"langdetect": wrong, "py3langid": named, "cld2": wrong})
    result = refine.refine(text, vote, voices)
    assert (result.lang, result.rule) == (lang, "close-words")  # every marker letter is the language's
    # The same vote on text of the answer's own language stands.
    own = "Çocuklar bahçede oynayabilir ve kitap okuyabilir." if wrong == "tr" else "Die Kinder lesen Bücher."
    assert refine.refine(own, vote, voices) == vote


def test_letters_without_a_detector_naming_their_language_give_und():
    voices = Voices({"tr": 0.9}, {"tr": 1.0}, True)
    vote = _vote("tr", "agree", {"langdetect": "tr", "py3langid": "tr", "cld2": "tr"})
    result = refine.refine("Zarok dikarin li baxçeyê bilîzin û pirtûkan bixwînin.", vote, voices)
    assert result.lang == "und"


def test_cebuano_words_against_a_tagalog_vote():
    # langdetect and py3langid cannot name Cebuano; "ug", "og" and "dili", "kini" are no Tagalog.
    for text in ("Ang mga bata nagdula sa tugkaran ug nagbasa og mga libro.", "Dili kini ang akong balay."):
        result = detect_language(text)
        assert (result.lang, result.decided_by) == ("ceb", "close-words")
    # Tagalog ("hindi", "ito") stays Tagalog.
    assert detect_language("Hindi ito ang aking bahay.").lang == "tl"


def test_bosnian_or_serbian_words_do_not_pick_one_of_the_two_for_torn_detectors():
    text = "Dozvoljena su samo slova i cifre."  # "cifre": Bosnian or Serbian, not Croatian
    torn = {"bs": 0.45, "sr-Latn": 0.40, "hr": 0.15}
    sure = {"bs": 0.80, "sr-Latn": 0.10, "hr": 0.10}
    assert sh.settle(text, "bs", torn) == ("und", "sh-undecided")
    assert sh.settle(text, "bs", sure) is None
    assert sh.settle(text, "hr", sure) == ("und", "sh-undecided")


def test_one_stray_word_does_not_overturn_a_longer_text():
    # Every marker here is written by Galician; all but the English "do" by Spanish as well.
    text = "Instalación con conexión en un servidor nuevo: do it now."
    assert closepairs.survivor(text, IBERIAN) == "gl"
    assert closepairs.against(text, IBERIAN, "es") < refine.CONTRADICT_SHARE
    voices = Voices({"es": 0.6, "gl": 0.4}, {"es": 1.0}, True)
    vote = _vote("es", "reliable-pair", {"py3langid": "es", "cld2": "es"})
    assert refine.refine(text, vote, voices) == vote
    # Two words of four against Spanish are a contradiction.
    assert closepairs.against("Instalación do sitio", IBERIAN, "es") == 0.5


@pytest.mark.parametrize(
    ("text", "leaders"),
    [
        ("Mereka berfikir tentang perkahwinan dan kesihatan.", {"ms"}),  # affixed stems
        ("Mereka berpikir tentang perkawinan dan kesehatan.", {"id"}),
        ("Kualiti dan aktiviti di universiti", {"ms"}),  # "-iti" / "-itas"
        ("Kualitas dan aktivitas di universitas", {"id"}),
    ],
)
def test_malay_and_indonesian_spell_stems_and_endings_differently(text, leaders):
    assert _leaders(text, ID_MS) == leaders


def test_words_both_standards_spell_alike_are_no_evidence():
    # "teliti" (careful) is no "-iti" noun; "pemikiran" is written by both.
    assert set(closepairs.evidence("Dia meneliti pemikiran itu dengan teliti.", ID_MS).values()) == {0.0}


def test_split_detectors_and_words_against_the_answer_leave_it_open():
    text = "Prisen er mindre enn i fjor."  # "enn": Norwegian, never Danish (one word only)
    voices = Voices({"da": 0.5, "no": 0.4}, {"nn": 1.0}, True)
    split = _vote("da", "agree", {"langdetect": "da", "py3langid": "da", "cld2": "nn"})
    result = refine.refine(text, split, voices)
    assert (result.lang, result.rule) == ("und", "close-contradicted")
    # No detector named another language of the group: one word does not overturn three.
    agreed = _vote("da", "agree", {"langdetect": "da", "py3langid": "da", "cld2": "da"})
    assert refine.refine(text, agreed, voices) == agreed
