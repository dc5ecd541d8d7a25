"""The `languages` allow-list settles what the detectors leave open inside one group of close languages."""

from __future__ import annotations

import json

import pytest

from helpers import doc_name, make_seeds
from seedkeeper.lang import detect_language
from seedkeeper.lang.allowed import RULE, ruled_out, settle_allowed

# Croatian that Bosnian writes the same way; Indonesian that Malay writes the same way; Spanish
# the detectors split with Portuguese and Galician. Each is "und" without an allow-list.
CROATIAN = "Ispričavamo se, ali tražena stranica nije pronađena."
INDONESIAN = "Setiap orang berhak mendapat pendidikan."
SPANISH = "Ingrese dos fechas válidas."
# A Bengali-script fragment with no letter (ৰ, ৱ; র) or word only Assamese or only Bengali writes.
BENGALI_SCRIPT = "নতুন তথ্য"


def record(text: str) -> dict:
    return detect_language(text).to_dict(explain=True)


@pytest.mark.parametrize(
    "text, allowed, expected",
    [
        (CROATIAN, ("hr", "en"), "hr"),
        (CROATIAN, ("bs",), "bs"),
        (INDONESIAN, ("id", "en"), "id"),
        (INDONESIAN, ("ms",), "ms"),
        (SPANISH, ("es", "fa"), "es"),
        (BENGALI_SCRIPT, ("bn", "en"), "bn"),
        (BENGALI_SCRIPT, ("as",), "as"),
    ],
)
def test_one_allowed_language_of_the_group_settles_an_open_vote(text, allowed, expected):
    before = record(text)
    assert before["lang"] == "und"  # the premise: the detectors leave it open
    after = settle_allowed(before, allowed)
    assert (after["lang"], after["decided_by"]) == (expected, RULE)
    assert 0 < after["confidence"] <= 1 and "others" not in after
    assert after["candidates"] == before["candidates"]
    assert before["lang"] == "und"  # the record itself is not changed


@pytest.mark.parametrize(
    "text, allowed",
    [
        (CROATIAN, ("hr", "bs")),  # two of the group allowed: still open
        (CROATIAN, ("de", "fr")),  # none of the group allowed: lang-undetermined says so
        (CROATIAN, ("sl",)),  # Slovene is in the group, but no detector comes near it
        (INDONESIAN, ("hr",)),
        # The text's own words rule the allowed language out: Bosnian/Serbian vocabulary
        # ("izvinjavamo", "niko", "šta", "fudbal") is not Croatian; "lijepa" is not Slovene.
        ("Izvinjavamo se, ali tražena stranica nije pronađena.", ("hr",)),
        ("Niko nije znao šta da radi.", ("hr",)),
        ("Fudbal je najpopularniji sport u zemlji.", ("hr",)),
        ("Hvala lijepa", ("sl",)),
    ],
)
def test_the_allow_list_does_not_guess(text, allowed):
    before = record(text)
    assert before["lang"] == "und"
    assert settle_allowed(before, allowed) is before


def test_what_the_words_rule_out_is_recorded_with_the_und():
    assert record("Niko nije znao šta da radi.")["ruled_out"] == ["hr"]
    assert record("Hvala lijepa")["ruled_out"] == ["sl", "sr-Latn"]  # ijekavian
    # The same words leave the languages they belong to open: Bosnian and Serbian both say "šta".
    assert settle_allowed(record("Niko nije znao šta da radi."), ("bs",))["lang"] == "bs"
    assert "ruled_out" not in record(CROATIAN)
    # Nor is a ruled-out language offered among the und's candidates in "others".
    bosnian = record("Niko nije znao šta da radi.")
    assert "hr" in {c["lang"] for top in bosnian["candidates"].values() for c in top}
    assert "hr" not in {o["lang"] for o in bosnian.get("others", [])}


SH = {"hr", "bs"}


@pytest.mark.parametrize(
    "text, named, expected",
    [
        ("Niko nije znao šta da radi.", SH, ("hr",)),  # Bosnian/Serbian words
        ("Tko je uzeo tisuću kuna?", SH, ("bs", "sr-Latn")),  # Croatian words
        ("Promenite vrednost polja.", SH, ("bs", "hr")),  # ekavian: Serbian (or Slovene)
        ("Hvala lijepa", SH, ("sl", "sr-Latn")),  # ijekavian
        ("Platni nalog je poslan banci i sačuvan.", SH, ()),  # Croatian writes these too
        ("Ispričavamo se, ali tražena stranica nije pronađena.", SH, ()),  # nothing decides
        ("Dia membeli tiket kerana harganya murah.", {"id", "ms"}, ("id",)),
        ("Saya tidak bisa datang karena hujan.", {"id", "ms"}, ("ms",)),
        ("Kerana itu, bisa jadi telepon.", {"id", "ms"}, ()),  # both standards' words
        # Other groups' marker words weigh a vote but are shared too widely to rule out:
        ("Boolsk (True, False eller None)", {"no", "da"}, ()),
        ("Tornar a la documentació", {"ca", "es"}, ()),
        ("Corrixa os valores duplicados de abaixo.", {"gl", "pt"}, ()),
        ("Поле для пошуку", {"uk", "ru"}, ()),
    ],
)
def test_ruled_out_is_proof_only(text, named, expected):
    assert ruled_out(text, named) == expected


def test_norwegian_stays_admitted_while_either_written_form_is():
    rec = _record("disagreement", langdetect=[("no", 0.9)], py3langid=[("nn", 0.6), ("no", 0.3)])
    # Nynorsk words ("eg", "kva") rule out Bokmål; "no" admits Nynorsk still.
    assert settle_allowed({**rec, "ruled_out": ["da", "no", "sv"]}, ("no",))["lang"] == "no"
    assert settle_allowed({**rec, "ruled_out": ["da", "nn", "no", "sv"]}, ("no",))["lang"] == "und"
    assert settle_allowed({**rec, "ruled_out": ["nn"]}, ("nn",))["lang"] == "und"


@pytest.mark.parametrize(
    "text",
    [
        "شورای شهر روز سه‌شنبه برای بررسی بودجهٔ جدید تشکیل جلسه داد.",
        "مجلس المدينة اجتمع يوم الثلاثاء لمناقشة الميزانية الجديدة.",
        "市议会周二开会讨论新预算，居民们在会上提出了许多问题。",
        "Der Stadtrat traf sich am Dienstag, um den neuen Haushalt zu besprechen.",
    ],
)
def test_a_tag_the_detectors_gave_is_never_changed(text):
    before = record(text)
    assert before["lang"] != "und"
    assert settle_allowed(before, ("hr",)) is before


def test_a_group_tag_the_detectors_gave_is_not_changed_by_a_neighbour_allowed():
    croatian = record("Tko je to napravio? Ne znam, tisuću puta sam pitao.")
    assert croatian["lang"] == "hr"
    assert settle_allowed(croatian, ("bs",)) is croatian  # lang-not-allowed will say so


def _record(rule: str, **tops: list[tuple[str, float]]) -> dict:
    """An "und" record as the tagger writes it, with these detectors' candidates."""
    candidates = {name: [{"lang": lang, "score": score} for lang, score in top] for name, top in tops.items()}
    return {"lang": "und", "confidence": 0.0, "decided_by": rule, "candidates": candidates}


@pytest.mark.parametrize(
    "allowed, expected",
    [
        (("no",), "no"),  # "no" admits Bokmål and Nynorsk: the tag it names
        (("nb", "en"), "no"),  # nb is written no
        (("nn",), "nn"),
        (("no", "nn"), "und"),  # both named: still open
        (("da",), "da"),
        (("sv",), "und"),  # no detector near it
    ],
)
def test_norwegian_allow_lists(allowed, expected):
    rec = _record(
        "disagreement",
        langdetect=[("no", 0.9), ("da", 0.1)],
        py3langid=[("nn", 0.4), ("da", 0.35), ("no", 0.2)],
        cld2=[("da", 1.0)],
    )
    assert settle_allowed(rec, allowed)["lang"] == expected


@pytest.mark.parametrize(
    "allowed, expected",
    [(("kk",), "kk"), (("kk", "uk"), "und"), (("uk",), "uk"), (("be",), "und"), (("sr",), "und")],
)
def test_a_language_in_two_groups_admits_both(allowed, expected):
    # Russian first everywhere: both groups that hold ru are open (be/ru/uk, kk/ky/mn/ru/tt).
    rec = _record("disagreement", langdetect=[("ru", 0.9)], py3langid=[("ru", 0.40), ("kk", 0.38), ("uk", 0.21)])
    assert settle_allowed(rec, allowed)["lang"] == expected


def test_scripts_and_regions_in_the_allow_list_match_the_tags():
    rec = _record("sh-undecided", py3langid=[("sr-Latn", 0.45), ("bs", 0.40)], cld2=[("hr", 1.0)])
    assert settle_allowed(rec, ("sr",))["lang"] == "sr-Latn"
    assert settle_allowed(rec, ("SR-latn",))["lang"] == "sr-Latn"
    assert settle_allowed(rec, ("sr-Cyrl",))["lang"] == "und"
    iberian = _record("close-pair-undecided", langdetect=[("pt", 0.98)], py3langid=[("es", 0.4), ("pt", 0.38)])
    assert settle_allowed(iberian, ("pt-BR",))["lang"] == "pt"


def test_only_open_votes_within_one_group_are_settled():
    hr_bs = {"py3langid": [("hr", 0.5), ("bs", 0.4)], "cld2": [("hr", 1.0)]}
    assert settle_allowed(_record("close-pair-undecided", **hr_bs), ("hr",))["lang"] == "hr"
    assert settle_allowed(_record("too-short", **hr_bs), ("hr",))["lang"] == "und"
    assert settle_allowed(_record("zh-variant-unknown", **hr_bs), ("hr",))["lang"] == "und"
    # A detector's first choice outside the group: the text may be of another family.
    outside = _record("disagreement", py3langid=[("hr", 0.6), ("bs", 0.3)], cld2=[("de", 1.0)])
    assert settle_allowed(outside, ("hr",))["lang"] == "und"
    settled = settle_allowed(_record("close-pair-undecided", **hr_bs), ("hr",))
    assert settled["decided_by"] == RULE and settled["confidence"] == round(0.5 * (0.5 + 1.0) / 2, 4)


@pytest.mark.parametrize(
    "damage",
    [
        {"decided_by": ["disagreement"]},
        {"candidates": ["x"]},
        {"candidates": {"py3langid": [{"lang": "hr", "score": 10**400}]}},
        {"candidates": {"py3langid": "hr"}},
        {"ruled_out": "hr"},
        {"ruled_out": 5},
    ],
)
def test_a_record_of_another_shape_is_left_as_it_is(damage):
    rec = {**_record("disagreement", py3langid=[("hr", 0.5), ("bs", 0.4)], cld2=[("hr", 1.0)]), **damage}
    assert settle_allowed(rec, ("hr",)) is rec or settle_allowed(rec, ("hr",))["lang"] == "und"


PERSIAN = "شورای شهر روز سه‌شنبه برای بررسی بودجهٔ جدید تشکیل جلسه داد."
HR, FA = doc_name(0), doc_name(1)


@pytest.mark.parametrize("languages, croatian", [(None, "und"), (["hr", "fa"], "hr"), (["hr", "bs", "fa"], "und")])
def test_tag_and_check_use_the_configured_languages(cli, tmp_path, languages, croatian):
    seeds = make_seeds(tmp_path, {HR: CROATIAN + "\n", FA: PERSIAN + "\n"})
    if languages is not None:
        (tmp_path / "seedkeeper.toml").write_text(f"languages = {json.dumps(languages)}\n", encoding="utf-8")
    tagged = cli("tag", seeds, "--format", "json", "--explain")
    assert tagged.exit_code == 0, tagged.output
    docs = {d["file"]: d for d in json.loads(tagged.stdout)["documents"]}
    assert (docs[HR]["lang"], docs[FA]["lang"]) == (croatian, "fa")
    assert (docs[HR]["decided_by"] == RULE) is (croatian == "hr")
    checked = cli("check", seeds, "--format", "json")
    problems = json.loads(checked.stdout)["problems"]
    codes = {(p["file"], p["code"]) for p in problems}
    assert ((HR, "lang-undetermined") in codes) is (croatian == "und")
    # The Serbo-Croatian rule left it open among candidates: not "too little text", nor a
    # disagreement of detectors that may well agree.
    undetermined = [p["message"] for p in problems if p["code"] == "lang-undetermined"]
    assert all("(close languages write it alike: " in m and "hr" in m for m in undetermined)
    assert not any(code == "lang-not-allowed" for _, code in codes)


def test_the_cache_keeps_the_detectors_answer_whatever_the_allow_list(cli, tmp_path):
    seeds = make_seeds(tmp_path, {HR: CROATIAN + "\n", FA: PERSIAN + "\n"})
    config = tmp_path / "seedkeeper.toml"
    seen = []
    for languages in (["hr", "fa"], None, ["bs", "fa"], ["hr", "fa"]):
        if languages is None:
            config.unlink()
        else:
            config.write_text(f"languages = {json.dumps(languages)}\n", encoding="utf-8")
        out = cli("tag", seeds, "--format", "json", "--cache-dir", tmp_path / "cache")
        seen.append({d["file"]: d["lang"] for d in json.loads(out.stdout)["documents"]}[HR])
    assert seen == ["hr", "und", "bs", "hr"]


def test_a_pinned_language_is_not_overruled_by_the_allow_list(cli, tmp_path):
    index = f"# Seeds\n\n- {HR} (lang: bs)\n- {FA}\n"
    seeds = make_seeds(tmp_path, {HR: CROATIAN + "\n", FA: PERSIAN + "\n"}, index)
    (tmp_path / "seedkeeper.toml").write_text('languages = ["hr", "fa"]\n', encoding="utf-8")
    problems = json.loads(cli("check", seeds, "--format", "json").stdout)["problems"]
    # The pin decides: no lang-mismatch against a settled hr, and bs is not allowed.
    found = {(p["file"], p["code"]) for p in problems if p["code"].startswith("lang-")}
    assert (HR, "lang-mismatch") not in found and (HR, "lang-not-allowed") in found
    tagged = json.loads(cli("tag", seeds, "--format", "json").stdout)["documents"]
    assert [(d["lang"], d["pinned"]) for d in tagged if d["file"] == HR] == [("und", "bs")]


def test_a_pin_the_allow_list_agrees_with_is_settled_like_any_document(cli, tmp_path):
    other = doc_name(2)
    index = f"# Seeds\n\n- {HR} (lang: hr)\n- {other}\n- {FA}\n"
    files = {HR: CROATIAN + "\n", other: "Molimo, " + CROATIAN + "\n", FA: PERSIAN + "\n"}
    seeds = make_seeds(tmp_path, files, index)
    (tmp_path / "seedkeeper.toml").write_text('languages = ["hr", "fa"]\n', encoding="utf-8")
    tagged = {d["file"]: d["lang"] for d in json.loads(cli("tag", seeds, "--format", "json").stdout)["documents"]}
    assert tagged[HR] == tagged[other] == "hr"
    problems = json.loads(cli("check", seeds, "--format", "json").stdout)["problems"]
    assert not [p for p in problems if p["code"].startswith("lang-")]


def test_tag_explains_what_the_words_rule_out(cli, tmp_path):
    seeds = make_seeds(tmp_path, {HR: "Niko nije znao šta da radi.\n", FA: PERSIAN + "\n"})
    text = cli("tag", seeds, "--explain")
    assert text.exit_code == 0 and "ruled out by its words: hr" in text.stdout
    plain = {d["file"]: d for d in json.loads(cli("tag", seeds, "--format", "json").stdout)["documents"]}
    explained = {
        d["file"]: d for d in json.loads(cli("tag", seeds, "--format", "json", "--explain").stdout)["documents"]
    }
    assert "ruled_out" not in plain[HR] and explained[HR]["ruled_out"] == ["hr"]


def test_the_allow_list_settles_a_tag_word_frequencies_gave(cli, tmp_path):
    # Torn detectors, and "senarai" leaning Malay: "lexicon" gives ms. A corpus that allows
    # Indonesian and not Malay has answered the question already: id, and no lang-not-allowed.
    name = doc_name(0)
    seeds = make_seeds(
        tmp_path, {name: "Ini senarai buku baru perpustakaan yang diumumkan setiap bulan.\n", FA: PERSIAN + "\n"}
    )
    docs = {d["file"]: d for d in json.loads(cli("tag", seeds, "--format", "json", "--explain").stdout)["documents"]}
    assert (docs[name]["lang"], docs[name]["decided_by"]) == ("ms", "lexicon")
    (tmp_path / "seedkeeper.toml").write_text('languages = ["id", "fa"]\n', encoding="utf-8")
    docs = {d["file"]: d for d in json.loads(cli("tag", seeds, "--format", "json", "--explain").stdout)["documents"]}
    assert (docs[name]["lang"], docs[name]["decided_by"]) == ("id", RULE)
    problems = json.loads(cli("check", seeds, "--format", "json").stdout)["problems"]
    assert not [p for p in problems if p["code"].startswith("lang-")]
