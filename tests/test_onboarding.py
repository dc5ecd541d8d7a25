"""Onboarding an existing corpus (issue 12, item 4): `seedkeeper init` scaffolds without
overwriting, `seedkeeper rename` gives documents the name pattern and rewrites every reference."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest

from helpers import make_seeds, snapshot
from multilingual import CLEAN
from seedkeeper import index
from seedkeeper.errors import UsageError
from seedkeeper.indexmd.reader import parse_index
from seedkeeper.indexmd.renames import RenameError, rename_references
from seedkeeper.operations.renaming import rename
from seedkeeper.settings import Settings

pytestmark = pytest.mark.usefixtures("isolated_env")

SETTINGS = Settings(jobs=1)
NAME = re.compile(r"\d{3,}_[0-9a-f]{16}\.txt")

HAND = """# پیکره

Intro: the Persian text is [here](./خبر%20فارسی.txt "fa") and the Chinese one is [新闻][zh].

## UDHR

- خبر فارسی.txt — Persian (lang: fa)
- [Русский](udhr/ru.txt)

## 新闻

| File | Notes |
| --- | --- |
| `zh.txt` | 新华社 |

[zh]: <zh.txt>

```
- zh.txt in a code block is not a reference
```
"""
FILES = {"خبر فارسی.txt": CLEAN["fa"], "udhr/ru.txt": CLEAN["ru"], "zh.txt": CLEAN["zh"]}


# --- rename -------------------------------------------------------------------------------------


def test_rename_gives_every_document_the_pattern_and_rewrites_references(cli, tmp_path):
    root = make_seeds(tmp_path, FILES, index=HAND)
    r = cli("rename", root, "--format", "json")
    assert r.exit_code == 0 and r.exception is None
    data = json.loads(r.stdout)
    moves = {m["from"]: m["to"] for m in data["renamed"]}
    assert set(moves) == set(FILES)
    for old, new in moves.items():
        assert NAME.fullmatch(new.rsplit("/", 1)[-1])
        assert not (root / old).exists() and (root / new).read_text(encoding="utf-8") == FILES[old]
    assert moves["udhr/ru.txt"].startswith("udhr/")  # stays in its subfolder
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    fa, zh = moves["خبر فارسی.txt"], moves["zh.txt"]
    assert f'[here](./{fa} "fa")' in text and f"[zh]: {zh}" in text and f"| `{zh}` | 新华社 |" in text
    assert f"- {fa} — Persian (lang: fa)" in text and f"- [Русский]({moves['udhr/ru.txt']})" in text
    assert "- zh.txt in a code block is not a reference" in text
    assert data["references"] == 5  # link, list item, link, table cell, definition
    listed = parse_index(text).listed()
    assert sorted(listed) == sorted(moves.values())
    r = cli("validate", root, "--format", "json")
    assert r.exit_code == 0 and "bad-name" not in r.stdout and "missing-file" not in r.stdout


def test_rename_numbers_after_the_highest_and_keeps_good_names(cli, tmp_path):
    good = "007_" + "a" * 16 + ".txt"
    root = make_seeds(tmp_path, {good: CLEAN["ar"], "hindi.txt": CLEAN["hi"]})
    index(root, SETTINGS)
    r = cli("rename", root)
    assert r.exit_code == 0, r.output
    assert (root / good).exists()
    (new,) = [p.name for p in root.iterdir() if p.name.startswith("008_")]
    assert NAME.fullmatch(new) and f"renamed hindi.txt -> {new}" in r.stdout
    assert cli("index", root, "--check").exit_code == 0  # the managed table's File cell was rewritten too
    r = cli("rename", root)
    assert r.exit_code == 0 and "already follows the name pattern" in r.stdout


def test_rename_dry_run_writes_nothing_and_shows_the_diff(cli, tmp_path):
    root = make_seeds(tmp_path, FILES, index=HAND)
    before = snapshot(root)
    r = cli("rename", root, "--dry-run")
    assert r.exit_code == 1, r.output  # something would be renamed: fails as `black --check` does
    assert "would rename zh.txt -> 00" in r.stdout and "+[zh]: " in r.stdout
    assert snapshot(root) == before


def test_rename_stays_quiet_on_good_names(cli, tmp_path):
    names = {f"{n:03d}_{n:016x}.txt": CLEAN[lang] for n, lang in enumerate(["fa", "ar", "th"])}
    root = make_seeds(tmp_path, names)
    before = snapshot(root)
    r = cli("rename", root, "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)["renamed"] == []
    assert snapshot(root) == before


def test_a_reference_that_cannot_be_rewritten_renames_nothing(tmp_path):
    text = "# X\n\n- [a link whose text\nwraps](فارسی.txt)\n"
    # the link's source spans two lines: not rewritten in place, so the result is checked and refused
    with pytest.raises(RenameError, match="line 3: فارسی.txt"):
        rename_references(text, {"فارسی.txt": "000_0000000000000000.txt"}, ("*.txt",), r"\d{3,}_[0-9a-f]{16}\.txt")


def test_a_refused_rename_exits_1_and_changes_nothing(cli, tmp_path):
    """It stopped on purpose over the data (README, Exit codes: 1), not over how it was called (2)."""
    root = make_seeds(tmp_path, {"فارسی.txt": CLEAN["fa"]}, index="# X\n\n- [a link whose text\nwraps](فارسی.txt)\n")
    before = snapshot(root)
    r = cli("rename", root)
    assert r.exit_code == 1 and "could not update every reference" in r.stderr, r.output
    assert snapshot(root) == before


def test_rename_rolls_back_when_index_cannot_be_written(tmp_path, monkeypatch):
    import seedkeeper.operations.renaming as renaming

    root = make_seeds(tmp_path, FILES, index=HAND)

    def files() -> dict:
        return {k: v for k, v in snapshot(root).items() if not (root / k).is_dir()}

    before = files()

    def fail(path, data, **kw):
        if Path(path).name == "INDEX.md":
            raise OSError(28, "No space left on device")
        raise AssertionError("only INDEX.md is written")

    monkeypatch.setattr(renaming, "write_atomic", fail)
    with pytest.raises(OSError):
        rename(root, SETTINGS)
    assert files() == before  # the new hard links were removed again


def test_rename_refuses_a_pattern_its_names_would_not_match(tmp_path):
    root = make_seeds(tmp_path, {"Persian 1.txt": CLEAN["fa"]})
    with pytest.raises(UsageError, match="name-pattern"):
        rename(root, Settings(jobs=1, name_pattern=r"[a-z]+\.txt|doc-\d+\.txt"))


# --- init ---------------------------------------------------------------------------------------


def test_init_scaffolds_a_corpus_that_passes_check(cli, tmp_path):
    r = cli("init", "data/بذرها")
    assert r.exit_code == 0 and r.exception is None
    for rel in (
        "data/بذرها/INDEX.md",
        "seedkeeper.toml",
        ".github/workflows/seedkeeper.yml",
        ".pre-commit-config.yaml",
    ):
        assert (tmp_path / rel).is_file(), rel
        assert f"created {rel}" in r.stdout
    assert 'seeds = "data/بذرها"' in (tmp_path / "seedkeeper.toml").read_text(encoding="utf-8")
    pre_commit = (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "seedkeeper check data/بذرها" in pre_commit
    # seedkeeper is not on PyPI: the comment gives the README's install, not `pip install seedkeeper`.
    assert "pip install seedkeeper" not in pre_commit and "pip install -e /path/to/seedkeeper" in pre_commit
    assert "not on PyPI" in pre_commit
    assert "seedkeeper check data/بذرها --format github" in (tmp_path / WORKFLOW).read_text(encoding="utf-8")
    r = cli("check")  # the config names the folder
    assert r.exit_code == 0, r.output
    new = tmp_path / "fa.txt"
    new.write_text(CLEAN["fa"], encoding="utf-8")
    assert cli("add", new).exit_code == 0
    assert cli("check").exit_code == 0


WORKFLOW = ".github/workflows/seedkeeper.yml"


def test_init_never_overwrites(cli, tmp_path):
    root = make_seeds(tmp_path, {"中文.txt": CLEAN["zh"]}, index="# 手写索引\n\n- 中文.txt\n")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.seedkeeper]\nseeds = "seeds"\n', encoding="utf-8")
    before = snapshot(tmp_path)
    r = cli("init", "seeds")
    assert r.exit_code == 0, r.output
    assert "kept    seeds/INDEX.md" in r.stdout and "kept    pyproject.toml" in r.stdout
    assert "kept    .pre-commit-config.yaml" in r.stdout
    assert "seedkeeper index seeds --diff" in r.stdout  # a hand-written index: preview the adoption
    after = snapshot(tmp_path)
    assert {k: v for k, v in after.items() if k in before} == before
    assert set(after) - set(before) == {".github", ".github/workflows", WORKFLOW}
    assert not (tmp_path / "seedkeeper.toml").exists() and root.is_dir()


def _next_steps(stdout: str) -> list[str]:
    """The commands init suggests, after its "next:" line, without their comments."""
    return [line.split("#")[0].strip() for line in stdout.split("next:\n", 1)[1].splitlines()]


def _edit_workflow() -> list[str]:
    """The step init adds when the workflow it wrote installs seedkeeper by version (not on PyPI):
    how this environment installed seedkeeper decides."""
    from seedkeeper.operations import onboarding

    return [f"edit {WORKFLOW}"] if onboarding.by_version(onboarding.install_spec()) else []


def test_init_on_an_indexed_corpus_suggests_neither_index_nor_rename(cli, tmp_path):
    # Every document listed in the managed table and named NNN_<hash>.txt: init said
    # "seedkeeper index seeds  # list the 2 documents already there" and suggested rename anyway.
    names = [f"00{i}_{'ab' * 7}0{i}.txt" for i in range(2)]
    root = make_seeds(tmp_path, dict(zip(names, (CLEAN["fa"], CLEAN["ru"]))))
    index(root, SETTINGS)
    r = cli("init", "seeds")
    assert r.exit_code == 0, r.output
    assert _next_steps(r.stdout) == [
        "seedkeeper check seeds",
        *_edit_workflow(),
        "add .seedkeeper_cache/ to .gitignore",
    ], r.stdout
    assert "INDEX.md lists all 2 documents" in r.stdout
    data = json.loads(cli("init", "seeds", "--format", "json").stdout)
    assert (data["documents"], data["unlisted"], data["misnamed"]) == (2, 0, 0)


def test_init_counts_what_index_and_rename_would_do(cli, tmp_path):
    listed, unlisted, misnamed = f"000_{'ab' * 8}.txt", f"001_{'cd' * 8}.txt", "notes.txt"
    root = make_seeds(tmp_path, {listed: CLEAN["fa"], misnamed: CLEAN["ru"]})
    index(root, SETTINGS)
    (root / unlisted).write_text(CLEAN["zh"], encoding="utf-8")  # added after the table was written
    (tmp_path / ".gitignore").write_text("*.pyc\n.seedkeeper_cache/\n", encoding="utf-8")
    r = cli("init", "seeds")
    assert r.exit_code == 0, r.output
    assert _next_steps(r.stdout) == [
        "seedkeeper index seeds",
        "seedkeeper fix seeds --dry-run",
        "seedkeeper rename seeds --dry-run",
        "seedkeeper check seeds",
        *_edit_workflow(),
    ], r.stdout  # .gitignore already holds the cache folder
    assert "list the 1 document INDEX.md does not list yet" in r.stdout
    assert "1 document named other than NNN_<hash>.txt" in r.stdout


def test_init_suggests_fix_before_rename(cli, tmp_path):
    # A name holds the hash of the bytes and `fix` changes them (the README's Quick start: run
    # `fix` before `rename`), but init's next steps went from `index` straight to `rename`.
    root = make_seeds(tmp_path, {"notes.txt": CLEAN["ru"]})
    r = cli("init", "seeds")
    assert r.exit_code == 0, r.output
    steps = _next_steps(r.stdout)
    assert steps.index("seedkeeper fix seeds --dry-run") == steps.index("seedkeeper rename seeds --dry-run") - 1
    assert "before rename" in r.stdout
    assert root.is_dir()


def test_init_on_an_empty_folder_suggests_adding_documents(cli, tmp_path):
    r = cli("init", "seeds")
    assert r.exit_code == 0, r.output
    assert _next_steps(r.stdout) == [
        "seedkeeper add FILE... --seeds seeds",
        "seedkeeper check seeds",
        *_edit_workflow(),
        "add .seedkeeper_cache/ to .gitignore",
    ], r.stdout


def test_init_refuses_a_file_as_folder(cli, tmp_path):
    (tmp_path / "seeds").write_text("not a folder", encoding="utf-8")
    r = cli("init", "seeds")
    assert r.exit_code == 2 and isinstance(r.exception, SystemExit) and "not a folder" in r.output
    assert os.listdir(tmp_path) == ["seeds"]


def test_rename_finds_a_decomposed_name_listed_composed(cli, tmp_path):
    import unicodedata

    nfc = "café-نامه.txt"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    root = make_seeds(tmp_path, {nfd: CLEAN["fr"]}, index=f"# Index\n\n- {nfc} — French letter\n")
    r = cli("rename", root, "--format", "json")
    assert r.exit_code == 0, r.output
    (move,) = json.loads(r.stdout)["renamed"]
    assert move["from"] == nfc and NAME.fullmatch(move["to"])
    assert not (root / nfd).exists() and (root / move["to"]).read_text(encoding="utf-8") == CLEAN["fr"]
    assert f"- {move['to']} — French letter" in (root / "INDEX.md").read_text(encoding="utf-8")


def test_workflow_installs_the_same_git_commit(monkeypatch):
    import importlib.metadata

    from seedkeeper.operations import onboarding

    class Dist:
        def read_text(self, name):
            sha = "0123456789abcdef0123456789abcdef01234567"
            return json.dumps(
                {"url": "https://example.org/seedkeeper.git", "vcs_info": {"vcs": "git", "commit_id": sha}}
            )

    monkeypatch.setattr(importlib.metadata, "distribution", lambda name: Dist())
    assert (
        onboarding.install_spec() == "git+https://example.org/seedkeeper.git@0123456789abcdef0123456789abcdef01234567"
    )
    monkeypatch.setattr(
        importlib.metadata, "distribution", lambda name: type("D", (), {"read_text": lambda s, n: None})()
    )
    assert onboarding.install_spec().startswith("seedkeeper==")


def test_library_rename_and_init(tmp_path):
    import seedkeeper

    done = seedkeeper.init("بذر", project=tmp_path)
    assert "بذر/INDEX.md" in done.created and (tmp_path / "بذر" / "INDEX.md").is_file()
    (tmp_path / "بذر" / "نامه.txt").write_text(CLEAN["fa"], encoding="utf-8")
    report = seedkeeper.rename(tmp_path / "بذر", SETTINGS)
    assert [r.old for r in report.renamed] == ["نامه.txt"] and NAME.fullmatch(report.renamed[0].new)


def test_rename_keeps_the_managed_table_up_to_date(cli, tmp_path):
    """A Status cell names the kept document ("duplicate of a.txt (exact)"): it follows the rename,
    so the CI gate's `index --check` passes right after `rename`."""
    root = tmp_path / "seeds"
    root.mkdir()
    text = "The quick brown fox jumps over the lazy dog near the river bank, twice a day.\n"
    (root / "a.txt").write_text(text, encoding="utf-8")
    (root / "b.txt").write_text(text, encoding="utf-8")
    (root / "INDEX.md").write_text("# S\n", encoding="utf-8")
    assert cli("index", root).exit_code == 0
    assert "duplicate of a.txt" in (root / "INDEX.md").read_text(encoding="utf-8")
    assert cli("rename", root).exit_code == 0
    after = (root / "INDEX.md").read_text(encoding="utf-8")
    assert "a.txt" not in after and "duplicate of 000_" in after
    assert cli("index", root, "--check").exit_code == 0


def test_rename_never_leaves_a_symlink_in_the_folder_dangling(cli, tmp_path):
    root = tmp_path / "seeds"
    root.mkdir()
    (root / "a.txt").write_text(
        "Normal document text that is long enough to pass all of the checks.\n", encoding="utf-8"
    )
    (root / "b.txt").symlink_to("a.txt")
    (root / "INDEX.md").write_text("# I\n\n- a.txt\n- b.txt\n", encoding="utf-8")
    r = cli("rename", root)
    assert r.exit_code == 1, r.output  # both left with names off the pattern, each said why
    assert (root / "b.txt").exists() and (root / "a.txt").exists()  # the link still resolves
    assert "points to it" in r.output


@pytest.mark.parametrize("target", ["loop", "gone"])
@pytest.mark.parametrize("folder", ["loop", "loop/sub"])
def test_init_on_a_link_that_leads_nowhere_is_a_usage_error(cli, tmp_path, target, folder):
    import os

    os.symlink(target, tmp_path / "loop")
    r = cli("init", folder)
    assert r.exit_code == 2 and "internal error" not in r.output, r.output
    assert "leads nowhere" in r.stderr or "cannot create the seeds folder" in r.stderr


def _quick_start_commands() -> list[list[str]]:
    """The `seedkeeper` lines of README's "Quick start for an existing corpus" block, as argv."""
    import shlex

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start for an existing corpus", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    lines = [shlex.split(ln.split("#", 1)[0]) for ln in block.splitlines()]
    return [argv[1:] for argv in lines if argv and argv[0] == "seedkeeper"]


def test_readme_quick_start_ends_clean_with_a_duplicate(cli, tmp_path):
    """The Quick start, typed as written on a hand-listed corpus with bad names, CRLF and one
    exact copy, ends with a `check` that passes: it must say how to resolve the duplicate."""
    root = tmp_path / "data" / "seeds"
    root.mkdir(parents=True)
    (root / "fa.txt").write_bytes(CLEAN["fa"].replace("\n", "\r\n").encode("utf-8"))
    (root / "zh.txt").write_text(CLEAN["zh"], encoding="utf-8")
    (root / "zh copy.txt").write_text(CLEAN["zh"], encoding="utf-8")
    (root / "INDEX.md").write_text("# Seeds\n\n- fa.txt — Persian\n- zh.txt\n- zh copy.txt\n", encoding="utf-8")
    commands = _quick_start_commands()
    assert commands[-1][0] == "check"
    for argv in commands:
        r = cli(*argv)
        assert r.exit_code in (0, 1) and isinstance(r.exception, (SystemExit, type(None))), (argv, r.output)
    assert r.exit_code == 0, (commands[-1], r.output)
    # `fix` runs before `rename`: each name holds the hash of the bytes it ends with (CRLF gone).
    import hashlib

    names = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:16] for p in root.glob("*.txt")}
    assert names and all(name[-20:-4] == digest for name, digest in names.items()), names


def test_init_says_to_check_the_workflows_install_line(cli, tmp_path, monkeypatch):
    """seedkeeper is not on PyPI: a workflow installing `seedkeeper==X` fails until edited, and
    init's next steps say so. A git install pins its commit and needs no step."""
    from seedkeeper._version import __version__
    from seedkeeper.operations import onboarding

    monkeypatch.setattr(onboarding, "install_spec", lambda: f"seedkeeper=={__version__}")
    r = cli("init", "seeds")
    assert r.exit_code == 0, r.output
    (step,) = [ln for ln in r.stdout.splitlines() if WORKFLOW in ln and "created" not in ln]
    assert "pip install" in step and "seedkeeper==" in step and "git+" in step, step

    sha = "0123456789abcdef0123456789abcdef01234567"
    monkeypatch.setattr(onboarding, "install_spec", lambda: f"git+https://example.org/seedkeeper.git@{sha}")
    (tmp_path / WORKFLOW).unlink()
    r = cli("init", "other")
    assert not [ln for ln in r.stdout.splitlines() if WORKFLOW in ln and "created" not in ln and "kept" not in ln]


def test_a_second_init_reports_the_kept_workflows_install_line(cli, tmp_path, monkeypatch):
    """init run again keeps the workflow that installs `seedkeeper==X`: the step to edit it stays,
    and JSON's workflow_install names that line's version ("" only when there is no such line)."""
    from seedkeeper._version import __version__
    from seedkeeper.operations import onboarding

    monkeypatch.setattr(onboarding, "install_spec", lambda: f"seedkeeper=={__version__}")
    first = json.loads(cli("init", "seeds", "--format", "json").stdout)
    assert WORKFLOW in first["created"] and first["workflow_install"] == f"seedkeeper=={__version__}"
    again = cli("init", "seeds", "--format", "json")
    data = json.loads(again.stdout)
    assert WORKFLOW in data["kept"] and data["workflow_install"] == f"seedkeeper=={__version__}", data
    r = cli("init", "seeds")
    assert [ln for ln in r.stdout.splitlines() if f"edit {WORKFLOW}" in ln], r.stdout
    # Whatever init would write now: what counts is the line in the kept file.
    monkeypatch.setattr(onboarding, "install_spec", lambda: "git+https://example.org/seedkeeper.git@" + "0" * 40)
    assert (
        json.loads(cli("init", "seeds", "--format", "json").stdout)["workflow_install"] == f"seedkeeper=={__version__}"
    )


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ('      - run: pip install "seedkeeper==0.1.0"\n', "seedkeeper==0.1.0"),
        ("      - run: python -m pip install --upgrade seedkeeper  # latest\n", "seedkeeper"),
        ("      - run: pip install 'seedkeeper[bench]>=0.1'\n", "seedkeeper[bench]>=0.1"),
        ('      - run: pip install "git+https://example.org/seedkeeper.git@abc"\n', ""),
        ('      - run: pip install "seedkeeper @ git+https://example.org/seedkeeper.git@abc"\n', ""),
        ("      - run: pip install seedkeeper @ git+https://example.org/seedkeeper.git@abc\n", ""),
        ("      - run: pip install -e .\n", ""),
        ('      # pip install "seedkeeper==0.1.0" would fail: not on PyPI\n', ""),
    ],
)
def test_the_kept_workflows_install_line_is_read(tmp_path, line, found):
    from seedkeeper.operations.onboarding import workflow_install

    path = tmp_path / "seedkeeper.yml"
    path.write_text("jobs:\n  check:\n    steps:\n" + line, encoding="utf-8")
    assert workflow_install(path) == found
    assert workflow_install(tmp_path / "missing.yml") == ""


def test_readme_ci_example_is_what_init_writes(monkeypatch):
    from seedkeeper._version import __version__
    from seedkeeper.operations import onboarding

    monkeypatch.setattr(onboarding, "install_spec", lambda: f"seedkeeper=={__version__}")
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("\n## CI\n", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    assert block == onboarding._workflow_text("seeds")


def test_readme_index_example_is_what_index_diff_prints(cli, tmp_path):
    """The Quick start's before/after INDEX.md example is the real output of `index --diff` on
    its hand-written list (a Persian and a Chinese document)."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("   ```diff\n", 1)[1].split("   ```", 1)[0]
    shown = [ln[3:].rstrip() for ln in block.splitlines()]  # an editor may strip a blank line's space
    root = tmp_path / "seeds"
    root.mkdir()
    persian = "تهران — خبرگزاری: بارش برف در شمال کشور ادامه دارد و جاده‌های کوهستانی بسته شده‌اند.\n".encode()
    name = f"000_{hashlib.sha256(persian).hexdigest()[:16]}.txt"  # a name that is its hash, as rename gives
    assert name == "000_1cdbd2658504be05.txt"
    (root / name).write_bytes(persian)
    (root / "zh.txt").write_text("今天天气很好，我们一起去公园散步，然后在湖边吃了午饭。\n", encoding="utf-8")
    (root / "INDEX.md").write_text(
        f"# Seeds\n\n## News\n\n- {name} — BBC Persian, lang: fa\n- zh.txt\n", encoding="utf-8"
    )
    r = cli("index", root, "--diff", "--no-cache")
    printed = [ln.rstrip() for ln in r.stdout.splitlines()]
    at = printed.index(shown[0])
    assert printed[at : at + len(shown)] == shown, r.stdout


# --- a bare init takes the folder the config it keeps names, as every other command does ---------


def test_a_bare_init_uses_the_folder_the_config_names(cli, tmp_path):
    """`seeds = "data/seeds"` in seedkeeper.toml: a bare init created ./seeds and suggested
    `seedkeeper add FILE... --seeds seeds`, a folder no other command would use."""
    (tmp_path / "seedkeeper.toml").write_text('seeds = "data/seeds"\n', encoding="utf-8")
    r = cli("init")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "data" / "seeds" / "INDEX.md").is_file() and not (tmp_path / "seeds").exists()
    assert r.stdout.splitlines()[0] == "seeds folder: data/seeds (named by seedkeeper.toml)", r.stdout
    assert "created data/seeds/INDEX.md" in r.stdout and "kept    seedkeeper.toml" in r.stdout
    assert _next_steps(r.stdout)[:2] == ["seedkeeper add FILE... --seeds data/seeds", "seedkeeper check data/seeds"]
    assert "seedkeeper check data/seeds --format github" in (tmp_path / WORKFLOW).read_text(encoding="utf-8")
    assert "entry: seedkeeper check data/seeds" in (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    data = json.loads(cli("init", "--format", "json").stdout)
    assert (data["seeds"], data["seeds_from"]) == ("data/seeds", "seedkeeper.toml"), data
    assert cli("check").exit_code == 0  # the folder init made is the one check finds


@pytest.mark.parametrize("seeds", ["corpus", "../corpus"])
def test_a_bare_init_below_or_beside_the_config_names_no_path_outside(cli, tmp_path, monkeypatch, seeds):
    """The review's case: a config found above the current folder (or one naming a folder
    beside it) made a bare init write an absolute path into the workflow and pre-commit hook.
    It stops instead and says what to type; nothing is written."""
    # "corpus": the config one folder up, init run in sub/; "../corpus": the config here, naming
    # a folder beside this one.
    config_dir = tmp_path if seeds == "corpus" else tmp_path / "proj"
    here = tmp_path / ("sub" if seeds == "corpus" else "proj")
    here.mkdir()
    (config_dir / "seedkeeper.toml").write_text(f'seeds = "{seeds}"\n', encoding="utf-8")
    monkeypatch.chdir(here)
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    r = cli("init")
    assert r.exit_code == 2 and isinstance(r.exception, SystemExit), r.output
    if seeds == "../corpus":  # the config is here: naming the folder is the way on
        assert "`seedkeeper init DIR`" in " ".join(r.stderr.split()), r.stderr
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == before
    assert cli("init", "seeds").exit_code == 0  # naming the folder works


def test_init_below_the_config_says_the_config_is_above_and_where_to_run(cli, tmp_path, monkeypatch):
    """Run in data/ of a project whose seedkeeper.toml names data/seeds, init said the config
    "names seeds, outside this folder" (seeds is inside it) and offered `seedkeeper init DIR`,
    which writes a workflow into data/.github/, where GitHub never reads it."""
    (tmp_path / "seedkeeper.toml").write_text('seeds = "data/seeds"\n', encoding="utf-8")
    (tmp_path / "data").mkdir()
    monkeypatch.chdir(tmp_path / "data")
    r = cli("init")
    assert r.exit_code == 2 and isinstance(r.exception, SystemExit), r.output
    err = " ".join(r.stderr.split())
    assert "outside this folder" not in err and "above this folder" in err, err
    assert f"`cd {tmp_path.resolve().as_posix()}`" in err or "`cd ..`" in err, err
    assert "init DIR" not in err, err


def test_a_pyproject_table_names_the_folder_too(cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.seedkeeper]\nseeds = "corpus"\n')
    r = cli("init")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "corpus" / "INDEX.md").is_file() and "(named by pyproject.toml)" in r.stdout


def test_an_explicit_folder_wins_over_the_config(cli, tmp_path):
    (tmp_path / "seedkeeper.toml").write_text('seeds = "data/seeds"\n', encoding="utf-8")
    r = cli("init", "other")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "other" / "INDEX.md").is_file() and not (tmp_path / "data").exists()
    assert "named by" not in r.stdout and json.loads(cli("init", "other", "-f", "json").stdout)["seeds_from"] is None


def test_without_a_config_a_bare_init_says_nothing_of_one(cli, tmp_path):
    r = cli("init")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "seeds" / "INDEX.md").is_file() and "named by" not in r.stdout
    assert r.stdout.startswith("created seeds/"), r.stdout


def test_a_bare_init_with_a_config_it_cannot_read_asks_for_the_folder(cli, tmp_path):
    """The folder init would create is the config's to name: an unreadable config is a usage
    error that says how to go on, not a ./seeds the other commands would not use."""
    (tmp_path / "seedkeeper.toml").write_text("seeds = 3\n", encoding="utf-8")
    r = cli("init")
    assert r.exit_code == 2 and isinstance(r.exception, SystemExit), r.output
    err = " ".join(r.stderr.split())
    assert "seedkeeper.toml" in err and "`seedkeeper init DIR`" in err, err
    assert sorted(os.listdir(tmp_path)) == ["seedkeeper.toml"]
    assert cli("init", "seeds").exit_code == 0  # named: as before, the config is only kept


def test_the_library_init_reads_the_config_too(tmp_path):
    import seedkeeper

    (tmp_path / "seedkeeper.toml").write_text('seeds = "data/seeds"\n', encoding="utf-8")
    done = seedkeeper.init(project=tmp_path)
    assert (done.seeds, done.seeds_from) == ("data/seeds", "seedkeeper.toml")
    assert (tmp_path / "data" / "seeds" / "INDEX.md").is_file()
