"""pytest fixtures shared by the tests (plain helpers live in helpers.py)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from helpers import make_seeds

# The property tests run the same examples on every run (derandomized by the test's name): a
# gate that fails a pull request must fail it for its change, not for an example that chance
# found this time. `SEEDKEEPER_FUZZ=1 python -m pytest` explores new examples (and keeps what
# fails in .hypothesis/), to be turned into an @example once understood.
settings.register_profile("gate", derandomize=True, database=None)
settings.register_profile("fuzz", derandomize=False)
settings.load_profile("fuzz" if os.environ.get("SEEDKEEPER_FUZZ") else "gate")


@pytest.fixture
def isolated_env(monkeypatch, tmp_path_factory):
    """Keep a test away from the user's and the repo's state: no cache in the repo, no GitHub
    environment leaking in, no colour codes, a fixed terminal width. Not autouse (other test files
    share this conftest): opt in with `pytestmark = pytest.mark.usefixtures("isolated_env")`."""
    monkeypatch.setenv("SEEDKEEPER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    for var in ("GITHUB_WORKSPACE", "GITHUB_ACTIONS", "FORCE_COLOR", "CLICOLOR_FORCE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TERM", "dumb")


@pytest.fixture
def seeds_factory(tmp_path) -> Callable[..., Path]:
    """`seeds_factory(files, index=None)`: make_seeds bound to this test's tmp_path."""
    return lambda files, index=None, **kw: make_seeds(tmp_path, files, index, **kw)


@pytest.fixture
def cli(tmp_path, monkeypatch):
    """Invoke the CLI as a user would, from tmp_path (so no config of the repo or the user is
    picked up), with GitHub annotation paths relative to tmp_path and no job summary file."""
    from typer.testing import CliRunner

    from seedkeeper.shell.app import app

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


@pytest.fixture(autouse=True)
def stat_keys_trusted_at_once(monkeypatch):
    """A test writes a file and runs a command on it within a second: the cache would store such
    a racily clean file without a stat key (corpus/cache.RACY_NS), and no test could see the stat
    shortcut work without waiting two seconds. Off here; tests/test_cache_racy.py turns it on."""
    from seedkeeper.corpus import cache

    monkeypatch.setattr(cache, "RACY_NS", 0)


@pytest.fixture(autouse=True)
def plain_index_reading_matches_markdown(monkeypatch):
    """Every INDEX.md any test parses is also parsed with markdown-it alone: where the
    line-by-line reader of plain files (indexmd/plain.py) answers, it must give the same entries."""
    from seedkeeper.indexmd import reader

    original = reader._parse

    def checked(text, include, name_pattern, fast_plain):
        doc = original(text, include, name_pattern, fast_plain)
        if fast_plain and len(text) < 500_000:
            slow = original(text, include, name_pattern, False)
            assert doc.entries == slow.entries, f"plain reader differs from markdown-it on:\n{text[:2000]}"
        return doc

    monkeypatch.setattr(reader, "_parse", checked)
