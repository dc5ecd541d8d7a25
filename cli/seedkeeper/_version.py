"""The package version, in one place (pyproject.toml reads it from here)."""

from __future__ import annotations

import functools
import os
import re
import sys

__version__ = "0.1.0"


@functools.cache
def package_version(name: str) -> str:
    """Installed version of another distribution (a detector, the Markdown parser), "unknown"
    for vendored or unusual installs: part of the cache keys whose results it changes."""
    found = _from_dist_info_names(name)
    if found is not None:
        return found
    # importlib.metadata costs ~20 ms to import (it pulls in the email package): only for installs
    # the folder names cannot answer (eggs, zip imports, names written differently).
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _from_dist_info_names(name: str) -> str | None:
    """The version in the `<name>-<version>.dist-info` folder name that an installer writes (the
    wheel format fixes that name), from the first `sys.path` entry that holds the distribution,
    as importlib.metadata searches them. None (ask importlib.metadata) when that entry holds it in
    another form (an .egg-info, a zip) or twice."""
    wanted = _normal(name)
    for entry in sys.path:
        found = [(n, stem) for n, stem in _listing(entry or ".") if _normal(stem.split("-", 1)[0]) == wanted]
        if not found:
            continue
        versions = [stem.split("-", 1)[1] for n, stem in found if n.endswith(".dist-info") and "-" in stem]
        if len(found) == 1 and len(versions) == 1 and versions[0]:
            return versions[0]
        return None
    return None


@functools.cache
def _listing(folder: str) -> tuple[tuple[str, str], ...]:
    """(entry, entry without its suffix) of the metadata folders and files in `folder`; a zip
    file on sys.path lists nothing, and callers then ask importlib.metadata."""
    try:
        names = os.listdir(folder)
    except OSError:
        return ()
    return tuple((n, n.rsplit(".", 1)[0]) for n in names if n.endswith((".dist-info", ".egg-info")))
