"""A note typed with Persian/Arabic or CJK punctuation reads as the same note typed with ASCII:
`ignore：bom` (full-width colon), `ignore: bom، crlf` (Arabic comma), `ignore: bom，crlf`
(full-width comma), `lang：fa`, `x؛ lang: fa؛ y` (Arabic semicolon). Each mark counts exactly where
its ASCII counterpart does, no more: prose stays prose, and a semicolon of any script ends an
`ignore:` list as `;` does."""

from __future__ import annotations

import json

import pytest

from helpers import doc_name, make_seeds, managed_rows
from multilingual import CLEAN
from seedkeeper.indexmd.entries import pinned_lang, without_pinned_lang
from seedkeeper.indexmd.notes import ignores_in_note
from seedkeeper.indexmd.reader import parse_index

pytestmark = pytest.mark.usefixtures("isolated_env")

DOC = doc_name(1, "punct")

# What Persian/Arabic and Chinese/Japanese keyboards type for the ASCII marks.
ARABIC = str.maketrans({",": "\u060c", ";": "\u061b"})
FULL_WIDTH = str.maketrans(
    {",": "\uff0c", ";": "\uff1b", ":": "\uff1a", "=": "\uff1d", "(": "\uff08", ")": "\uff09", ".": "\u3002"}
)
IDEOGRAPHIC_COMMA = str.maketrans({",": "\u3001"})

NOTES = [
    "ignore: bom, crlf",
    "ignore=bom, crlf (lang: fa)",
    "kept on purpose (ignore: near-duplicate, lang-)",
    "ignore: bom; crlf",  # a semicolon ends the list: "crlf" is the next clause's word
    "ignore: bom; ignore: crlf",
    "we never ignore this",
    "lang: fa",
    "Persian park text (lang: fa)",
    "a (b, lang: fa)",
    "a (lang: fa, b)",
    "news, lang=fa, more",
    "a , , b lang: fa",
    "a, lang=fa.",
    "a, lang: fa;",
    "lang: en; quoted (lang: fa)",
    "note (lang: fa), more",
    "x (lang: fa) — y",
    "Language: ; Source: x lang: fa",
    "language: fa, from the BBC",
    "Plain language: no jargon",  # prose
    "Plain language: no-nonsense",  # prose, wholly
    "lang: no-nonsense, lang: fa",
    "language: en title: x",
]


@pytest.mark.parametrize("table", [ARABIC, FULL_WIDTH, IDEOGRAPHIC_COMMA], ids=["arabic", "full-width", "ideographic"])
@pytest.mark.parametrize("ascii_note", NOTES)
def test_a_note_reads_alike_in_any_scripts_punctuation(ascii_note, table):
    note = ascii_note.translate(table)
    assert pinned_lang(note) == pinned_lang(ascii_note)
    assert ignores_in_note(note) == ignores_in_note(ascii_note)
    # The pin goes with its seam; every other character of the note stays as typed.
    assert without_pinned_lang(note) == without_pinned_lang(ascii_note).translate(table)


@pytest.mark.parametrize(
    "note, codes",
    [
        ("ignore：bom", ("bom",)),
        ("ignore: bom، crlf", ("bom", "crlf")),
        ("ignore: bom，crlf", ("bom", "crlf")),
        ("ignore: bom、crlf", ("bom", "crlf")),
        ("ignore：bom；lang：fa", ("bom",)),
        ("ignore: bom؛ crlf", ("bom",)),  # as `ignore: bom; crlf`
        ("ignore: bom؛ ignore: crlf", ("bom", "crlf")),
        ("（ignore：near-duplicate，lang-）", ("near-duplicate", "lang-")),
    ],
)
def test_the_reported_notes(note, codes):
    assert ignores_in_note(note) == codes


@pytest.mark.parametrize(
    "note, pin, left",
    [
        ("lang：fa", "fa", ""),
        ("lang＝zh-Hans", "zh-Hans", ""),
        ("خبر؛ lang: fa؛ بی‌بی‌سی", "fa", "خبر؛ بی‌بی‌سی"),
        ("منبع: BBC، lang：fa", "fa", "منبع: BBC"),
        ("新华社（lang：zh-Hans），2020年", "zh-Hans", "新华社，2020年"),
        ("新闻，language：zh-Hant。", "zh-Hant", "新闻。"),
        ("简明语言：no-nonsense", None, "简明语言：no-nonsense"),
        ("Plain language：no jargon", None, "Plain language：no jargon"),
    ],
)
def test_pins_and_what_is_left_of_the_note(note, pin, left):
    assert pinned_lang(note) == pin
    assert without_pinned_lang(note) == left


@pytest.mark.parametrize("mark", [",", ";", ":", "\u060c", "\u061b", "\uff0c", "\uff1b", "\uff1a", "\u3001"])
def test_a_name_followed_by_a_mark_is_read_as_with_an_ascii_one(mark):
    doc = parse_index(f"# S\n\n- {DOC}{mark} lang: fa\n")
    assert [(e.rel, e.lang) for e in doc.entries] == [(DOC, "fa")]


def _problems(cli, root) -> list[tuple[str, str]]:
    r = cli("check", root, "--format", "json")
    assert r.exit_code in (0, 1), r.output
    return [(p["file"], p["code"]) for p in json.loads(r.stdout)["problems"]]


@pytest.mark.parametrize("note", ["ignore：bom，crlf", "ignore: bom، crlf", "ignore: bom、crlf", "(ignore：bom, crlf)"])
def test_check_accepts_what_the_note_says(cli, tmp_path, note):
    text = "\ufeff" + CLEAN["fa"].replace("\n", "\r\n")
    root = make_seeds(tmp_path, {DOC: text}, f"# Seeds\n\n- {DOC} {note}\n")
    found = {code for _, code in _problems(cli, root)}
    assert not found & {"bom", "crlf", "unused-ignore"}, found


def test_index_moves_a_full_width_pin_and_keeps_the_rest(cli, tmp_path):
    root = make_seeds(tmp_path, {DOC: CLEAN["fa"]}, f"# Seeds\n\n- {DOC} منبع: BBC، lang：fa؛ ignore：bom\n")
    assert cli("index", root).exit_code == 0
    row = managed_rows(root)[DOC]
    assert (row["Pinned"], row["Notes"]) == ("fa", "منبع: BBC، ignore：bom")  # as "Source: BBC, ignore: bom"
    assert cli("check", root).exit_code == 0
