"""The commands on a hand-written table row that names several documents, one per cell (a
parallel corpus): each is listed, for check, validate, tag, stats, dedup --apply, restore, index
and rename alike. (The core, called plainly: test_index_multi_ref.py.)"""

from __future__ import annotations

import json

import pytest

from helpers import assert_exit, make_seeds

pytestmark = pytest.mark.usefixtures("isolated_env")

EN, FA, ZH, EN2 = "en_001.txt", "ترجمه_۰۰۱.txt", "中文_001.txt", "en_002.txt"
FA_COPY, EN_COPY = "نسخه_۰۰۲.txt", "en_copy.txt"
TEXTS = {
    EN: "All human beings are born free and equal in dignity and rights. They are endowed with reason.\n",
    FA: "تمام افراد بشر آزاد به دنیا می‌آیند و از لحاظ حیثیت و حقوق با هم برابرند و عقل دارند.\n",
    EN2: "Everyone has the right to life, liberty and security of person, and to a fair hearing too.\n",
    ZH: "人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。\n",
}
HEAD = "| Original | Translation | Source |\n| --- | --- | --- |\n"
TABLE = f"{HEAD}| {EN} | {FA} | UN declaration |\n| {EN2} | {ZH} | 联合国 |\n"
INDEX = f"# Seeds\n\n{TABLE}"


def problems(cli, root, command: str = "validate") -> list[tuple[str | None, str, int | None]]:
    out = json.loads(cli(command, root, "--format", "json").stdout)
    return [(p["file"], p["code"], p["line"]) for p in out["problems"]]


def codes(cli, root) -> set[str]:
    return {code for _f, code, _line in problems(cli, root)}


def test_validate_and_check_see_every_document_of_the_row(cli, tmp_path):
    root = make_seeds(tmp_path, TEXTS, INDEX)
    found = problems(cli, root)
    assert not [p for p in found if p[1] in ("unlisted-file", "duplicate-entry", "missing-file")], found
    assert not [p for p in problems(cli, root, "check") if p[1] == "unlisted-file"]


def test_a_document_named_in_a_later_cell_and_absent_is_missing(cli, tmp_path):
    root = make_seeds(tmp_path, {k: v for k, v in TEXTS.items() if k != ZH}, INDEX)
    assert [p for p in problems(cli, root) if p[1] == "missing-file"] == [(ZH, "missing-file", 6)]


def test_a_document_named_in_a_later_cell_and_listed_elsewhere_is_listed_there(cli, tmp_path):
    # The later cell mentions it (review H2: a "Translated from" column names a related
    # document); a document listed twice as a row's first reference or an item stays an error.
    root = make_seeds(tmp_path, TEXTS, f"{INDEX}\n- {FA}\n")
    assert not [p for p in problems(cli, root) if p[1] in ("duplicate-entry", "unlisted-file")]
    root = make_seeds(tmp_path, TEXTS, f"{INDEX}\n- {EN}\n", folder="again")
    assert [p for p in problems(cli, root) if p[1] == "duplicate-entry"] == [(EN, "duplicate-entry", 8)]


def test_an_ignore_in_the_row_accepts_for_each_of_its_documents(cli, tmp_path):
    index = f"# Seeds\n\n| Original | Translation | Notes |\n|---|---|---|\n| {EN} | {FA} | ignore: bad-name |\n"
    root = make_seeds(tmp_path, {EN: TEXTS[EN], FA: TEXTS[FA]}, index)
    assert "bad-name" not in codes(cli, root)


def test_tag_and_stats_read_the_rows_pin_for_its_first_document(cli, tmp_path):
    # A row's pin is its first reference's (review M2), as it was before a row listed several.
    other = "این متن دیگری به زبان فارسی است که دربارهٔ آزادی و برابری همهٔ مردم جهان نوشته شده.\n"
    files = {FA: TEXTS[FA], FA_COPY: other, ZH: TEXTS[ZH]}
    index = f"# Seeds\n\n| متن | بازنویسی | Notes |\n|---|---|---|\n| {FA} | {FA_COPY} | lang: fa |\n\n- {ZH}\n"
    root = make_seeds(tmp_path, files, index)
    tagged = json.loads(cli("tag", root, "--format", "json").stdout)["documents"]
    assert {d["file"]: d.get("pinned") for d in tagged} == {FA: "fa", FA_COPY: None, ZH: None}
    stats = json.loads(cli("stats", root, "--format", "json").stdout)
    assert (stats["listed"], stats["on_disk"]) == (3, 3)


def _dedup_then_restore(cli, root, moved):
    assert_exit(cli("dedup", root, "--apply", "--jobs", "1"), 0)
    after = (root / "INDEX.md").read_text(encoding="utf-8")
    for f in moved:
        assert_exit(cli("restore", f, "--seeds", root), 0)
    return after, (root / "INDEX.md").read_text(encoding="utf-8")


def test_dedup_apply_takes_out_only_the_duplicates_cell_and_restore_puts_it_back(cli, tmp_path):
    index = f"# Seeds\n\n- {FA_COPY}\n\n{TABLE}"
    root = make_seeds(tmp_path, {FA_COPY: TEXTS[FA], **TEXTS}, index)
    after, restored = _dedup_then_restore(cli, root, [FA])
    assert after == f"# Seeds\n\n- {FA_COPY}\n\n{HEAD}| {EN} |  | UN declaration |\n| {EN2} | {ZH} | 联合国 |\n"
    assert restored == index


@pytest.mark.parametrize("order", [(EN, FA), (FA, EN)])
def test_dedup_apply_of_every_document_on_the_row_and_restore_in_any_order(cli, tmp_path, order):
    index = f"# Seeds\n\n- {FA_COPY}\n- {EN_COPY}\n\n{TABLE}"
    root = make_seeds(tmp_path, {FA_COPY: TEXTS[FA], EN_COPY: TEXTS[EN], **TEXTS}, index)
    after, restored = _dedup_then_restore(cli, root, order)
    assert EN not in after and FA not in after and "UN declaration" not in after
    assert restored == index
    assert "unlisted-file" not in codes(cli, root)


def test_index_adopts_each_document_of_the_row_once(cli, tmp_path):
    root = make_seeds(tmp_path, TEXTS, INDEX)
    assert_exit(cli("index", root), 0)
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    rows = [ln for ln in text.splitlines() if ln.startswith("| [")]
    assert [r.split("]", 1)[0][3:] for r in rows] == [EN, FA, EN2, ZH]
    notes = {r.split("]", 1)[0][3:]: r.rstrip(" |").rsplit("| ", 1)[1] for r in rows}
    assert notes[FA] == f"Original: {EN}; Source: UN declaration"
    assert notes[ZH] == f"Original: {EN2}; Source: 联合国"
    assert "| Original |" not in text  # every column name went into Notes with the rows
    assert_exit(cli("index", root, "--check"), 0)
    assert not {"unlisted-file", "duplicate-entry"} & codes(cli, root)


def test_rename_rewrites_every_document_named_on_the_row(cli, tmp_path):
    root = make_seeds(tmp_path, TEXTS, INDEX)
    assert_exit(cli("rename", root), 0)
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert not any(f in text for f in TEXTS), text
    assert not {"unlisted-file", "missing-file", "bad-name"} & codes(cli, root)


# A hand table whose later columns name RELATED documents (review H2): a name listed elsewhere
# is a mention, for every command alike.
RELATED = (
    "# Seeds\n\n| File | Translated from | Remarks |\n|---|---|---|\n"
    f"| {EN} | | original |\n| {FA} | {EN} | Persian translation |\n"
)


def test_a_related_document_named_in_a_later_cell_is_no_duplicate_entry(cli, tmp_path):
    root = make_seeds(tmp_path, {EN: TEXTS[EN], FA: TEXTS[FA]}, RELATED)
    for command in ("validate", "check"):
        found = problems(cli, root, command)
        assert not [p for p in found if p[1] in ("duplicate-entry", "unlisted-file", "missing-file")], found
    stats = json.loads(cli("stats", root, "--format", "json").stdout)
    assert (stats["listed"], stats["on_disk"]) == (2, 2)


def test_index_keeps_each_rows_words_with_its_own_document(cli, tmp_path):
    root = make_seeds(tmp_path, {EN: TEXTS[EN], FA: TEXTS[FA]}, RELATED)
    assert_exit(cli("index", root), 0)
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    rows = [r for r in text.splitlines() if r.startswith("| [")]
    notes = {r.split("]", 1)[0][3:]: r.rstrip(" |").rsplit("| ", 1)[1] for r in rows}
    assert notes == {EN: "Remarks: original", FA: f"Translated from: {EN}; Remarks: Persian translation"}
    assert_exit(cli("check", root), 0)


def test_dedup_apply_and_restore_of_a_translation_named_beside_its_original(cli, tmp_path):
    index = f"- {FA_COPY}\n\n{RELATED}"
    root = make_seeds(tmp_path, {FA_COPY: TEXTS[FA], EN: TEXTS[EN], FA: TEXTS[FA]}, index)
    after, restored = _dedup_then_restore(cli, root, [FA])
    assert after == index.replace(f"| {FA} | {EN} | Persian translation |\n", "")
    assert restored == index


def test_a_shared_lang_cell_pins_only_the_rows_first_document(cli, tmp_path):
    # `lang: en` in the Notes of a parallel row pinned the Persian and Chinese files too: two
    # false lang-mismatch warnings, and `index` wrote Pinned = en for both (review M2).
    head = "| English | Persian | Chinese | Notes |\n|---|---|---|---|\n"
    index = f"# Seeds\n\n{head}| {EN} | {FA} | {ZH} | UN (lang: en) |\n"
    root = make_seeds(tmp_path, {EN: TEXTS[EN], FA: TEXTS[FA], ZH: TEXTS[ZH]}, index)
    assert "lang-mismatch" not in codes(cli, root)
    tagged = json.loads(cli("tag", root, "--format", "json").stdout)["documents"]
    assert {d["file"]: d.get("pinned") for d in tagged} == {EN: "en", FA: None, ZH: None}
    assert_exit(cli("index", root), 0)
    assert "lang-mismatch" not in codes(cli, root)
    tagged = json.loads(cli("tag", root, "--format", "json").stdout)["documents"]
    assert {d["file"]: d.get("pinned") for d in tagged} == {EN: "en", FA: None, ZH: None}
    assert_exit(cli("check", root), 0)


def test_dedup_apply_and_restore_in_a_quoted_table(cli, tmp_path):
    # The `> ` before the row was counted as its first cell: dedup --apply emptied the kept
    # document's cell and left the moved one listed (review H3).
    index = f"# Seeds\n\n- {FA_COPY}\n\n> | English | Persian | Notes |\n> |---|---|---|\n> | {EN} | {FA} | UN |\n"
    root = make_seeds(tmp_path, {FA_COPY: TEXTS[FA], EN: TEXTS[EN], FA: TEXTS[FA]}, index)
    assert_exit(cli("dedup", root, "--apply", "--jobs", "1"), 0)
    assert (root / "INDEX.md").read_text(encoding="utf-8") == index.replace(f"| {FA} |", "|  |")
    assert not {"missing-file", "unlisted-file"} & codes(cli, root)
    assert_exit(cli("restore", FA, "--seeds", root), 0)
    assert (root / "INDEX.md").read_text(encoding="utf-8") == index


def test_dedup_apply_and_restore_keep_a_row_without_pipes_as_written(cli, tmp_path):
    # `en_001.txt | fa_001.txt | UN` came back as `| en_001.txt | ...` (review L5).
    index = f"# Seeds\n\n- {EN_COPY}\n\nOriginal | Translation | Source\n--- | --- | ---\n{EN} | {FA} | UN\n"
    root = make_seeds(tmp_path, {EN_COPY: TEXTS[EN], EN: TEXTS[EN], FA: TEXTS[FA]}, index)
    after, restored = _dedup_then_restore(cli, root, [EN])
    assert after == index.replace(f"{EN} | {FA}", f"| | {FA}")
    assert restored == index


def test_a_mention_does_not_stop_restore_putting_the_own_row_back(cli, tmp_path):
    """The late review's case: dedup --apply moved en_001's own row out, which turned fa_001's
    "Translated from" mention of it into its listing; restore then said INDEX.md listed it
    already and kept "original, from Sara" in the manifest, and index put fa_001's words under
    en_001. The own row comes back, and the cell is a mention again."""
    root = tmp_path / "seeds"
    root.mkdir()
    en = "The declaration was adopted by the assembly in Paris, and its articles are read widely.\n"
    files = {
        "en_000.txt": en,
        "fa_001.txt": "این اعلامیه در پاریس پذیرفته شد و مواد آن در سراسر جهان خوانده می‌شود.\n",
        "en_001.txt": en,
        "zh_001.txt": "这份宣言在巴黎通过，它的条款在世界各地被广泛阅读和讨论。\n",
    }
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    table = (
        "# Seeds\n\n| File | Translated from | Remarks |\n| --- | --- | --- |\n| en_000.txt | | master |\n"
        "| fa_001.txt | en_001.txt | Persian translation |\n| en_001.txt | | original, from Sara |\n"
        "| zh_001.txt | | |\n"
    )
    (root / "INDEX.md").write_text(table, encoding="utf-8")
    assert cli("dedup", root, "--apply", "--no-cache").exit_code == 0
    assert "original, from Sara" not in (root / "INDEX.md").read_text(encoding="utf-8")
    r = cli("restore", "en_001.txt", "--seeds", root, "--no-cache", "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["not_put_back"] is None, r.stdout
    # Back where it was (an empty cell written as restore writes one: `|  |`).
    assert (root / "INDEX.md").read_text(encoding="utf-8") == table.replace("en_001.txt | |", "en_001.txt |  |")
    assert cli("index", root, "--no-cache").exit_code == 0
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    en_row = next(ln for ln in text.splitlines() if ln.startswith("| [en_001.txt]"))
    assert "original, from Sara" in en_row and "Persian translation" not in en_row, text
