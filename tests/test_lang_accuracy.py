"""Accuracy on the hand-written multilingual set: every short and paragraph document."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

import lang_fixtures as F  # noqa: E402
from seedkeeper.lang import tag_many  # noqa: E402


def _errors(docs):
    results = tag_many([t for t, _ in docs], jobs=1)
    return [(lang, r.lang, t[:50]) for (t, lang), r in zip(docs, results) if r.lang != lang]


def test_fixture_set_covers_required_languages():
    required = {
        "fa",
        "ar",
        "ur",
        "zh-Hans",
        "zh-Hant",
        "ja",
        "ko",
        "hi",
        "ru",
        "uk",
        "bg",
        "mk",
        "he",
        "th",
        "el",
        "es",
        "pt",
        "da",
        "no",
        "cs",
        "sk",
        "hr",
        "sl",
    }
    assert required <= set(F.LANGUAGES)
    assert len(F.LANGUAGES) >= 25


# Languages whose close neighbour langdetect cannot know (bs / sr-Latn beside hr, ms beside id):
# a sentence written the same way in both is "und", never the neighbour's tag.
NEIGHBOURED = {"hr", "id"}


def test_short_documents_all_correct_or_und_beside_a_neighbour():
    errors = _errors(F.short_docs())
    assert [e for e in errors if e[1] != "und" or e[0] not in NEIGHBOURED] == []
    # Most of those sentences still carry the words that tell the neighbours apart.
    for lang in NEIGHBOURED:
        assert sum(e[0] == lang for e in errors) <= len(F.SENTENCES[lang]) // 2


def test_paragraph_documents_all_correct_or_und_beside_a_neighbour():
    # Target 99.5%; on this set no paragraph gets a wrong tag. A Croatian paragraph that uses
    # no word Bosnian would write differently is "und" when the detectors are torn.
    docs = F.paragraph_docs()
    errors = _errors(docs)
    assert [e for e in errors if e[1] != "und" or e[0] not in NEIGHBOURED] == []
    assert len(errors) <= 0.005 * len(docs)
