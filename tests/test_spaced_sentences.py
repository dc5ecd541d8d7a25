"""A list item or table cell that ends in ".txt" reads as one file name with spaces (`- persian
news.txt`). A changelog line is a sentence instead: "- Renamed b.txt to 001_x.txt" mentions the
file its last word names, and is no listing of a missing "Renamed b.txt to 001_x.txt"
(corpus/model._a_sentence); a sentence about a file no longer there still reads as a spaced
name, and its missing-file says how to write it as a sentence."""

from __future__ import annotations

import json

import pytest

from helpers import doc_name, make_seeds
from multilingual import CLEAN

pytestmark = pytest.mark.usefixtures("isolated_env")

A = doc_name(1, "sent")


def _problems(cli, root) -> list[tuple[str | None, str, int | None]]:
    r = cli("check", root, "--format", "json")
    assert r.exit_code in (0, 1), r.output
    return [
        (p["file"], p["code"], p["line"]) for p in json.loads(r.stdout)["problems"] if p["code"] != "index-outdated"
    ]


@pytest.mark.parametrize(
    "line",
    [
        f"- Renamed b.txt to {A}",
        f"- جایگزین نسخهٔ قدیمی شد با {A}",  # Persian: "replaced the old version with ..."
        f"- 旧版本已替换为 {A}",  # Chinese
        f"| Renamed b.txt to {A} | 2026-11 |",
    ],
)
def test_a_sentence_ending_in_a_file_in_the_folder_is_no_listing(cli, tmp_path, line):
    table = "| Change | When |\n| --- | --- |\n" if line.startswith("|") else ""
    root = make_seeds(tmp_path, {A: CLEAN["fa"]}, f"# S\n\n- {A}\n\n## Changelog\n\n{table}{line}\n")
    assert _problems(cli, root) == []


def test_a_sentence_about_a_file_no_longer_there_says_how_to_write_it(cli, tmp_path):
    root = make_seeds(tmp_path, {A: CLEAN["fa"]}, f"# S\n\n- {A}\n\n## Changelog\n\n- Removed the old copy of a.txt\n")
    r = cli("check", root, "--format", "json")
    [p] = [p for p in json.loads(r.stdout)["problems"] if p["code"] == "missing-file"]
    assert (p["file"], p["line"]) == ("Removed the old copy of a.txt", 7)
    assert "end it with a period or put the file's name in backticks" in p["message"]
    # Written either way, it is prose.
    for fixed in ("- Removed the old copy of a.txt.", "- Removed the old copy of `a.txt`"):
        (root / "INDEX.md").write_text(f"# S\n\n- {A}\n\n## Changelog\n\n{fixed}\n", encoding="utf-8")
        assert _problems(cli, root) == [], fixed


def test_a_spaced_name_of_a_gone_file_is_still_missing(cli, tmp_path):
    # "news.txt" is in the folder, but the person listed "persian news.txt": two words, or marked.
    files = {A: CLEAN["fa"], "news.txt": CLEAN["en"]}
    for item in (
        "- persian news.txt",
        "- `bbc persian news.txt`",
        "- [bbc persian news.txt](<bbc persian news.txt>)",
    ):
        root = make_seeds(tmp_path, files, f"# S\n\n- {A}\n- news.txt\n{item}\n")
        gone = item.strip("- `[").split("]")[0].rstrip("`")
        assert (gone, "missing-file", 5) in _problems(cli, root), item


def test_a_sentence_names_a_file_the_folder_spells_decomposed(cli, tmp_path):
    # macOS writes names decomposed; INDEX.md is typed composed. The changelog sentence ends in
    # that file's name, so it is a mention, not a listing of a missing spaced name.
    composed, decomposed = "caf\u00e9.txt", "cafe\u0301.txt"
    root = make_seeds(tmp_path, {A: CLEAN["fa"], decomposed: CLEAN["en"]}, f"# S\n\n- {A}\n- {composed}\n")
    (root / "INDEX.md").write_text(
        f"# S\n\n- {A}\n- {composed}\n\n## Changelog\n\n- Renamed b.txt to {composed}\n", encoding="utf-8"
    )
    assert [p for p in _problems(cli, root) if p[1] == "missing-file"] == []
