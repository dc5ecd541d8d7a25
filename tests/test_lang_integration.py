"""The tagger inside the commands: `tag --explain` (cold and warm), documents that are not valid
text get `und`, lang-mismatch names the candidates, and pinned/allowed tags match the tags the
tagger emits (sr-Cyrl, sr-Latn, zh-Hans, zh-Hant)."""

from __future__ import annotations

import json

import pytest

from helpers import doc_name, make_seeds
from lang_fixtures import SENTENCES
from multilingual import CLEAN
from seedkeeper.operations.findings import candidate_langs, same_lang

pytestmark = pytest.mark.usefixtures("isolated_env")

HR = (
    "Dobar dan, kako ste danas? Ovo je rečenica na hrvatskom jeziku koju bi svatko trebao razumjeti. "
    "Tvrtka je prošle godine zaposlila tridesetak novih radnika i otvorila ured u Splitu.\n"
)
SR_CYRL = (
    "Добар дан, како сте данас? Ово је реченица на српском језику коју би свако требало да разуме. "
    "Фирма је прошле године запослила тридесетак нових радника и отворила канцеларију у Нишу.\n"
)
# French and Persian read as UTF-8 bytes decoded with the wrong code page (cp1252 / latin-1).
MOJIBAKE_FR = (
    "La boulangerie du coin ouvre Ã  sept heures, et dÃ¨s huit heures il y a souvent une file dehors.\n"
    "Ma grand-mÃ¨re garde toutes les lettres qu'elle a reÃ§ues dans une boÃ®te en bois sous son lit.\n"
)
MOJIBAKE_FA = (
    "Ø³Ù„Ø§Ù… Ø¯ÙˆØ³Øª Ø¹Ø²ÛŒØ² Ù…Ù† Ø§Ù…Ø±ÙˆØ² Ø¨Ù‡ Ú©ØªØ§Ø¨Ø®Ø§Ù†Ù‡ Ø±ÙØªÙ… Ùˆ Ú†Ù†Ø¯ Ú©ØªØ§Ø¨ Ø®ÙˆØ§Ù†Ø¯Ù….\n"
)
NOT_UTF8 = CLEAN["en"].encode() + b"caf\xe9 au lait\n"
N = {key: doc_name(i, key) for i, key in enumerate(["en", "fa", "zh", "hr", "sr", "moj-fr", "moj-fa", "bad"])}


def tag_json(cli, root, *args) -> list[dict]:
    r = cli("tag", root, "--format", "json", *args)
    assert r.exit_code == 0 and r.exception is None, r.output
    return json.loads(r.stdout)["documents"]


@pytest.fixture
def mixed_folder(tmp_path):
    files = {
        N["en"]: CLEAN["en"],
        N["fa"]: CLEAN["fa"],
        N["zh"]: CLEAN["zh"],
        N["hr"]: HR,
        N["sr"]: SR_CYRL,
        N["moj-fr"]: MOJIBAKE_FR,
        N["moj-fa"]: MOJIBAKE_FA,
        N["bad"]: NOT_UTF8,
    }
    return make_seeds(tmp_path, files)


# ---------------------------------------------------------------- --explain


def test_explain_json_adds_the_rule_and_each_detectors_candidates(cli, mixed_folder):
    docs = {d["file"]: d for d in tag_json(cli, mixed_folder, "--explain", "--no-cache")}
    fa = docs[N["fa"]]
    assert fa["lang"] == "fa" and fa["decided_by"] in ("agree", "py3langid+cld2", "reliable-pair")
    assert set(fa["candidates"]) <= {"langdetect", "py3langid", "cld2", "cld2-unreliable"}
    assert fa["candidates"]["py3langid"][0] == {"lang": "fa", "score": fa["candidates"]["py3langid"][0]["score"]}
    assert docs[N["zh"]]["decided_by"] == "script" and docs[N["zh"]]["candidates"] == {}
    assert all("decided_by" in d and "candidates" in d for d in docs.values())


def test_without_explain_the_shape_is_unchanged(cli, mixed_folder):
    for d in tag_json(cli, mixed_folder, "--no-cache"):
        assert "decided_by" not in d and "candidates" not in d, d


def test_explain_is_the_same_from_a_warm_cache(cli, mixed_folder, tmp_path):
    cache = tmp_path / "cache"
    plain_cold = tag_json(cli, mixed_folder, "--cache-dir", cache)  # fills the cache without --explain
    warm = tag_json(cli, mixed_folder, "--explain", "--cache-dir", cache)
    cold = tag_json(cli, mixed_folder, "--explain", "--no-cache")
    assert warm == cold
    assert tag_json(cli, mixed_folder, "--cache-dir", cache) == plain_cold
    assert all(d["candidates"] for d in warm if d["decided_by"] in ("agree", "py3langid+cld2", "reliable-pair"))


def test_explain_text_prints_a_rule_and_a_candidates_line_per_document(cli, mixed_folder):
    r = cli("tag", mixed_folder, "--explain", "--no-cache")
    assert r.exit_code == 0 and r.exception is None, r.output
    lines = r.stdout.splitlines()
    at = next(i for i, ln in enumerate(lines) if ln.startswith(N["fa"]))
    assert lines[at].split()[1] == "fa"
    assert lines[at + 1].strip().startswith("decided by: ")
    assert lines[at + 2].strip().startswith("candidates: ") and "py3langid fa" in lines[at + 2]
    assert sum(ln.strip().startswith("decided by: ") for ln in lines) == 8


# ---------------------------------------------------------------- documents that are not valid text


def test_documents_that_are_not_valid_text_are_und(cli, mixed_folder):
    docs = {d["file"]: d for d in tag_json(cli, mixed_folder, "--explain", "--no-cache")}
    for key, code in (("moj-fr", "mojibake"), ("moj-fa", "mojibake"), ("bad", "not-utf8")):
        d = docs[N[key]]
        assert (d["lang"], d["confidence"], d["decided_by"], d["error"]) == ("und", 0.0, "not-text", code), d


def test_valid_text_is_tagged_as_usual(cli, mixed_folder):
    docs = {d["file"]: d for d in tag_json(cli, mixed_folder, "--explain", "--no-cache")}
    got = {key: docs[N[key]]["lang"] for key in ("en", "fa", "zh", "hr", "sr")}
    assert got == {"en": "en", "fa": "fa", "zh": "zh-Hans", "hr": "hr", "sr": "sr-Cyrl"}
    assert not any("error" in docs[N[key]] or docs[N[key]]["decided_by"] == "not-text" for key in got)


def test_not_text_documents_get_their_own_finding_not_lang_undetermined(cli, mixed_folder):
    r = cli("check", mixed_folder, "--format", "json", "--no-cache")
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit), r.output  # not-utf8 is an error
    problems = json.loads(r.stdout)["problems"]
    codes = {(p["file"], p["code"]) for p in problems}
    assert {(N["moj-fr"], "mojibake"), (N["moj-fa"], "mojibake"), (N["bad"], "not-utf8")} <= codes
    assert not [p for p in problems if p["code"].startswith("lang-")], problems


# ---------------------------------------------------------------- lang-mismatch and the allow-list


def _check(cli, root) -> list[dict]:
    # A hand-written list is not the managed table: index-outdated is beside the point here.
    r = cli("check", root, "--format", "json", "--no-cache", "--ignore", "index-outdated")
    assert r.exit_code == 0 and r.exception is None, r.output
    return json.loads(r.stdout)["problems"]


def test_lang_mismatch_names_the_detected_candidates(cli, tmp_path):
    index = f"# S\n\n- {N['hr']} (lang: bs)\n- {N['en']} (lang: hr)\n"
    root = make_seeds(tmp_path, {N["hr"]: HR, N["en"]: CLEAN["en"]}, index=index)
    mism = {p["file"]: p["message"] for p in _check(cli, root) if p["code"] == "lang-mismatch"}
    assert set(mism) == {N["hr"], N["en"]}
    assert mism[N["hr"]].startswith("INDEX.md says bs, detected hr (") and "candidates: hr" in mism[N["hr"]]
    assert "bs" in mism[N["hr"]].split("candidates: ")[1]  # py3langid's runner-up: the person may be right
    assert "candidates: en" in mism[N["en"]]


@pytest.mark.parametrize("pinned", ["sr", "sr-Cyrl", "SR-cyrl", "sr-RS"])
def test_pinned_serbian_matches_sr_cyrl_quietly(cli, tmp_path, pinned):
    root = make_seeds(tmp_path, {N["sr"]: SR_CYRL}, index=f"# S\n\n- {N['sr']} (lang: {pinned})\n")
    assert not [p for p in _check(cli, root) if p["code"].startswith("lang-")]


@pytest.mark.parametrize("pinned", ["sr-Latn", "zh-Hant", "zh-TW"])
def test_pinned_tag_of_another_script_is_a_mismatch(cli, tmp_path, pinned):
    text = SR_CYRL if pinned.startswith("sr") else CLEAN["zh"]
    key = "sr" if pinned.startswith("sr") else "zh"
    root = make_seeds(tmp_path, {N[key]: text}, index=f"# S\n\n- {N[key]} (lang: {pinned})\n")
    assert [p["code"] for p in _check(cli, root) if p["code"].startswith("lang-")] == ["lang-mismatch"]


@pytest.mark.parametrize(
    ("allowed", "bad"),
    [
        (["sr", "zh"], set()),
        (["sr-Cyrl", "zh-Hans"], set()),
        (["sr-Latn", "zh-Hans"], {"sr"}),
        (["sr-Cyrl", "zh-Hant"], {"zh"}),
        (["hr"], {"sr", "zh"}),
    ],
)
def test_allow_list_with_script_subtags(cli, tmp_path, allowed, bad):
    root = make_seeds(tmp_path, {N["sr"]: SR_CYRL, N["zh"]: CLEAN["zh"]})
    (tmp_path / "seedkeeper.toml").write_text(f"languages = {json.dumps(allowed)}\n", encoding="utf-8")
    flagged = {p["file"] for p in _check(cli, root) if p["code"] == "lang-not-allowed"}
    assert flagged == {N[key] for key in bad}


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("zh", "zh-Hans", True),
        ("zh-CN", "zh-Hans", True),
        ("zh-TW", "zh-Hant", True),
        ("zh-HK", "zh-Hans", False),
        ("zh-Hans", "zh-Hant", False),
        ("sr", "sr-Latn", True),
        ("sr-Latn", "sr-Cyrl", False),
        ("sr-RS", "sr-Cyrl", True),
        ("pt-BR", "pt", True),
        ("nb", "no", True),
        ("no", "nn", True),
        ("iw", "he", True),
        ("in", "id", True),
        ("ms", "id", False),
        ("hr", "bs", False),
        ("FA", "fa", True),
    ],
)
def test_same_lang(a, b, same):
    assert same_lang(a, b) is same and same_lang(b, a) is same


def test_candidate_langs_ranks_by_best_score_and_tolerates_old_records():
    # The order `tag` shows an und's candidates in (result.ranked_candidates): sl came before bs
    # only because langdetect is listed before py3langid.
    lang = {
        "lang": "hr",
        "confidence": 0.7,
        "candidates": {
            "langdetect": [{"lang": "hr", "score": 0.9}, {"lang": "sl", "score": 0.1}],
            "py3langid": [{"lang": "hr", "score": 0.6}, {"lang": "bs", "score": 0.3}],
            "cld2": [{"lang": "hr", "score": 1.0}],
        },
    }
    assert candidate_langs(lang) == ["hr", "bs", "sl"]
    assert candidate_langs({"lang": "en", "confidence": 0.9}) == []
    assert candidate_langs({"lang": "und", "confidence": 0.0, "candidates": ["x"]}) == []
    assert SENTENCES["hr"]  # the fixtures this file's Croatian mirrors exist
