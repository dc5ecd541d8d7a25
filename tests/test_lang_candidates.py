"""One order of candidate languages: `tag` (an `und`'s others) and `check` (lang-undetermined,
lang-mismatch) name the detectors' candidates by their best score, ties by tag
(lang.result.ranked_candidates); `check` said "sq, en" where `tag` said "en, sq"."""

from __future__ import annotations

import json
import re

import pytest

from helpers import doc_name, make_seeds
from seedkeeper.lang.result import LangResult, ranked_candidates
from seedkeeper.operations.findings import candidate_langs

pytestmark = pytest.mark.usefixtures("isolated_env")

DOC = doc_name(1, "cand")
# English and Albanian words the detectors split on: py3langid, CLD2 and langdetect each rank them
# otherwise, and the tag is `und`.
MIXED = "i moti mirë with the.\n"


def test_ranked_candidates_are_by_best_score_then_tag():
    tops = [(("sq", 0.6), ("en", 0.3)), (("en", 0.9), ("it", 0.6)), (("af", 0.6),)]
    assert ranked_candidates(tops) == [("en", 0.9), ("af", 0.6), ("it", 0.6), ("sq", 0.6)]
    assert ranked_candidates(reversed(tops)) == ranked_candidates(tops)  # whatever the detectors' order


def test_the_record_and_the_result_give_the_same_order():
    result = LangResult("und", 0.0, candidates=(("py3langid", (("sq", 0.6), ("en", 0.3))), ("cld2", (("en", 0.9),))))
    assert list(result.candidate_langs()) == candidate_langs(result.to_dict(explain=True)) == ["en", "sq"]


def test_check_names_the_candidates_tag_shows_in_its_order(cli, tmp_path):
    root = make_seeds(tmp_path, {DOC: MIXED})
    tagged = json.loads(cli("tag", root, "--format", "json").stdout)["documents"][0]
    assert tagged["lang"] == "und" and len(tagged["others"]) > 1, tagged
    shown = [o["lang"] for o in tagged["others"]]
    problems = json.loads(cli("check", root, "--format", "json").stdout)["problems"]
    message = next(p["message"] for p in problems if p["code"] == "lang-undetermined")
    said = re.search(r"disagree: ([^;)]*)", message).group(1).split(", ")
    assert said == shown, (message, shown)
    text = cli("tag", root).stdout
    assert "candidates: " + ", ".join(shown) in " ".join(text.split())
