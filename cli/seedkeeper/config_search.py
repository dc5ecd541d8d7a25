"""Finding the configuration file: the nearest seedkeeper.toml, or pyproject.toml with a
[tool.seedkeeper] table, searched upwards and no further than the repository's root (as black
stops). Reading it is settings.load_settings's part."""

from __future__ import annotations

import tomllib
from pathlib import Path


def find_config(start: Path) -> Path | None:
    """The nearest seedkeeper.toml, or pyproject.toml with [tool.seedkeeper], at or above start,
    up to the root of the repository start is in (_repository_root), as black stops: another
    project's configuration above a repository is not this one's (a submodule's is)."""
    start = start.resolve()
    for folder in [start, *start.parents]:
        own = folder / "seedkeeper.toml"
        if own.is_file():
            return own
        py = folder / "pyproject.toml"
        if py.is_file():
            try:
                data = tomllib.loads(py.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if "seedkeeper" in data.get("tool", {}):
                return py
        if _repository_root(folder):
            break
    return None


def _repository_root(folder: Path) -> bool:
    """Whether `folder` is the root of a repository the search must not leave: a `.git` or `.hg`
    folder, or a worktree's `.git` file. A submodule's `.git` file is not: a corpus kept as a
    submodule belongs to the project around it, whose configuration is its own."""
    if (folder / ".hg").exists() or (folder / ".git").is_dir():
        return True
    git = folder / ".git"
    if not git.is_file():
        return False
    try:
        pointer = git.read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return True
    # A submodule's git folder is `<git dir>/modules/<name>` (in a worktree's or a separate git
    # dir too); a worktree's is `<git dir>/worktrees/<name>`, and a repository may itself sit
    # under a folder named "modules": so the last segments decide.
    parts = [p for p in pointer.strip().removeprefix("gitdir:").strip().replace("\\", "/").split("/") if p]
    return len(parts) < 2 or parts[-2] == "worktrees" or "modules" not in parts[:-1]
