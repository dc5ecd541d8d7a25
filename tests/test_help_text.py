"""The help and the README say what the code does: the cache folder's real order, every code
`fix` repairs, what `cache clear` removes, init's default folder, and what the README's
configuration example gives pasted as is."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import typer

from helpers import doc_name, make_seeds
from multilingual import CLEAN
from seedkeeper.shell.app import app

pytestmark = pytest.mark.usefixtures("isolated_env")


def _command(*names: str):
    cmd = typer.main.get_command(app)
    ctx = typer.Context(cmd)
    for name in names:
        cmd = cmd.get_command(ctx, name)
    return cmd


def _option_help(names: tuple[str, ...], param: str) -> str:
    (found,) = [p for p in _command(*names).params if p.name == param]
    return " ".join(found.help.split())


@pytest.mark.parametrize("names", [("check",), ("tag",), ("dedup",), ("index",), ("add",), ("fix",), ("cache", "dir")])
def test_cache_dir_help_gives_the_order_the_code_follows(names):
    text = _option_help(names, "cache_dir")
    order = ["$SEEDKEEPER_CACHE_DIR", "cache-dir", "beside the config", "beside the seeds folder"]
    at = [text.find(word) for word in order]
    assert -1 not in at and at == sorted(at), text


def test_the_cache_order_is_what_the_code_does(tmp_path, monkeypatch):
    """Environment over config, config's cache-dir over beside the config, and without a config
    beside the seeds folder: what the help and the README say."""
    from seedkeeper.corpus.cache import default_cache_dir

    seeds = tmp_path / "data" / "seeds"
    config = tmp_path / "seedkeeper.toml"
    monkeypatch.setenv("SEEDKEEPER_CACHE_DIR", str(tmp_path / "env"))
    assert default_cache_dir(seeds, str(config), "mine", str(tmp_path)) == tmp_path / "env"
    monkeypatch.delenv("SEEDKEEPER_CACHE_DIR")
    assert default_cache_dir(seeds, str(config), "mine", str(tmp_path)) == tmp_path / "mine"
    assert default_cache_dir(seeds, str(config), None, str(tmp_path)) == tmp_path.resolve() / ".seedkeeper_cache"
    beside = default_cache_dir(seeds, None, None, str(tmp_path))
    assert beside == seeds.resolve().parent / ".seedkeeper_cache"
    assert os.path.dirname(beside) != str(tmp_path.resolve())


def test_fix_help_names_every_code_it_repairs():
    from seedkeeper.corpus.repair import FIXABLE

    text = " ".join(_command("fix").help.split())
    assert all(code in text for code in FIXABLE), (sorted(FIXABLE), text)
    assert "--select mojibake" in text


def test_cache_clear_help_says_it_removes_the_folder_too():
    text = " ".join(_command("cache", "clear").help.split())
    assert "folder" in text and "--cache-dir" in text, text


def test_init_help_gives_its_real_default(cli, tmp_path):
    (found,) = [p for p in _command("init").params if p.name == "directory"]
    text = " ".join(found.help.split())
    assert "default: from config, else seeds" in text, text
    # ... which is the code's: a config naming another folder names init's too.
    (tmp_path / "seedkeeper.toml").write_text('seeds = "data/seeds"\n', encoding="utf-8")
    r = cli("init")
    assert r.exit_code == 0, r.output
    assert (tmp_path / "data" / "seeds" / "INDEX.md").is_file() and not (tmp_path / "seeds").exists()


def test_the_readme_config_example_pasted_warns_as_the_readme_says(cli, tmp_path):
    """Pasted as is, the example's per-file-ignores entry matches no finding: `check` warns
    `unused-ignore` for it, and the README says so under the example."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    assert "unused-ignore" in section.split("```toml\n", 1)[1].split("```", 1)[1]
    (tmp_path / "pyproject.toml").write_text(example, encoding="utf-8")
    make_seeds(tmp_path, {doc_name(0): CLEAN["en"]})
    assert cli("index").exit_code == 0
    r = cli("check", "--format", "json")
    assert r.exit_code == 0, r.output
    problems = json.loads(r.stdout)["problems"]
    assert [(p["code"], "'legal/*.txt'" in p["message"]) for p in problems] == [("unused-ignore", True)], problems


def test_the_readme_gives_the_cache_key_versions_the_code_has():
    """The README said the tagger's key was "now `20/...`" while DETECTOR_VERSION began with 21;
    the version numbers it names are the code's."""
    import re

    from seedkeeper.lang.version import DETECTOR_VERSION
    from seedkeeper.similarity.version import NORMALIZATION_VERSION

    readme = " ".join((Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8").split())
    assert re.findall(r"the tagger version is part of the key, now `(\d+)/\.\.\.`", readme) == [
        DETECTOR_VERSION.split("/")[0]
    ]
    assert re.findall(r"identical after normalization version (\d+)", readme) == [NORMALIZATION_VERSION]


def test_the_readme_configuration_example_holds_the_defaults(tmp_path):
    """The README says every value of its Configuration example is the default but for the
    per-file-ignores entry: pasted as is, it changes nothing else (it held `severity = {
    too-short = "error" }`, which failed `check` on short documents)."""
    import dataclasses

    from seedkeeper.settings import load_settings

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    start = readme.index("```toml\n[tool.seedkeeper]\nseeds = ")
    block = readme[start + len("```toml\n") : readme.index("```", start + 3)]
    (tmp_path / "pyproject.toml").write_text(block, encoding="utf-8")
    pasted = load_settings(start=tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.seedkeeper]\n", encoding="utf-8")
    default = load_settings(start=tmp_path)
    differ = [f.name for f in dataclasses.fields(pasted) if getattr(pasted, f.name) != getattr(default, f.name)]
    # cache-dir written out names the folder the default picks (beside the config file).
    assert differ in (["per_file_ignores"], ["per_file_ignores", "cache_dir"]), differ
    if "cache_dir" in differ:
        assert (Path(pasted.base_dir) / pasted.cache_dir).resolve() == (tmp_path / ".seedkeeper_cache").resolve()
