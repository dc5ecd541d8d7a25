"""`--debug` is a global flag: `seedkeeper --debug check seeds` shows an internal error's
traceback as `seedkeeper check seeds --debug` does, for every command; without it the error is
one clear line, exit 3."""

from __future__ import annotations

import pytest

from helpers import make_seeds
from multilingual import CLEAN

pytestmark = pytest.mark.usefixtures("isolated_env")

# Each command as typed, `{seeds}` and `{new}` filled in by the test.
COMMANDS = [
    ["validate", "{seeds}"],
    ["check", "{seeds}"],
    ["tag", "{seeds}"],
    ["dedup", "{seeds}"],
    ["dedup", "{seeds}", "--apply"],
    ["restore", "x.txt", "--seeds", "{seeds}"],
    ["index", "{seeds}"],
    ["add", "{new}", "--seeds", "{seeds}"],
    ["stats", "{seeds}"],
    ["init", "{seeds}"],
    ["rename", "{seeds}"],
    ["fix", "{seeds}"],
    ["cache", "dir", "{seeds}"],
    ["cache", "clear", "{seeds}"],
]


@pytest.fixture
def broken(tmp_path, monkeypatch):
    """A seeds folder and a new file, with a bug planted under every command: reading the
    settings (every command but init does first) and init's core raise RuntimeError."""
    import seedkeeper.operations.onboarding as onboarding
    import seedkeeper.settings as settings

    def boom(*a, **k):
        raise RuntimeError("planted bug")

    monkeypatch.setattr(settings, "load_settings", boom)
    monkeypatch.setattr(onboarding, "init", boom)
    seeds = make_seeds(tmp_path, {"a.txt": CLEAN["en"]})
    new = tmp_path / "new.txt"
    new.write_text(CLEAN["fr"], encoding="utf-8")
    return {"seeds": str(seeds), "new": str(new)}


def _args(command: list[str], where: dict[str, str]) -> list[str]:
    return [a.format(**where) for a in command]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_an_internal_error_is_one_line_without_debug(cli, broken, command):
    r = cli(*_args(command, broken))
    assert r.exit_code == 3, r.output
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "internal error (RuntimeError): planted bug" in lines[0], r.stderr
    assert "run with --debug" in lines[0] and "Traceback" not in r.output


@pytest.mark.parametrize("position", ["before", "after"])
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_debug_shows_the_traceback_before_or_after_the_command(cli, broken, command, position):
    args = _args(command, broken)
    args = ["--debug", *args] if position == "before" else [*args, "--debug"]
    r = cli(*args)
    assert r.exit_code == 3, r.output
    assert "Traceback" in r.stderr and "RuntimeError: planted bug" in r.stderr, r.stderr
    assert "run with --debug" not in r.stderr


def test_debug_is_listed_in_the_main_help(cli):
    r = cli("--help")
    assert r.exit_code == 0 and "--debug" in r.stdout
