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
    as importlib.metadata searches them. None (ask importlib.metadata) when an entry comes first
    that this cannot list (a zip, an .egg), or the entry holds it in another form (an .egg-info)
    or twice."""
    wanted = _normal(name)
    for entry in sys.path:
        listing = _listing(entry or ".")
        if listing is None:
            return None  # a zip or an egg: importlib.metadata reads inside it
        found = [(n, stem) for n, stem in listing if _normal(stem.split("-", 1)[0]) == wanted]
        if not found:
            continue
        versions = [stem.split("-", 1)[1] for n, stem in found if n.lower().endswith(".dist-info") and "-" in stem]
        if len(found) == 1 and len(versions) == 1 and versions[0]:
            return versions[0]
        return None
    return None


@functools.cache
def _listing(folder: str) -> tuple[tuple[str, str], ...] | None:
    """(entry, entry without its suffix) of the metadata folders and files in `folder`; () for a
    missing folder, None for what only importlib.metadata can read (a zip file, an .egg)."""
    if folder.lower().endswith(".egg") or os.path.isfile(folder):
        return None
    try:
        names = os.listdir(folder)
    except OSError:
        return ()
    if "EGG-INFO" in names:
        return None
    return tuple((n, n.rsplit(".", 1)[0]) for n in names if n.lower().endswith((".dist-info", ".egg-info")))
