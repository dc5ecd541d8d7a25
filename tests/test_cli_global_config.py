"""`--config FILE` is a global flag, as `--debug` is: `seedkeeper --config my.toml check` reads
that file as `seedkeeper check --config my.toml` does, for every command that reads a config
(every command but `init`, which writes one and refuses the flag with a usage error)."""

from __future__ import annotations

import json

import pytest

from helpers import make_seeds
from multilingual import CLEAN

pytestmark = pytest.mark.usefixtures("isolated_env")

# Each command that reads a config, as typed; `{seeds}` and `{new}` filled in by the test.
COMMANDS = [
    ["validate", "{seeds}"],
    ["check", "{seeds}"],
    ["tag", "{seeds}"],
    ["tag", "{new}"],
    ["dedup", "{seeds}"],
    ["restore", "x.txt", "--seeds", "{seeds}"],
    ["index", "{seeds}"],
    ["add", "{new}", "--seeds", "{seeds}"],
    ["stats", "{seeds}"],
    ["rename", "{seeds}"],
    ["fix", "{seeds}"],
    ["cache", "dir", "{seeds}"],
    ["cache", "clear", "{seeds}"],
]


@pytest.fixture
def where(tmp_path):
    seeds = make_seeds(tmp_path, {"a.txt": CLEAN["en"]})
    new = tmp_path / "new.txt"
    new.write_text(CLEAN["fr"], encoding="utf-8")
    bad = tmp_path / "conf" / "bad.toml"
    bad.parent.mkdir()
    bad.write_text("treshold = 0.9\n", encoding="utf-8")
    return {"seeds": str(seeds), "new": str(new), "bad": str(bad)}


@pytest.mark.parametrize("position", ["before", "after"])
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_config_is_read_before_or_after_the_command(cli, where, command, position):
    """A config with an unknown key is refused by name (exit 2) wherever --config is typed: so
    the file named before the command is the one read."""
    args = [a.format(**where) for a in command]
    args = ["--config", where["bad"], *args] if position == "before" else [*args, "--config", where["bad"]]
    r = cli(*args)
    assert r.exit_code == 2, r.output
    assert "No such option" not in r.output and "treshold" in r.stderr, r.stderr


def test_the_config_before_the_command_names_the_seeds_folder(cli, tmp_path):
    make_seeds(tmp_path, {"a.txt": CLEAN["en"]}, folder="data/seeds")
    conf = tmp_path / "ci" / "seedkeeper.toml"
    conf.parent.mkdir()
    conf.write_text('seeds = "../data/seeds"\nignore = ["bad-name"]\n', encoding="utf-8")
    r = cli("--config", conf, "validate", "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["problems"] == []


def test_the_command_own_config_wins_over_the_global_one(cli, tmp_path, where):
    good = tmp_path / "good.toml"
    good.write_text('ignore = ["bad-name"]\n', encoding="utf-8")
    r = cli("--config", where["bad"], "validate", where["seeds"], "--config", good)
    assert r.exit_code == 0, r.output


def test_init_refuses_a_config_before_it(cli, tmp_path, where):
    r = cli("--config", where["bad"], "init", "fresh")
    assert r.exit_code == 2, r.output
    assert "--config" in r.stderr and "init" in r.stderr, r.stderr
    assert not (tmp_path / "fresh").exists()


def test_init_refuses_a_config_after_it_with_the_same_reason(cli, tmp_path, where):
    # The README: --config goes before or after a command's name, and init refuses it. After
    # the name, init said only typer's "No such option: --config", with no why.
    r = cli("init", "fresh", "--config", where["bad"])
    assert r.exit_code == 2, r.output
    assert "does not apply to init" in r.stderr, r.stderr
    assert not (tmp_path / "fresh").exists()
    assert "--config" not in cli("init", "--help").stdout  # still no option to offer


def test_config_is_listed_in_the_main_help(cli):
    r = cli("--help")
    assert r.exit_code == 0 and "--config" in r.stdout
