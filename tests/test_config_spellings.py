"""Globs in the config (`include`, `per-file-ignores`) typed composed (NFC, as people type) name
the files and folders macOS wrote decomposed (NFD), as INDEX.md's composed spelling does: a
glob must not silently miss a document its own listing names."""

from __future__ import annotations

import json
import unicodedata

import pytest

from helpers import make_seeds
from multilingual import CLEAN
from seedkeeper.corpus.paths import matches_glob, matches_include

pytestmark = pytest.mark.usefixtures("isolated_env")

FOLDER = "آرشیو"  # starts with alef madda, which NFD writes as alef + U+0653
NAME = "آب.txt"


def _nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def test_globs_compare_composed_spellings():
    assert _nfd(FOLDER) != FOLDER
    assert matches_include(f"{_nfd(FOLDER)}/x.md", (f"{FOLDER}/*.md",))
    assert matches_include(_nfd(NAME), ("آ*.txt",))
    assert matches_glob(f"{_nfd(FOLDER)}/{_nfd(NAME)}", f"{FOLDER}/{NAME}")
    assert matches_glob(f"sub/{_nfd(NAME)}", NAME)  # a glob without "/" matches the name anywhere
    # ... and a glob typed decomposed matches the composed file too.
    assert matches_glob(f"{FOLDER}/{NAME}", _nfd(f"{FOLDER}/*.txt"))
    assert not matches_glob(f"{FOLDER}/{NAME}", "other/*.txt")
    # "./" starts at the seeds folder, as in an include glob: it matched nothing.
    assert matches_glob(f"{FOLDER}/{NAME}", f"./{FOLDER}/*.txt")
    assert matches_include(f"{FOLDER}/{NAME}", (f"./{FOLDER}/*.txt",))


def _codes(cli, root) -> list[tuple[str | None, str]]:
    r = cli("check", root, "--format", "json")
    assert r.exit_code in (0, 1), r.output
    return [(p["file"], p["code"]) for p in json.loads(r.stdout)["problems"]]


def test_per_file_ignores_accept_a_decomposed_persian_name(cli, tmp_path):
    # The file on disk is decomposed (copied from a Mac); INDEX.md and the config are composed.
    rel = _nfd(f"{FOLDER}/{NAME}")
    root = make_seeds(tmp_path, {rel: CLEAN["fa"]}, f"# S\n\n- {FOLDER}/{NAME}\n")
    config = f'[per-file-ignores]\n"{FOLDER}/*.txt" = ["bad-name"]\n'
    (tmp_path / "seedkeeper.toml").write_text(config, encoding="utf-8")
    codes = _codes(cli, root)
    assert not [c for c in codes if c[1] in ("bad-name", "unused-ignore")], codes


def test_include_finds_a_decomposed_folder(cli, tmp_path):
    rel = _nfd(FOLDER) + "/001_0123456789abcdef.md"
    root = make_seeds(tmp_path, {rel: CLEAN["fa"], "other/002_0123456789abcdef.md": CLEAN["ar"]}, "# S\n")
    (tmp_path / "seedkeeper.toml").write_text(f'include = ["{FOLDER}/*.md"]\n', encoding="utf-8")
    codes = _codes(cli, root)
    # The document under the decomposed folder is one (unlisted), the one elsewhere is not.
    assert (rel, "unlisted-file") in codes, codes
    assert not [c for c in codes if c[0] and c[0].startswith("other/")]
