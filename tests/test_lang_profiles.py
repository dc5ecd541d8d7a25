"""langdetect's profile tables: merged as langdetect merges them, cached, and never trusted when damaged."""

from __future__ import annotations

import os

import numpy as np
import pytest

from seedkeeper.lang import profiles
from seedkeeper.lang.profiles import GROUPS, build_table, load_table


def _langdetect_factory(group: str):
    """langdetect's own DetectorFactory for the group's profiles (its add_profile, sorted order)."""
    import json

    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    from langdetect.utils.lang_profile import LangProfile

    factory = DetectorFactory()
    langs = sorted(GROUPS[group])
    for index, name in enumerate(langs):
        with open(os.path.join(PROFILES_DIRECTORY, name), encoding="utf-8") as fh:
            factory.add_profile(LangProfile(**json.load(fh)), index, len(langs))
    return factory


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_the_table_holds_exactly_langdetects_probabilities(group):
    factory = _langdetect_factory(group)
    table = build_table(group)
    assert list(table.langs) == factory.langlist
    assert set(table.row_of) == set(factory.word_lang_prob_map)
    for word, probs in factory.word_lang_prob_map.items():
        assert table.matrix[table.row_of[word]].tolist() == probs


def _no_building(*args):
    raise AssertionError("the table was built again instead of read from its copy")


def _copy_folder(root):
    return next((root / "seedkeeper").glob("langdetect-*-profiles-*"))


def test_the_cached_copy_is_the_same_table_and_a_damaged_one_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = build_table("latin")
    first = load_table("latin")  # makes the copy
    folder = _copy_folder(tmp_path)
    assert (folder / "complete").is_file() and not list((tmp_path / "seedkeeper").glob("*.tmp"))
    for group in GROUPS:
        assert (folder / f"{group}.npy").is_file()
    with monkeypatch.context() as m:  # read from the copy: building the table again would fail
        m.setattr(profiles, "build_table", _no_building)
        again = load_table("latin")
    for table in (first, again):
        assert table.langs == fresh.langs and table.row_of == fresh.row_of
        assert np.array_equal(table.matrix, fresh.matrix) and table.matrix.dtype == np.float64
    # Cut short: the shape no longer matches the n-gram list, so the table is built afresh.
    npy = folder / "latin.npy"
    npy.write_bytes(npy.read_bytes()[: npy.stat().st_size // 2])
    cut = load_table("latin")
    assert cut.row_of == fresh.row_of and np.array_equal(cut.matrix, fresh.matrix)
    (folder / "latin.json").write_text("{not json", encoding="utf-8")
    assert np.array_equal(load_table("latin").matrix, fresh.matrix)


def test_an_interrupted_copy_is_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    load_table("arabic")
    folder = _copy_folder(tmp_path)
    (folder / "complete").unlink()
    (folder / "arabic.npy").write_bytes(b"half")
    assert load_table("arabic").langs == ("ar", "fa", "ur")
    assert (folder / "complete").is_file()
    assert np.array_equal(load_table("arabic").matrix, build_table("arabic").matrix)


def test_an_unwritable_cache_folder_falls_back_to_the_packaged_profiles(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    table = load_table("cyrillic")
    assert table.langs == ("bg", "mk", "ru", "uk")
    assert np.array_equal(table.matrix, build_table("cyrillic").matrix)
    assert profiles.GROUPS["cyrillic"] == ("bg", "mk", "ru", "uk")
