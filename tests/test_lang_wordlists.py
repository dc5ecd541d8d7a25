"""Word lists as a fourth voice on fragments the detectors split on (lang/wordlists.py).

The fragments are our own; which detector says what is read from the result, so a test fails
if the detectors stop splitting (the rule would then not be what decided).
"""

from __future__ import annotations

import pytest

from seedkeeper.lang import detect_language, wordlists


def _firsts(result) -> set[str]:
    return {top[0][0] for _, top in result.candidates if top}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Merci beaucoup madame", "fr"),  # langdetect ca, py3langid fr, CLD2 en
        ("Tusen takk", "no"),  # langdetect and py3langid fi, CLD2 no
        ("Изменить пароль", "ru"),  # CLD2 silent: no pair to lean on
        ("Сачувај измене", "sr-Cyrl"),  # langdetect and py3langid mk, CLD2 sr-Cyrl
        ("Избриши ја", "mk"),
        ("نام کاربری", "fa"),  # py3langid ur
        ("صارف نام", "ur"),  # langdetect fa, py3langid ar, CLD2 ur
    ],
)
def test_the_words_settle_a_split_vote(text, lang):
    result = detect_language(text)
    assert (result.lang, result.decided_by) == (lang, "word-lists-short"), result.to_dict(explain=True)
    # The detectors did split (or one was silent): no vote rule could answer.
    assert len(_firsts(result)) > 1 or sum(1 for _, top in result.candidates if top) < 3


@pytest.mark.parametrize(
    "text",
    [
        "Geen week",  # Dutch words, and Afrikaans ones: py3langid's runner-up is af, which has no list
        "Bir saat",  # Turkish and Azerbaijani alike; az has no list
        "Unha casa grande",  # Galician, named first by two detectors: no list speaks for it
        "Guardar cambios",  # Spanish to the lists, but py3langid says Galician
        "Datoteka nije",  # Croatian, Bosnian or Serbian: one "sh" list, no answer
        "Ne, vrati me",
        "Видалити обране",  # Ukrainian, which no detector names first: the lists do not guess it
        "Град Скопје",  # a name weighs nothing: one word is left
    ],
)
def test_a_fragment_the_lists_cannot_settle_stays_und(text):
    result = detect_language(text)
    assert result.lang == "und", result.to_dict(explain=True)
    assert len(_firsts(result)) > 1


def test_the_rule_itself():
    # Spanish words, backed by a detector, leading every other Latin list.
    assert wordlists.fragment_language("Escriba su contraseña", "Latin", {"es", "it"}, {"es", "it"}) == "es"
    # No detector named Spanish first.
    assert wordlists.fragment_language("Escriba su contraseña", "Latin", {"it", "lv"}, {"es", "it", "lv"}) is None
    # A first choice without a list of its own.
    assert wordlists.fragment_language("Escriba su contraseña", "Latin", {"es", "ast"}, {"es", "ast"}) is None
    # Galician proposed at any rank: a neighbour the lists cannot tell from Spanish.
    assert wordlists.fragment_language("Escriba su contraseña", "Latin", {"es"}, {"es", "gl"}) is None
    # A word Spanish does not write ("xyzzyq") or one word only: no answer.
    assert wordlists.fragment_language("Escriba xyzzyq", "Latin", {"es"}, {"es"}) is None
    assert wordlists.fragment_language("Escriba", "Latin", {"es"}, {"es"}) is None
    # Words Portuguese, Romanian and Spanish all write often: no list leads by enough.
    assert wordlists.fragment_language("o de", "Latin", {"es", "pt"}, {"es", "pt"}) is None
    # The one Bosnian-Croatian-Serbian list competes but is never an answer, even if named first.
    assert wordlists.fragment_language("Datoteka nije pronađena", "Latin", {"sh"}, {"sh"}) is None
    assert wordlists.fragment_language("Datoteka nije pronađena", "Latin", {"sl"}, {"sl"}) is None
    # A script without lists (Devanagari: Hindi has one, Marathi and Nepali none).
    assert wordlists.fragment_language("नया पासवर्ड", "Devanagari", {"hi"}, {"hi"}) is None


def test_capitals_count_in_a_shouted_text_and_names_do_not():
    assert wordlists.fragment_language("MERCI BEAUCOUP MADAME", "Latin", {"fr"}, {"fr"}) == "fr"
    # "Beaucoup" mid-fragment is taken for a name: one word is left.
    assert wordlists.fragment_language("Merci Beaucoup", "Latin", {"fr"}, {"fr"}) is None


def test_combining_marks_are_dropped_as_the_lists_drop_them():
    # Stress marks and Arabic vowel signs are no word boundary: "Измени́ть" is "изменить", not
    # "измени" and "ть" (which no list holds as words of this fragment).
    assert wordlists.fragment_language("Измени́ть паро́ль", "Cyrillic", {"ru", "bg"}, {"ru", "bg"}) == "ru"
    assert wordlists.fragment_language("شُكْرًا جَزِيلًا", "Arabic", {"ar", "fa"}, {"ar", "fa"}) == "ar"


def test_a_fragment_with_a_word_in_another_script_is_not_settled():
    # Serbian "ради" beside a Latin loan the Ukrainian list holds and Serbian's, read
    # transliterated, never can: not Ukrainian.
    assert wordlists.fragment_language("Ради link", "Cyrillic", {"uk", "sr-Cyrl"}, {"uk", "sr-Cyrl"}) is None
    # A Korean string around two English words (Django's Korean translations): not English.
    assert wordlists.fragment_language("객체들은 get absolute", "Latin", {"en", "id"}, {"en", "id", "ms"}) is None
    # Hangul has no lower case: a Korean word after the first is not among the words that count,
    # but it is another script all the same.
    assert wordlists.fragment_language("Merci beaucoup 사랑해요", "Latin", {"fr"}, {"fr"}) is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Every word is the language's, and its list leads the detectors' answer by 8 or more.
        ("Стовпчик не можна приховати.", "uk"),  # langdetect and py3langid: bg
        ("прекалено много грешки в реда", "bg"),  # ru
        ("Неисправан захтев за претрагу", "sr-Cyrl"),  # bg
        ("Počet pixelov za sekundu", "sk"),  # sl
        ("Paramètres des filtres de gabarit", "fr"),  # ca
    ],
)
def test_agreeing_detectors_the_word_lists_contradict_are_overturned(text, lang):
    result = detect_language(text)
    assert (result.lang, result.decided_by) == (lang, "word-lists-overturn")


@pytest.mark.parametrize(
    ("text", "answer", "rival"),
    [
        # The one translated word is capitalised after a label: the counted words are English,
        # but the English list lacks "ignoré" (a review found "|audit-log-result|Ignoré" en).
        ("|audit-log-result|Ignoré", "fr", "en"),
        ("audit-log-result: Ignoré", "fr", "en"),
        # Two counted words are too few ("saint", "és": Hungarian made Catalan).
        ("Saint-Pierre és Miquelon", "fr", "ca"),
    ],
)
def test_the_lists_do_not_overturn_on_the_english_around_a_word_or_on_two_words(text, answer, rival):
    firsts = {answer, rival}
    assert wordlists.contradicting_language(text, "Latin", answer, firsts, firsts, 8.0) is None
    assert detect_language(text).decided_by != "word-lists-overturn"


def test_the_lists_overturn_only_by_the_lead():
    # Slovak called Slovene: the Slovak list leads by far more than 8, not by 100.
    text, firsts = "Počet pixelov za sekundu", {"sl", "sk"}
    assert wordlists.contradicting_language(text, "Latin", "sl", firsts, firsts, 8.0) == "sk"
    assert wordlists.contradicting_language(text, "Latin", "sl", firsts, firsts, 100.0) is None
    # Right answers keep their tag: the rival's list does not lead theirs.
    for text, answer, rival in (
        ("Vi håber at nå målet og nå frem til en aftale.", "da", "no"),
        ("Zobrazená skupina ikon na ploše", "cs", "sk"),
    ):
        firsts = {answer, rival}
        assert wordlists.contradicting_language(text, "Latin", answer, firsts, firsts, 8.0) is None


def test_the_lists_do_not_overturn_to_a_language_no_detector_named_first():
    # Spanish; langdetect and py3langid say Catalan, CLD2 English: Spanish is nobody's first
    # choice, so its list's lead does not overturn them (the answer stays wrong: a known limit).
    result = detect_language("Mover la ventana actual.")
    assert "es" not in {top[0][0] for _, top in result.candidates if top}
    assert result.decided_by != "word-lists-overturn"
    assert (
        wordlists.contradicting_language("Mover la ventana actual", "Latin", "ca", {"ca", "es"}, {"ca", "es"}, 8.0)
        == "es"
    )


def test_the_lists_do_not_overturn_beside_a_neighbour_without_a_list():
    # Galician proposed at any rank: Portuguese's lead over Spanish says nothing against it.
    text, firsts = "Mover a janela atual", {"es", "pt"}
    assert wordlists.contradicting_language(text, "Latin", "es", firsts, {"es", "pt"}, 8.0) == "pt"
    assert wordlists.contradicting_language(text, "Latin", "es", firsts, {"es", "pt", "gl"}, 8.0) is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Two counted words are enough (a third review: three cost these their fix).
        ("скасовано користувачем", "uk"),
        ("неправилен собственик", "bg"),
        # A capitalised name no weighed list holds does not hold the overturn back.
        ("Affiche la version de GStreamer", "fr"),
        ("Software no libre (Multiverse)", "es"),
    ],
)
def test_the_lists_overturn_two_words_and_around_a_name(text, lang):
    result = detect_language(text)
    assert (result.lang, result.decided_by) == (lang, "word-lists-overturn")
