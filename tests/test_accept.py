"""Accepting findings: per-file-ignores in the config and `ignore: CODE` in an INDEX.md note (list
line or Notes cell), in validate, check and stats; unused-ignore when an acceptance matches
nothing; the Notes cell kept by `index`."""

from __future__ import annotations

import json

import pytest

from dedup_fixtures import variants
from helpers import doc_name, make_seeds
from multilingual import CLEAN
from seedkeeper.errors import ConfigError
from seedkeeper.indexmd.notes import ignores_in_note
from seedkeeper.settings import Settings, load_settings

pytestmark = pytest.mark.usefixtures("isolated_env")

A, B, RU, ZH = doc_name(1, "acc"), doc_name(2, "acc"), doc_name(3, "acc"), doc_name(4, "acc")


def _near_pair() -> tuple[str, str]:
    a, copies, _ = variants("fa")
    return a, copies["footer"][1].decode()


def _folder(tmp_path, notes: dict[str, str] | None = None):
    a, near = _near_pair()
    files = {A: a, B: near, RU: CLEAN["ru"], ZH: CLEAN["zh"]}
    notes = notes or {}
    index = "# Seeds\n\n" + "".join(f"- {n} {notes.get(n, '')}".rstrip() + "\n" for n in files)
    return make_seeds(tmp_path, files, index)


def _codes(cli, *args) -> list[tuple[str | None, str]]:
    r = cli(*args, "--format", "json")
    assert r.exit_code in (0, 1), r.output
    return [(p["file"], p["code"]) for p in json.loads(r.stdout)["problems"]]


@pytest.mark.parametrize(
    "note,expected",
    [
        ("ignore: near-duplicate", ("near-duplicate",)),
        ("kept on purpose (ignore: near-duplicate, lang-)", ("near-duplicate", "lang-")),
        ("lang: uk ignore=lang-mismatch", ("lang-mismatch",)),
        ("ignore: bom; ignore: crlf", ("bom", "crlf")),
        ("we never ignore this", ()),
        ("", ()),
    ],
)
def test_ignores_in_note(note, expected):
    assert ignores_in_note(note) == expected


def test_near_duplicate_warns_without_acceptance(cli, tmp_path):
    root = _folder(tmp_path)
    assert (B, "near-duplicate") in _codes(cli, "check", root)


def test_note_accepts_near_duplicate_and_lang_prefix(cli, tmp_path):
    root = _folder(tmp_path, {B: "ignore: near-duplicate", RU: "lang: uk — ignore: lang-"})
    codes = _codes(cli, "check", root)
    assert (B, "near-duplicate") not in codes
    assert not [c for c in codes if c[1].startswith("lang-") or c[1] == "unused-ignore"]


def test_a_later_listing_accepts_before_index_merges_the_notes(cli, tmp_path):
    # `index` merges a file's listings into one row, notes and all: `check` must accept what the
    # second listing accepts before `index` has run, as after.
    a, near = _near_pair()
    index = f"# Seeds\n\n- {A}\n- {B}\n\n## Again\n\n- {B} ignore: near-duplicate\n"
    root = make_seeds(tmp_path, {A: a, B: near}, index)
    before = [c for c in _codes(cli, "check", root) if c[1] != "duplicate-entry"]
    assert (B, "near-duplicate") not in before and not [c for c in before if c[1] == "unused-ignore"]
    assert cli("index", root).exit_code == 0
    after = [c for c in _codes(cli, "check", root) if c[1] != "duplicate-entry"]
    assert (B, "near-duplicate") not in after


def test_unused_note_ignore_is_reported_on_its_index_line(cli, tmp_path):
    root = _folder(tmp_path, {ZH: "ignore: near-duplicate", RU: "ignore: no-such-code"})
    r = cli("check", root, "--format", "json")
    unused = [p for p in json.loads(r.stdout)["problems"] if p["code"] == "unused-ignore"]
    assert [(p["file"], p["line"]) for p in unused] == [(RU, 5), (ZH, 6)]
    assert "no code" in unused[0]["message"] and "no finding needs" in unused[1]["message"]
    assert all(p["severity"] == "warning" for p in unused)


def test_unused_is_not_reported_when_the_code_did_not_run(cli, tmp_path):
    # validate runs no duplicate checks; --select leaves near-duplicate out: "unused" is unknowable.
    root = _folder(tmp_path, {ZH: "ignore: near-duplicate"})
    assert not [c for c in _codes(cli, "validate", root) if c[1] == "unused-ignore"]
    assert not [c for c in _codes(cli, "check", root, "--select", "lang-,unused-ignore") if c[1] == "unused-ignore"]


def test_per_file_ignores_in_config(cli, tmp_path):
    root = _folder(tmp_path)
    (tmp_path / "seedkeeper.toml").write_text(
        '[per-file-ignores]\n"002_*.txt" = ["near-"]\n"sub/*.txt" = ["bom"]\n', encoding="utf-8"
    )
    codes = _codes(cli, "check", root)
    assert (B, "near-duplicate") not in codes
    # sub/*.txt matches nothing: said on the config file, where the fix goes, with its line.
    assert ("../seedkeeper.toml", "unused-ignore") in codes
    r = cli("check", root, "--format", "concise")
    line = next(ln for ln in r.stdout.splitlines() if "unused-ignore" in ln)
    assert line.startswith("seedkeeper.toml: unused-ignore per-file-ignores 'sub/*.txt' (line 3)"), line
    assert "INDEX.md" not in line


@pytest.mark.parametrize(
    "config, line",
    [
        (
            '# "sub/*.txt" = ["bom"] was the old entry\ninclude = ["sub/*.txt", "*.txt"]\n\n'
            '[per-file-ignores]\n"sub/*.txt" = ["bom"]\n',
            5,
        ),
        (
            '[tool.seedkeeper]\ninclude = ["sub/*.txt", "*.txt"]\n'
            'per-file-ignores = { "*.md" = ["bom"], "sub/*.txt" = ["bom"] }\n',
            3,
        ),
        (  # dotted keys, valid TOML: the review found the line lost
            'include = ["sub/*.txt", "*.txt"]\nper-file-ignores."*.md" = ["bom"]\n'
            'per-file-ignores."sub/*.txt" = ["bom"]\n',
            3,
        ),
    ],
)
def test_unused_ignore_names_the_line_of_the_entry_not_of_the_same_glob_elsewhere(cli, tmp_path, config, line):
    # The same glob written earlier, in a comment or as an include value, was taken for the entry.
    root = _folder(tmp_path)
    name = "pyproject.toml" if config.startswith("[tool") else "seedkeeper.toml"
    (tmp_path / name).write_text(config, encoding="utf-8")
    r = cli("check", root, "--format", "concise")
    found = [ln for ln in r.stdout.splitlines() if "unused-ignore" in ln and "sub/*.txt" in ln]
    assert found and f"'sub/*.txt' (line {line})" in found[0], r.stdout


def test_acceptance_applies_in_validate_and_stats(cli, tmp_path):
    root = make_seeds(tmp_path, {A: b"\xef\xbb\xbf" + CLEAN["ar"].encode(), B: CLEAN["he"] + "\r\n"})
    (tmp_path / "seedkeeper.toml").write_text('[per-file-ignores]\n"*.txt" = ["bom"]\n', encoding="utf-8")
    index = (root / "INDEX.md").read_text(encoding="utf-8").replace(f"- {B}", f"- {B} ignore: crlf")
    (root / "INDEX.md").write_text(index, encoding="utf-8")
    assert _codes(cli, "validate", root) == []
    r = cli("stats", root, "--format", "json")
    findings = json.loads(r.stdout)["findings"]
    assert "bom" not in findings and "crlf" not in findings


def test_notes_cell_is_read_and_kept_by_index(cli, tmp_path):
    root = _folder(tmp_path, {B: "ignore: near-duplicate"})
    assert cli("index", root).exit_code == 0
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert "| ignore: near-duplicate |" in text
    codes = _codes(cli, "check", root)
    assert (B, "near-duplicate") not in codes and not [c for c in codes if c[1] == "unused-ignore"]
    assert cli("index", root).exit_code == 0
    assert (root / "INDEX.md").read_text(encoding="utf-8") == text


def test_config_validation(tmp_path):
    cfg = tmp_path / "seedkeeper.toml"
    cfg.write_text('[per-file-ignores]\n"*.txt" = ["lang-", "bom"]\n', encoding="utf-8")
    assert load_settings(cfg).per_file_ignores == (("*.txt", ("lang-", "bom")),)
    cfg.write_text('[per-file-ignores]\n"*.txt" = ["near-dup"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown code: 'near-dup' \(did you mean 'near-duplicate'\?\)"):
        load_settings(cfg)
    cfg.write_text('per-file-ignore = {"*.txt" = ["bom"]}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key"):
        load_settings(cfg)
    assert Settings().with_overrides(per_file_ignores={"a/*.txt": "bom, crlf"}).per_file_ignores == (
        ("a/*.txt", ("bom", "crlf")),
    )


def test_dedup_neither_reports_nor_moves_an_accepted_duplicate(cli, tmp_path):
    # "kept on purpose (ignore: near-duplicate)": check accepted it, and dedup --apply moved it
    # to the quarantine all the same.
    root = _folder(tmp_path, {B: "kept on purpose (ignore: near-duplicate)"})
    r = cli("dedup", root, "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert not any(d["file"] == B for c in data["clusters"] for d in c["duplicates"])
    assert data["accepted"] == [{"file": B, "code": "near-duplicate"}]
    r = cli("dedup", root, "--apply")
    assert r.exit_code == 0 and (root / B).is_file() and "left alone" in r.stdout
    assert B in (root / "INDEX.md").read_text(encoding="utf-8")
    # Without the note, the same pair is a duplicate again.
    bare = _folder(tmp_path / "bare")
    assert cli("dedup", bare).exit_code == 1


def test_an_ignore_index_would_move_into_notes_counts_before_index(cli, tmp_path):
    # In a hand table's other column, or in a link's text: `index` moves it into the row's Notes,
    # where it accepts; `check` must accept it before `index` too.
    a, near = _near_pair()
    index = (
        f"# Seeds\n\n| File | Status note |\n|---|---|\n| {A} | |\n| {B} | ignore: near-duplicate |\n\n"
        f"- [{RU} ignore: lang-](./{RU})\n"
    )
    root = make_seeds(tmp_path, {A: a, B: near, RU: CLEAN["ru"]}, index)
    (tmp_path / "seedkeeper.toml").write_text('languages = ["fa"]\n', encoding="utf-8")
    before = _codes(cli, "check", root)
    assert (B, "near-duplicate") not in before and not [c for c in before if c[0] == RU and c[1].startswith("lang-")]
    assert not [c for c in before if c[1] == "unused-ignore"]


@pytest.mark.parametrize(
    "index",
    [
        # A continuation line: index carries it into Notes, so it accepts before index too.
        "# Seeds\n\n- {A}\n- {B}\n  kept on purpose (ignore: near-duplicate)\n",
    ],
)
def test_an_ignore_on_a_continuation_line_accepts_before_index(cli, tmp_path, index):
    a, near = _near_pair()
    root = make_seeds(tmp_path, {A: a, B: near}, index.format(A=A, B=B))
    assert (B, "near-duplicate") not in _codes(cli, "check", root)
    assert cli("dedup", root).exit_code == 0


def test_an_ignore_in_a_column_index_computes_again_accepts_before_and_after_index(cli, tmp_path):
    # A Status cell holding a person's words (not a status index computes) is carried into Notes
    # by `index`; an `ignore:` there accepts before index as after, so dedup --apply does not move
    # before what it would spare after. A Status index writes itself ("ok") accepts nothing.
    a, near = _near_pair()
    index = f"# S\n\n| File | Status |\n|---|---|\n| {A} | ok |\n| {B} | ignore: near-duplicate |\n"
    root = make_seeds(tmp_path, {A: a, B: near}, index)
    assert (B, "near-duplicate") not in _codes(cli, "check", root)
    assert cli("index", root).exit_code == 0
    assert "Status: ignore: near-duplicate" in (root / "INDEX.md").read_text(encoding="utf-8")
    assert (B, "near-duplicate") not in _codes(cli, "check", root)


def test_entry_ignores_reads_the_cells_index_carries():
    from seedkeeper.indexmd.notes import entry_ignores
    from seedkeeper.indexmd.reader import parse_index

    text = f"# S\n\n| File | Status | Words |\n|---|---|---|\n| {A} | ignore: bom | 12 |\n| {B} | ok | 3 |\n"
    entries = {e.rel: e for e in parse_index(text).entries}
    assert entry_ignores(entries[A]) == ("bom",)
    assert entry_ignores(entries[B]) == ()


def _clusters(cli, *args) -> list[dict]:
    r = cli(*args, "--format", "json")
    assert r.exit_code in (0, 1), r.output
    return json.loads(r.stdout)["clusters"]


def _three(tmp_path, note: str = ""):
    """A, B (a near copy of A) and C (an exact copy of A), B with `note`."""
    a, near = _near_pair()
    index = f"# Seeds\n\n- {A}\n- {B} {note}\n- {C}\n"
    return make_seeds(tmp_path, {A: a, B: near, C: a}, index)


C = doc_name(5, "acc")


def test_check_clusters_leave_out_what_dedup_leaves_out(cli, tmp_path):
    # dedup left B out as accepted, check's "clusters" still listed it as B's near duplicate.
    root = _three(tmp_path, "kept on purpose (ignore: near-duplicate)")
    dedup, check = _clusters(cli, "dedup", root), _clusters(cli, "check", root)
    assert dedup == [{"keep": A, "duplicates": [{"file": C, "kind": "exact", "similarity": 1.0, "of": A}]}]
    assert check == dedup
    # Without the note both list B again.
    bare = _three(tmp_path / "bare")
    assert {d["file"] for c in _clusters(cli, "check", bare) for d in c["duplicates"]} == {B, C}
    assert _clusters(cli, "check", bare) == _clusters(cli, "dedup", bare)


def test_dedup_follows_the_configs_ignore_and_severity_as_check_does(cli, tmp_path):
    # `ignore = ["near-duplicate"]`: check reported no near duplicate, dedup still reported B and
    # `dedup --apply` moved it. `severity`: dedup's annotations kept the default severities.
    root = _three(tmp_path)
    (tmp_path / "seedkeeper.toml").write_text(
        'ignore = ["near-duplicate"]\nseverity = { exact-duplicate = "warning" }\n', encoding="utf-8"
    )
    r = cli("dedup", root, "--format", "json")
    assert r.exit_code == 1, r.output  # C is still a duplicate
    data = json.loads(r.stdout)
    assert data["clusters"] == _clusters(cli, "check", root)
    assert [d["file"] for c in data["clusters"] for d in c["duplicates"]] == [C]
    assert data["ignored"] == [{"file": B, "code": "near-duplicate"}] and "accepted" not in data
    for command in ("dedup", "check"):
        lines = [ln for ln in cli(command, root, "--format", "github").stdout.splitlines() if "duplicate" in ln]
        assert [ln.split(" ", 1)[0] for ln in lines] == ["::warning"], (command, lines)
        assert "title=exact-duplicate" in lines[0]
    assert "left alone" in cli("dedup", root).stdout
    r = cli("dedup", root, "--apply")
    assert r.exit_code == 0, r.output
    assert (root / B).is_file() and not (root / C).exists()


def test_stats_counts_the_duplicates_dedup_reports(cli, tmp_path):
    root = _three(tmp_path, "ignore: near-duplicate")
    duplicates = json.loads(cli("stats", root, "--format", "json").stdout)["duplicates"]
    assert (duplicates["clusters"], duplicates["exact"], duplicates["near"]) == (1, 1, 0)
