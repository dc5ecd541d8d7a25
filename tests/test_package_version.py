"""package_version: the installed version of a dependency (a cache-key part), as importlib.metadata says."""

from __future__ import annotations

import sys
from importlib.metadata import version

import pytest

from seedkeeper import _version


@pytest.fixture
def fresh(monkeypatch):
    _version.package_version.cache_clear()
    _version._listing.cache_clear()
    yield monkeypatch
    _version.package_version.cache_clear()
    _version._listing.cache_clear()


@pytest.mark.parametrize(
    "name", ["langdetect", "py3langid", "pycld2", "markdown-it-py", "markdown_it_py", "mdit-py-plugins", "ftfy"]
)
def test_installed_versions_agree_with_importlib_metadata(name, fresh):
    assert _version.package_version(name) == version(name)


def test_an_egg_info_earlier_on_the_path_wins_as_for_importlib_metadata(tmp_path, fresh):
    egg = tmp_path / "langdetect.egg-info"
    egg.mkdir()
    (egg / "PKG-INFO").write_text("Metadata-Version: 1.1\nName: langdetect\nVersion: 0.0.7\n", encoding="utf-8")
    fresh.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert _version.package_version("langdetect") == "0.0.7" == version("langdetect")


def test_a_dist_info_folder_name_is_read_without_importlib_metadata(tmp_path, fresh):
    (tmp_path / "Some_Pkg-2.5.1.dist-info").mkdir()
    fresh.setattr(sys, "path", [str(tmp_path), *sys.path])
    fresh.setitem(sys.modules, "importlib.metadata", None)  # importing it would fail
    assert _version.package_version("some-pkg") == "2.5.1"
    assert _version.package_version("some.pkg") == "2.5.1"


def test_an_unknown_distribution_is_unknown(fresh):
    assert _version.package_version("no-such-distribution-here") == "unknown"


def test_a_zip_or_egg_first_on_the_path_is_left_to_importlib_metadata(tmp_path, fresh):
    import zipfile

    archive = tmp_path / "vendored.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("langdetect-0.0.7.dist-info/METADATA", "Metadata-Version: 2.1\nName: langdetect\nVersion: 0.0.7\n")
    egg = tmp_path / "langdetect-0.0.8-py3.11.egg"
    (egg / "EGG-INFO").mkdir(parents=True)
    (egg / "EGG-INFO" / "PKG-INFO").write_text("Metadata-Version: 1.1\nName: langdetect\nVersion: 0.0.8\n", "utf-8")
    for first in (archive, egg):
        _version.package_version.cache_clear()
        fresh.setattr(sys, "path", [str(first), *sys.path])
        assert _version.package_version("langdetect") == version("langdetect") != "1.0.9"
