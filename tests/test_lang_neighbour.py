"""The "py3langid-neighbour" rule (vote.py): a language langdetect does not know, named by
py3langid while langdetect names its neighbour and CLD2 nothing of their group. Our own
sentences, and the rule's edges on made-up voices."""

from __future__ import annotations

import pytest

from seedkeeper.lang import detect_language
from seedkeeper.lang import vote as v

SENTENCE = "x" * 40  # the rule reads the voices only; the text only has to be a sentence


def _decide(ld: dict[str, float], py: dict[str, float], cld: dict[str, float], reliable: bool = True):
    return v.decide(SENTENCE, "Latin", ld, 40.0, v.Voices(py, cld, reliable))


def test_galician_that_langdetect_calls_spanish_is_galician():
    # langdetect cannot say Galician and says Spanish; CLD2 reads the English "cursor": before,
    # three different answers were "und".
    result = detect_language("Use as frechas do teclado para mover o cursor na liña.")
    assert (result.lang, result.decided_by) == ("gl", "py3langid-neighbour")


def test_the_rule_fires_on_a_confident_py3langid_and_a_cld2_outside_the_group():
    vote = _decide({"es": 0.99}, {"gl": 0.7, "pt": 0.2}, {"en": 1.0})
    assert (vote.lang, vote.rule) == ("gl", "py3langid-neighbour")
    vote = _decide({"id": 1.0}, {"ms": 0.65, "id": 0.3}, {})
    assert (vote.lang, vote.rule) == ("ms", "py3langid-neighbour")


@pytest.mark.parametrize(
    ("ld", "py", "cld"),
    [
        ({"es": 0.99}, {"gl": 0.55, "pt": 0.3}, {"en": 1.0}),  # py3langid not sure enough
        ({"es": 0.99}, {"gl": 0.8, "pt": 0.1}, {"pt": 1.0}),  # CLD2 names the group's Portuguese
        ({"fr": 0.99}, {"gl": 0.8, "pt": 0.1}, {"en": 1.0}),  # langdetect names no neighbour
        ({"es": 0.99}, {"it": 0.8, "es": 0.1}, {"en": 1.0}),  # a language langdetect knows
        # The Bantu group: py3langid calls Tsonga, which no detector knows, Zulu.
        ({"sw": 0.99}, {"zu": 0.8, "xh": 0.1}, {"en": 1.0}),
    ],
)
def test_the_rule_stays_quiet_otherwise(ld, py, cld):
    assert _decide(ld, py, cld).rule != "py3langid-neighbour"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Por favor, introduzca su contraseña y pulse Aceptar para continuar.", "es"),
        ("Por favor, introduza a sua palavra-passe e carregue em Aceitar.", "pt"),
        ("Si us plau, introduïu la contrasenya i premeu Accepta per continuar.", "ca"),
    ],
)
def test_spanish_portuguese_and_catalan_stay_themselves(text, lang):
    assert detect_language(text).lang == lang


def test_galician_words_settle_the_group_when_cld2_reads_something_else():
    # langdetect says Spanish, py3langid Galician without confidence, CLD2 English: the words
    # of the two others' group decide (before, a CLD2 outside the group left it "und").
    text = "Prema aquí para gardar a imaxe e engadir unha ligazón nova."
    vote = v.decide(text, "Latin", {"es": 0.99}, 40.0, v.Voices({"gl": 0.45, "es": 0.3}, {"en": 1.0}, True))
    assert (vote.lang, vote.rule) == ("gl", "close-pair")
    result = detect_language("Isto abrirá un panel que lle permite trocar buscas en cartafoles.")
    assert (result.lang, result.decided_by) == ("gl", "close-pair")


def test_letters_and_words_galician_shares_do_not_make_it_spanish_or_portuguese():
    # "ñ" is Galician as much as Spanish ("pegañentas", "liña"); "do", "os", "na" as much as
    # Portuguese: Spanish and Portuguese texts keep them as evidence against each other only.
    voices = v.Voices({"gl": 0.45, "es": 0.3}, {"en": 1.0}, True)
    assert v.decide("Active Teclas pegañentas na liña.", "Latin", {"es": 0.99}, 40.0, voices).lang != "es"
    voices = v.Voices({"gl": 0.45, "pt": 0.3}, {"en": 1.0}, True)
    assert (
        v.decide("Prema dentro do campo de busca dos os ficheiros.", "Latin", {"pt": 0.99}, 40.0, voices).lang != "pt"
    )
    assert detect_language("El niño pequeño juega en la montaña con sus amigos.").lang == "es"


@pytest.mark.parametrize(
    "text",
    [
        "Els seus pares poden pagar en efectiu.",
        "Si no poden accedir als seus comptes, poseu-vos en contacte amb nosaltres.",
        "Aquí poden trobar els seus documents en format PDF.",
    ],
)
def test_words_catalan_shares_with_galician_do_not_make_it_galician(text):
    # "poden", "seus", "en" are Catalan as much as Galician: langdetect's Catalan, py3langid's
    # unsure Galician and CLD2's English are not settled as Galician by them.
    voices = v.Voices({"gl": 0.45, "ca": 0.3}, {"en": 1.0}, True)
    assert v.decide(text, "Latin", {"ca": 0.99}, 40.0, voices).lang != "gl"


def test_the_fallback_names_only_a_language_a_detector_named():
    # Catalan words ("els", "amb", "però") in a text langdetect calls Spanish and py3langid
    # Galician, CLD2 English: the group's words lead for Catalan, which neither named.
    text = "Els amb però molt aquesta perquè també seva"
    voices = v.Voices({"gl": 0.45, "es": 0.3}, {"en": 1.0}, True)
    assert v.decide(text, "Latin", {"es": 0.99}, 40.0, voices).lang in ("und", "es", "gl")
