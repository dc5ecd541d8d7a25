"""The vote of langdetect, py3langid and CLD2: open language set, close pairs, und, explanations.

Every sentence here was written for this file. Each new language family and close pair has
sentences whose right tag must come out, and ambiguous text that must give "und" rather
than a wrong tag.
"""

from __future__ import annotations

import json

import pytest

from lang_fixtures import SENTENCES
from seedkeeper.lang import (
    DETECTOR_VERSION,
    LANGDETECT_LANGS,
    SCRIPT_LANGS,
    LangResult,
    detect_language,
    tag_many,
    warm_up,
)


@pytest.fixture(scope="module", autouse=True)
def _warm():
    warm_up()


# Languages langdetect does not know, one or two sentences each.
OUTSIDE = [
    ("Bu gün hava çox gözəldir və biz parkda gəzməyə getmək istəyirik.", "az"),
    ("Saya tidak boleh datang esok kerana kereta saya rosak di lebuh raya.", "ms"),
    ("Сёння ў нашым горадзе адкрылася новая бібліятэка для дзяцей.", "be"),
    ("Біз ертең таңертең ауылға барып, әжемізге көмектесеміз.", "kk"),
    ("Бүгүн аба ырайы абдан жакшы болгондуктан, биз тоого чыктык.", "ky"),
    ("Өнөөдөр цаг агаар сайхан байгаа тул бид цэцэрлэгт хүрээлэнд очно.", "mn"),
    ("Данас је време веома лепо, па ћемо шетати поред реке.", "sr-Cyrl"),
    ("Gaur goizean gure herriko merkatura joan gara ogia erostera.", "eu"),
    ("Tá an aimsir go hálainn inniu agus beidh muid ag siúl cois farraige.", "ga"),
    ("Magister discipulos in horto sub arboribus docebat de natura rerum.", "la"),
    ("Namuhla izulu lihle kakhulu futhi abantwana badlala ngaphandle.", "zu"),
    # The rest of the Bantu family the issue names, each once called Swahili by langdetect.
    ("Namhlanje imozulu imnandi kakhulu, kwaye abantwana badlala phandle.", "xh"),
    ("Nhasi mamiriro ekunze akanaka, saka vana vari kutamba panze.", "sn"),
    ("Namuntlha maxelo ma saseka swinene naswona vana va tlanga ehandle.", "ts"),
    ("Leero obudde bulungi nnyo era abaana bazannyira wabweru.", "lg"),
    ("Lehono boemo ba leholimo bo botle haholo mme bana ba bapala ka ntle.", "st"),
    ("Bugun havo juda yaxshi, shuning uchun biz bog'da sayr qildik.", "uz"),
    ("A casa dos meus avós está xunto ao río e ten unha horta moi grande.", "gl"),
    ("Eg har ikkje tid i dag, men kanskje me kan møtast i morgon kveld.", "nn"),
]

# Close pairs inside langdetect's set, with the language each sentence is in.
CLOSE = [
    ("Saya tidak bisa datang besok karena mobil saya rusak di jalan tol.", "id"),
    ("Avui fa molt bon temps i anirem a passejar amb els nens pel parc.", "ca"),
    ("Hoy hace muy buen tiempo y vamos a pasear con los niños por el parque.", "es"),
    ("Jeg har ikke tid i dag, men måske kan vi ses i morgen aften.", "da"),
    ("Dnes je krásné počasí, a proto půjdeme s dětmi na procházku.", "cs"),
    ("Dnes je krásne počasie, a preto pôjdeme s deťmi na prechádzku.", "sk"),
    ("Сьогодні чудова погода, тому ми підемо гуляти з дітьми.", "uk"),
    ("Сегодня отличная погода, поэтому мы пойдём гулять с детьми.", "ru"),
    # Swahili stays Swahili beside its Bantu neighbours.
    ("Leo hali ya hewa ni nzuri sana na watoto wanacheza nje ya nyumba.", "sw"),
]

# Text that two or more languages of a close group write the same way.
AMBIGUOUS = [
    "Terima kasih",  # ms / id
    "Dobro jutro",  # bs / hr / sr-Latn
    "Dobar dan",  # bs / hr / sr-Latn
    "Hvala lijepa",  # bs / hr
    "Ja sam student",  # bs / hr / sr-Latn
    "Det er fint",  # da / no
    "To je pravda",  # cs / sk (and hr, sl)
    "Mama i tata",  # many Slavic languages
    "Привет",  # ru / uk / be ...
    "Саламатсызбы",  # ky / kk, one word
    "Ngiyabonga",  # zu / xh, one word
    "A casa nova",  # pt / gl
    "La casa gran",  # ca / es
]


@pytest.mark.parametrize("text,expected", OUTSIDE)
def test_languages_langdetect_does_not_know_get_their_own_tag(text, expected):
    assert expected not in LANGDETECT_LANGS
    result = detect_language(text)
    assert result.lang == expected, result.to_dict(explain=True)


@pytest.mark.parametrize("text,expected", CLOSE)
def test_close_pairs_come_out_right(text, expected):
    result = detect_language(text)
    assert result.lang == expected, result.to_dict(explain=True)


@pytest.mark.parametrize("text", AMBIGUOUS)
def test_ambiguous_short_text_is_und_not_a_guess(text):
    assert detect_language(text).lang == "und"


# Kurdish (Kurmanji) that langdetect and CLD2 both call Turkish while py3langid says Kurdish:
# langdetect cannot know Kurdish, and "ê" is a letter Turkish never writes.
KURDISH_NOT_TURKISH = [
    "Herkes mafê xebatê û mûçeyeke adil heye.",
    "Herkes mafê tenduristî û ewlehiya civakî heye.",
]


@pytest.mark.parametrize("text", KURDISH_NOT_TURKISH)
def test_kurdish_that_langdetect_and_cld2_call_turkish_is_kurdish(text):
    result = detect_language(text)
    votes = {name: top[0][0] for name, top in result.candidates if top}
    assert votes.get("langdetect") == "tr" and votes.get("cld2") == "tr" and votes.get("py3langid") == "ku"
    assert (result.lang, result.decided_by) == ("ku", "close-pair"), result.to_dict(explain=True)


def test_turkish_azerbaijani_kurdish_letters_and_words():
    """Only what one standard writes, in words written in lower case, decides: ə (az), ê (ku),
    the spelling of "for", "with", "or", "not"; names carry their own language's letters."""
    from seedkeeper.lang import closepairs
    from seedkeeper.lang.vote import _overturned

    group = frozenset({"tr", "az", "ku"})
    assert _overturned("Sabah erkən durub işə getdim.", "tr", "az") == "az"
    assert _overturned("Zarokên me her roj diçin dibistanê.", "tr", "ku") == "ku"
    assert _overturned("Kitap için çanta ile geldim.", "tr", "az") == "tr"
    assert _overturned("Bir iki üç dört beş", "tr", "az") is None
    assert _overturned("gəl bê", "tr", "ku") is None  # one letter of each of two standards: no lead
    assert _overturned("Sabah erkən durub işə getdim.", "tr", "ku") is None  # az: not a language asked about
    # A name's letters count for nothing.
    assert closepairs.evidence("Bakü'deki zirvede Mehriban Əliyeva da hazır bulundu.", group, lowercase_only=True) == {
        "az": 0.0,
        "ku": 0.0,
        "tr": 0.0,
    }


def test_spanish_zc_is_spanish_evidence_among_its_neighbours():
    """Spanish writes "zc" in the -cer/-cir verbs (introduzca, ofrezca, conozca); Portuguese,
    Galician and Catalan write "introduza", "conheça" / "coñeza", "introduïu"."""
    from seedkeeper.lang import closepairs

    group = frozenset({"ca", "es", "gl", "pt"})
    assert closepairs.evidence("Ofrezca una respuesta breve", group)["es"] >= 2.0
    assert closepairs.evidence("INTRODUZCA SU NOMBRE", group)["es"] >= 2.0
    # The same verbs in the neighbours' spelling add nothing to Spanish ("el" is a Spanish word).
    for text in ("Introduza o seu nome", "Conheça o seu bairro", "Introduïu el vostre nom"):
        with_z = closepairs.evidence(text, group)["es"]
        assert with_z == closepairs.evidence(text.replace("z", "s"), group)["es"] < 2.0


@pytest.mark.parametrize("text", ["Introduzca dos horas válidas.", "Introduzca dos palabras clave válidas."])
def test_spanish_zc_settles_detectors_torn_between_spanish_portuguese_and_galician(text):
    result = detect_language(text)
    assert (result.lang, result.decided_by) == ("es", "close-pair")


def test_spanish_without_zc_that_portuguese_could_write_stays_und():
    # "Introduce dos horas válidas": langdetect and py3langid say Portuguese, CLD2 English;
    # nothing the words spell is Spanish only.
    result = detect_language("Introduce dos horas válidas.")
    assert (result.lang, result.decided_by) == ("und", "close-pair-undecided")


@pytest.mark.parametrize(
    "text",
    [
        # Turkish about Azerbaijan and Kurdish culture: names written in their own alphabets.
        "Erdoğan, Bakü'de İlham Əliyev'le görüştü.",
        "Azerbaycan'ın Ankara Büyükelçisi Rəşad Məmmədov, Türk gazetecileri kabul etti.",
        "Şuşa'da düzenlenen festivale Azerbaycanlı sanatçı Niyaməddin Musayev katıldı.",
        "Bakü'deki zirvede Mehriban Əliyeva da hazır bulundu.",
        "Dengbêj Mıhemed Şêxo anıldı.",
        "Günaydın!",
        "Nasılsın?",
    ],
)
def test_turkish_with_azerbaijani_or_kurdish_names_is_not_tagged_otherwise(text):
    assert detect_language(text).lang in ("tr", "und")


def test_serbian_gets_a_script_subtag():
    assert detect_language("Данас је време веома лепо, па ћемо шетати поред реке.").lang == "sr-Cyrl"
    assert "sr-Latn" in SCRIPT_LANGS["Latin"] and "sr-Cyrl" in SCRIPT_LANGS["Cyrillic"]


def test_korean_sentence_is_never_und():
    for text in ("오늘은 비가 와요.", "회의는 내일 오후 세 시에 시작합니다.", "감사합니다"):
        assert detect_language(text).lang == "ko"


def test_explanation_names_the_detectors_asked_and_the_rule():
    result = detect_language(OUTSIDE[0][0])
    explained = result.to_dict(explain=True)
    assert explained["lang"] == "az"
    assert set(explained["candidates"]) >= {"py3langid"}
    assert explained["decided_by"] in {"py3langid+cld2", "agree", "py3langid-outside", "reliable-pair"}
    if "langdetect" in explained["candidates"]:
        # langdetect cannot say az; its candidate is a neighbour, and the explanation shows it.
        assert explained["candidates"]["langdetect"][0]["lang"] != "az"
    assert "az" in result.candidate_langs()
    # The plain form is unchanged: explanations appear only on request.
    assert set(result.to_dict()) == {"lang", "confidence"}
    json.dumps(explained)


def test_langdetect_is_asked_only_when_the_two_others_leave_the_tag_open():
    # A sentence py3langid and a reliable CLD2 agree on: langdetect could not change the tag.
    settled = detect_language(SENTENCES["de"][0])
    assert (settled.lang, settled.decided_by) == ("de", "reliable-pair")
    assert [name for name, _ in settled.candidates] == ["py3langid", "cld2"]
    # A fragment needs all three.
    short = detect_language("Guten Morgen")
    assert "langdetect" in dict(short.candidates) or short.decided_by == "too-short"


@pytest.mark.parametrize("lang", ["de", "fr", "pl", "ru", "uk", "fa", "ar", "hi", "tr", "hr", "id"])
def test_skipping_langdetect_never_changes_a_tag(lang):
    """The reliable-pair shortcut gives the tag the full three-way vote gives."""
    from seedkeeper.lang import classify, detector, vote
    from seedkeeper.lang.scripts import profile

    for text in SENTENCES[lang] + [" ".join(SENTENCES[lang][:3])]:
        prof = profile(text)
        voices = vote.listen(text, prof.dominant)
        short = vote.without_langdetect(voices, prof.effective_letters)
        if short is None:
            continue
        probs = classify._model_probs(prof.dominant, text, prof, detector.probabilities)
        full = vote.decide(text, prof.dominant, probs, prof.effective_letters, voices)
        assert full.lang == short.lang, text


def test_und_from_disagreement_lists_candidates_in_others():
    results = [detect_language(t) for t in AMBIGUOUS]
    disagreements = [r for r in results if r.decided_by in ("disagreement", "close-pair-undecided")]
    assert disagreements
    for r in disagreements:
        assert r.lang == "und" and r.others and r.candidates


def test_explanations_do_not_change_equality():
    a = detect_language(CLOSE[0][0])
    assert a == LangResult(a.lang, a.confidence, a.others)


def test_detector_version_names_every_detector():
    for name in ("langdetect-", "py3langid-", "pycld2-"):
        assert name in DETECTOR_VERSION


def test_votes_are_deterministic_across_jobs():
    texts = [t for t, _ in OUTSIDE + CLOSE] + AMBIGUOUS
    one = [r.to_dict(explain=True) for r in tag_many(texts, jobs=1)]
    two = [r.to_dict(explain=True) for r in tag_many(texts, jobs=2)]
    assert one == two


def test_the_unpacked_py3langid_model_scores_exactly_like_the_packaged_one(tmp_path, monkeypatch):
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    from seedkeeper.lang import voters

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    ours = voters._unpacked_model(MODEL_DIR / MODEL_FILE)
    folder = next((tmp_path / "seedkeeper").glob("py3langid-*-model-*"))
    assert ours is not None and (folder / "complete").is_file()
    assert not list((tmp_path / "seedkeeper").glob("*.tmp"))  # built beside it, renamed into place
    theirs = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    texts = ("The city council met on Tuesday.", "شورای شهر روز سه‌شنبه تشکیل جلسه داد.", "Der Stadtrat", "这是测试")
    for text in texts:
        assert ours.rank(text) == theirs.rank(text)
    # A copy interrupted before its marker is made again.
    (folder / "complete").unlink()
    (folder / "ptc.npy").write_bytes(b"half")
    assert voters._unpacked_model(MODEL_DIR / MODEL_FILE) is not None and (folder / "complete").is_file()
    # Damaged copies (the raw automaton cut short, the small file overwritten) no longer match the
    # record in their marker: they are set aside and built again, and score as before.
    automaton = folder / "nextmove.u32"
    automaton.write_bytes(automaton.read_bytes()[: automaton.stat().st_size // 8 * 4])
    assert voters._unpacked_model(MODEL_DIR / MODEL_FILE) is not None
    assert automaton.stat().st_size == len(ours.tk_nextmove) * 4
    (folder / "small.npz").write_bytes(b"not a zip file")
    rebuilt = voters._unpacked_model(MODEL_DIR / MODEL_FILE)
    assert all(rebuilt.rank(text) == theirs.rank(text) for text in texts)
    # Left by older versions or by a build killed midway: swept when a copy is built.
    import os

    old_copy = tmp_path / "seedkeeper" / "py3langid-0.0-model.npz"
    old_copy.write_bytes(b"x")
    old_layout = tmp_path / "seedkeeper" / "py3langid-0.0-model"
    old_layout.mkdir()
    stale = tmp_path / "seedkeeper" / "tmpdead.tmp"
    stale.mkdir()
    os.utime(stale, (0, 0))
    from seedkeeper import model_store

    model_store.sweep(str(tmp_path / "seedkeeper"))
    assert not old_copy.exists() and not old_layout.exists() and not stale.exists() and folder.is_dir()


def test_a_py3langid_copy_damaged_without_changing_its_size_falls_back_to_the_packaged_model(tmp_path, monkeypatch):
    """The automaton is too large to checksum in every process: garbage of the right length is
    caught where it fails (an index out of range) and the packaged model answers instead."""
    import random

    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from seedkeeper.lang import voters

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(voters, "_identifier", None)
    text = "Die Kinder spielen im Garten, während die Eltern Kaffee trinken."
    expected = voters._merge(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True).rank(text), "Latin")
    assert voters.py3langid_probs(text, "Latin") == expected  # made the copy and used it
    automaton = next((tmp_path / "seedkeeper").glob("py3langid-*-model-*")) / "nextmove.u32"
    automaton.write_bytes(random.Random(3).randbytes(automaton.stat().st_size))
    monkeypatch.setattr(voters, "_identifier", None)  # a new process meets the damaged copy
    assert voters.py3langid_probs(text, "Latin") == expected
