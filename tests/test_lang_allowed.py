"""The `languages` allow-list settles what the detectors leave open inside one group of close languages."""

from __future__ import annotations

import json

import pytest

from helpers import doc_name, make_seeds
from seedkeeper.lang import detect_language
from seedkeeper.lang.allowed import RULE, settle_allowed

# Croatian that Bosnian writes the same way; Indonesian that Malay writes the same way; Spanish
# the detectors split with Portuguese and Galician. Each is "und" without an allow-list.
CROATIAN = "Ispričavamo se, ali tražena stranica nije pronađena."
INDONESIAN = "Setiap orang berhak mendapat pendidikan."
SPANISH = "Ingrese dos fechas válidas."


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
        ("Boolsk (True, False eller None)", ("no",)),  # one detector outside the group (CLD2: Wolof)
        ("ok", ("en",)),  # too short to judge is not an open vote
    ],
)
def test_the_allow_list_does_not_guess(text, allowed):
    before = record(text)
    assert before["lang"] == "und"
    assert settle_allowed(before, allowed) is before


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
    codes = {(p["file"], p["code"]) for p in json.loads(checked.stdout)["problems"]}
    assert ((HR, "lang-undetermined") in codes) is (croatian == "und")
    assert not any(code == "lang-not-allowed" for _, code in codes)
