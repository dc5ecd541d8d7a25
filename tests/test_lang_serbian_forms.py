"""Bosnian, Croatian and Serbian (Latin): evidence beside the reflex of yat (serbocroatian.py).
Forms Croatian never writes (the future fused with the verb, -šć- for -št-, "istorija"), which
Serbian writes and Bosnian usage too, Croatian software words ("tipka", "zaslon", "značajka")
that Slovene partly shares, and words taken out of the lists because another standard writes
them. Our own sentences."""

from __future__ import annotations

import pytest

from seedkeeper.lang import detect_language
from seedkeeper.lang import serbocroatian as sh


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # The future fused with the infinitive (Croatian "morat ćete"), -šć- for -št-: not
        # Croatian. With the ekavian reflex Serbian, with the ijekavian one Bosnian (as "možete
        # da" does), alone not which of the two.
        ("Moraćete ponovo da pokrenete računar kada se instalacija završi.", "und"),
        ("Pojaviće se prozor sa spiskom svih datoteka u fascikli.", "und"),
        ("Korišćenje ovog programa je besplatno za sve korisnike.", "und"),
        ("Svi podaci biće odbačeni posle zatvaranja programa.", "sr-Latn"),
        ("Svi podaci biće odbačeni poslije zatvaranja programa.", "bs"),
    ],
)
def test_forms_croatian_never_writes_rule_croatian_out(text, lang):
    assert sh.evidence(text).bosnian_serbian >= 1
    assert detect_language(text).lang == lang


@pytest.mark.parametrize(
    "text",
    [
        "Morat ćete ponovno pokrenuti računalo kada instalacija završi.",  # Croatian future
        "Svako ljudsko biće rođeno je slobodno i jednako u dostojanstvu.",  # "biće", the noun
        "Kolačiće se briše u postavkama preglednika.",  # cookies' accusative
        "Nećete moći nastaviti ako se ne krećete brže.",  # present tenses in -ćete
        "Pozovite prijatelje u kafiću na plaću.",
        # Nouns before "se": a salary (Croatian "plaća"), a drink, a being, brothers.
        "Plaće se isplaćuju svakog petka na tekući račun radnika.",
        "Piće se poslužuje hladno uz kolače.",
        "Svako ljudsko biće se rađa slobodno i jednako u dostojanstvu i pravima.",
        "Od braće se očekuje da pomognu roditeljima.",
    ],
)
def test_words_that_only_look_like_a_fused_future_are_no_evidence(text):
    assert sh.evidence(text).bosnian_serbian == 0
    assert detect_language(text).lang not in ("sr-Latn", "bs")


def test_a_fused_future_in_capitals_is_one_too():
    assert sh.evidence("MORAĆETE PONOVO POKRENUTI RAČUNALO.").bosnian_serbian == 1
    assert sh.evidence("Pritisnite OK i POJAVIĆE SE prozor.").bosnian_serbian == 1


@pytest.mark.parametrize(
    "text",
    [
        "Pritisnite tipku Enter da potvrdite odabir na zaslonu.",
        "Ova značajka omogućuje brže pokretanje aplikacija.",
        # "uporaba" and "elektronički": Bosnian and Serbian write "upotreba", "elektronski".
        "Obavijest je poslana elektroničkom poštom.",
        "Pročitajte upute prije uporabe uređaja.",
    ],
)
def test_croatian_software_words_make_a_sentence_croatian(text):
    assert sh.evidence(text).croatian >= 1
    assert detect_language(text).lang == "hr"


def test_croatian_words_beside_forms_croatian_never_writes_leave_an_open_vote_open():
    # Contradicting evidence: a Croatian word and a fused future decide nothing (as in settle).
    for text in ("Pritisnite tipku i pojaviće se prozor.", "Zaslon je taman, a korišćenje je besplatno."):
        assert sh.decide_open(text) is None, text
        assert sh.settle(text, "hr", {"hr": 0.9}) == ("und", "sh-undecided"), text


def test_croatian_words_slovene_writes_too_do_not_make_slovene_croatian():
    # "tipka" and "zaslon" are Slovene too: where a detector says Slovene they decide nothing.
    assert sh.evidence("Pritisnite tipko na zaslonu.", slovene=True).croatian == 0
    assert sh.evidence("Pritisnite tipko na zaslonu.").croatian == 2
    # "glede" ("glede na", with regard to) is everyday Slovene: all three detectors say sl here.
    assert sh.evidence("Glede na stanje.", slovene=True).croatian == 0
    for text in (
        "Začnite tipkati",
        "Zajem zaslonske slike",
        "Pritisnite tipko na zaslonu in počakajte.",
        "Glede na stanje.",
    ):
        assert detect_language(text).lang != "hr", text


@pytest.mark.parametrize(
    ("text", "not_lang"),
    [
        # GNOME's Serbian help writes "izbornik", "preglednik", "stupcima"; the Bosnian declaration
        # "uvjete", "znanstvenom"; Croatian writes "neko vrijeme".
        ("Otvorite korisnički izbornik i izaberite veb preglednik u stupcima.", "hr"),
        ("Svako ima pravo na pravične uvjete rada i na znanstveni napredak.", "hr"),
        ("Pričekajte neko vrijeme prije nego što ponovno pokušate.", "bs"),
    ],
)
def test_words_another_standard_writes_are_no_evidence(text, not_lang):
    evidence = sh.evidence(text)
    if not_lang == "hr":
        assert evidence.croatian == 0
    else:
        assert evidence.bosnian_serbian == 0
    # Whatever the detectors say, the words do not decide it.
    assert detect_language(text).decided_by != "sh-words"


def _open_vote(tops: tuple[str, str, str]):
    from seedkeeper.lang.vote import Vote

    candidates = tuple((name, ((top, 0.9),)) for name, top in zip(("langdetect", "py3langid", "cld2"), tops))
    return Vote("und", 0.0, "disagreement", candidates)


@pytest.mark.parametrize(
    ("text", "tops", "lang"),
    [
        # CLD2 names Slovak or Interlingua on a Serbian sentence; the two others name the group.
        ("Ne možete sačuvati dve verzije pod istim imenom.", ("hr", "sr-Latn", "sk"), "sr-Latn"),
        ("Vreme je isteklo pre nego što je veza uspostavljena.", ("hr", "sr-Latn", "ia"), "sr-Latn"),
        ("Tko je zaboravio lozinku, neka je promijeni.", ("sl", "hr", "sk"), "hr"),
    ],
)
def test_an_open_vote_of_the_group_with_cld2_outside_it_is_settled_by_the_words(text, tops, lang):
    from seedkeeper.lang import refine
    from seedkeeper.lang.vote import Voices

    voices = Voices({tops[1]: 0.6, "bs": 0.3}, {tops[2]: 1.0}, True)
    assert refine.refine(text, _open_vote(tops), voices).lang == lang


@pytest.mark.parametrize(
    ("text", "tops"),
    [
        # No word of any standard: the open vote stays open.
        ("Kliknite na prozor na spisku da se prebacite na njega.", ("sl", "sr-Latn", "sk")),
        # Only one of the two others names the group: CLD2's answer is still a contender.
        ("Ne možete sačuvati dve verzije pod istim imenom.", ("sk", "sr-Latn", "cs")),
    ],
)
def test_an_open_vote_without_evidence_or_outside_the_group_stays_open(text, tops):
    from seedkeeper.lang import refine
    from seedkeeper.lang.vote import Voices

    voices = Voices({tops[1]: 0.6, "bs": 0.3}, {tops[2]: 1.0}, True)
    assert refine.refine(text, _open_vote(tops), voices).lang == "und"


def test_uporaba_is_no_croatian_evidence_where_slovene_is_a_candidate():
    # Slovene writes "uporaba" too.
    assert sh.evidence("Navodila za uporabo programa.", slovene=True).croatian == 0
    assert detect_language("Navodila za uporabo programa so v priročniku.").lang == "sl"


@pytest.mark.parametrize(
    "text",
    [
        "Ako vaš usmerivač podržava tu opciju, uključite je.",  # u + smer (Croatian "usmjerivač")
        "Kabl naizmenične struje priključite u utičnicu.",  # na + izmen ("naizmjenične")
        "Premešta prozor na levo.",  # "premješta", "lijevo"
    ],
)
def test_ekavian_words_behind_a_prefix_and_left_are_ekavian(text):
    assert sh.evidence(text).ekavian >= 1
    assert sh.evidence(text).ijekavian == 0


@pytest.mark.parametrize(
    "text",
    [
        "Ugovor o zaposlenju potpisan je jučer.",  # za + posl: no yat
        "Levi Strauss je osnovao tvrtku.",  # a name
        # No yat behind these prefixes (a review found them read as ekavian): "privreda",
        # "usmeno" (oral), "počelo" written without diacritics.
        "Privredna banka Zagreb otvorila je novu poslovnicu u Splitu.",
        "Dogovor je postignut usmeno, a ugovor još nije potpisan.",
        "Pocelo je padati cim smo izasli iz kuce.",
    ],
)
def test_words_that_only_look_ekavian_behind_a_prefix_are_no_evidence(text):
    assert sh.evidence(text).ekavian == 0


def test_per_cent_is_no_ekavian_assessment():
    # "procena" (assessment, Croatian "procjena") has yat; "procenat" (per cent) has none.
    assert sh.evidence("Ovo je procena troškova.").ekavian == 1
    assert sh.evidence("Tabela pokazuje procenat i procente korisnika.").ekavian == 0


def test_podrazumevani_is_ekavian():
    # Croatian and Bosnian "podrazumijevani"; the review of the prefix rule found 30 Serbian
    # messages with it left und once the rule was narrowed.
    assert sh.evidence("Podrazumevani modul metoda unosa").ekavian == 1
