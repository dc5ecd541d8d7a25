"""`init`: scaffold what a corpus needs (a seeds folder with INDEX.md, the config, a GitHub Actions
workflow, a pre-commit config). Never overwrites: a file that exists is kept and reported."""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

from seedkeeper._version import __version__
from seedkeeper.corpus.atomic import write_atomic
from seedkeeper.corpus.discovery import INDEX_NAME
from seedkeeper.errors import UsageError
from seedkeeper.indexmd.markers import BEGIN_MARKER, END_MARKER
from seedkeeper.indexmd.table import HEADER_COMMENT, header_lines
from seedkeeper.settings import Settings, find_config

WORKFLOW = ".github/workflows/seedkeeper.yml"
PRE_COMMIT = ".pre-commit-config.yaml"
CONFIG = "seedkeeper.toml"


@dataclass
class Scaffolded:
    """What `init` did: the files it created and those it found and kept (relative to the project)."""

    project: Path
    seeds: str  # the seeds folder, relative to the project folder
    seeds_from: str | None = None  # the config that named the folder (no folder given), from the project
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    documents: int = 0  # documents already in the folder
    hand_written_index: bool = False  # an INDEX.md without the markers was there
    # What is left to do, so that the next steps init suggests are the ones this corpus needs:
    unlisted: int = 0  # documents INDEX.md does not list (`seedkeeper index` lists them)
    misnamed: int = 0  # documents not named by the name pattern (`seedkeeper rename` renames them)
    cache_ignored: bool = False  # .gitignore already names the cache folder
    # What the workflow installs (the one init wrote, or the one it kept), when that is seedkeeper
    # by name from the package index (not a git commit or a path): seedkeeper is not on PyPI, so
    # that line needs a person ("" when there is no such line).
    workflow_install: str = ""

    def to_dict(self) -> dict:
        return {
            "seeds": self.seeds,
            "seeds_from": self.seeds_from,
            "created": self.created,
            "kept": self.kept,
            "documents": self.documents,
            "hand_written_index": self.hand_written_index,
            "unlisted": self.unlisted,
            "misnamed": self.misnamed,
            "cache_ignored": self.cache_ignored,
            "workflow_install": self.workflow_install,
        }


def _index_text() -> str:
    return "\n".join(
        [
            "# Seeds",
            "",
            "The seed documents of this corpus, one plain-text UTF-8 file per document. Add documents",
            "with `seedkeeper add FILE`; `seedkeeper index` keeps the table below current. Write your",
            "own notes in the Notes column, and `lang: xx` there (or in Pinned) to pin a language.",
            "",
            BEGIN_MARKER,
            HEADER_COMMENT,
            "",
            *header_lines(),
            "",
            END_MARKER,
            "",
        ]
    )


def _config_text(seeds: str) -> str:
    return f"""# seedkeeper settings (the README, "Configuration", lists every key); command-line flags override them.
seeds = "{seeds}"
# include = ["*.txt"]
# name-pattern = '\\d{{3,}}_[0-9a-f]{{16}}\\.txt'
# threshold = 0.8                  # near-duplicate similarity
# languages = []                   # allow-list, e.g. ["fa", "ar", "en"]
# ignore = []                      # e.g. ["bad-name", "lang-"]
"""


def install_spec() -> str:
    """How CI should install the seedkeeper running now: the same git commit when it came from a
    git URL, else the released version by name (edit the workflow if yours is installed otherwise)."""
    import importlib.metadata
    import json

    try:
        raw = importlib.metadata.distribution("seedkeeper").read_text("direct_url.json")
        info = json.loads(raw) if raw else {}
    except (importlib.metadata.PackageNotFoundError, ValueError):
        info = {}
    vcs = info.get("vcs_info", {})
    if vcs.get("vcs") == "git" and vcs.get("commit_id") and str(info.get("url", "")).startswith("https://"):
        return f"git+{info['url']}@{vcs['commit_id']}"
    return f"seedkeeper=={__version__}"


def by_version(spec: str) -> bool:
    """True when `spec` installs seedkeeper by name from the package index, where it is not."""
    return spec.startswith("seedkeeper==")


# seedkeeper by name, as pip reads a requirement from an index: `seedkeeper`, `seedkeeper==0.1.0`,
# `seedkeeper[bench]>=0.1` (not a URL, a path, nor `seedkeeper @ git+...`).
_BY_NAME = re.compile(r"seedkeeper(\[[^\]]*\])?\s*([<>=!~]=?[^@\s]*)?", re.IGNORECASE)


def workflow_install(path: Path) -> str:
    """The requirement a workflow's `pip install` line installs seedkeeper by name with (from
    the package index, where it is not: `seedkeeper==0.1.0`), or "" when no line does so (a git
    commit, a path, no such line, no readable file). Comments are not read."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else ""
    except OSError:
        return ""
    for line in text.splitlines():
        _, found, rest = line.partition("pip install ")
        if not found or line.lstrip().startswith("#"):
            continue
        try:
            words = shlex.split(rest, comments=True)
        except ValueError:
            words = rest.split()
        for i, word in enumerate(words):
            follows = words[i + 1] if i + 1 < len(words) else ""
            if _BY_NAME.fullmatch(word) and not follows.startswith("@"):
                return word
    return ""


def _install_comment(spec: str) -> str:
    """The workflow's comment above its install line: what to put there when it is a version."""
    if not by_version(spec):
        return f"      # The seedkeeper commit this workflow was written with ({__version__}).\n"
    return (
        "      # seedkeeper is not on PyPI: make this line install it from where you host it, pinned\n"
        '      # to a commit (pip install "git+https://<host>/<repo>.git@<sha>") or from a path.\n'
    )


def _workflow_text(seeds: str) -> str:
    spec = install_spec()
    return f"""name: seeds
on: [push, pull_request]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with: {{ python-version: "3.11" }}
      - uses: actions/cache@v4
        with:
          path: .seedkeeper_cache
          key: seedkeeper-${{{{ github.sha }}}}
          restore-keys: seedkeeper-
{_install_comment(spec)}      - run: pip install "{spec}"
      - run: seedkeeper check {seeds} --format github
"""


def _pre_commit_text(seeds: str) -> str:
    return f"""# Runs the seedkeeper installed in your environment. It is not on PyPI: install it from a
# checkout (`pip install -e /path/to/seedkeeper`) or pinned to a git commit (the README's CI
# section). To let pre-commit install it instead, use the repository hook and pin a commit
# (the README's "Pre-commit").
repos:
  - repo: local
    hooks:
      - id: seedkeeper-check
        name: seedkeeper check
        entry: seedkeeper check {seeds}
        language: system
        pass_filenames: false
"""


def _relative(path: Path, project: Path) -> str:
    try:
        return path.resolve().relative_to(project.resolve()).as_posix() or "."
    except ValueError:
        return path.resolve().as_posix()


def _create(project: Path, rel: str, text: str, done: Scaffolded) -> None:
    path = project / rel
    if os.path.lexists(path):
        done.kept.append(rel)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text.encode("utf-8"), mode=0o644)
    done.created.append(rel)


def init(seeds: str | os.PathLike | None = None, project: str | os.PathLike | None = None) -> Scaffolded:
    """Scaffold the seeds folder and the project files around it in `project` (default: the
    current folder). Without `seeds`, the folder is the one the config found from `project`
    names, as every command reads it, else `seeds`. Files that exist are kept as they are."""
    project = Path(project or ".")
    existing = find_config(project)
    folder, named_by = (Path(seeds), None) if seeds is not None else _configured_folder(project, existing)
    folder = folder if folder.is_absolute() else project / folder
    if folder.is_symlink() and not folder.exists():
        # A link that leads nowhere or round in a loop: not a folder to create, nor one to use.
        raise UsageError(f"{folder} is a symbolic link that leads nowhere; give `seedkeeper init` a folder name")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} exists and is not a folder; give `seedkeeper init` a folder name")
    try:
        rel = _relative(folder, project)
        done = Scaffolded(project=project, seeds=rel, seeds_from=named_by)
        if not folder.is_dir():
            folder.mkdir(parents=True)
            done.created.append(rel + "/")
    except (OSError, RuntimeError) as exc:
        # A link above it that leads nowhere or round in a loop, a file in the way, no permission.
        raise UsageError(f"cannot create the seeds folder {folder}: {exc}") from None
    index_rel = f"{rel}/{INDEX_NAME}" if rel != "." else INDEX_NAME
    index_path = folder / INDEX_NAME
    if index_path.is_file():
        text = index_path.read_bytes().decode("utf-8", errors="replace")
        done.hand_written_index = BEGIN_MARKER not in text
    _create(project, index_rel, _index_text(), done)
    if existing is not None:
        done.kept.append(_relative(existing, project))
    else:
        _create(project, CONFIG, _config_text(rel), done)
    _create(project, WORKFLOW, _workflow_text(rel), done)
    # The line init wrote, or the one a kept workflow has (init run again: its reminder stays).
    done.workflow_install = workflow_install(project / WORKFLOW)
    _create(project, PRE_COMMIT, _pre_commit_text(rel), done)
    _take_stock(folder, existing, done)
    done.cache_ignored = _ignores_cache(project / ".gitignore")
    return done


def _configured_folder(project: Path, config: Path | None) -> tuple[Path, str | None]:
    """The folder a bare `init` scaffolds and the config that names it (from the project): the
    config's `seeds`, relative to the config's folder as for every command; else `seeds`. The
    config is the one init keeps, so the workflow and the next steps name the folder it uses."""
    if config is None:
        return Path(Settings().seeds), None
    from seedkeeper.errors import ConfigError
    from seedkeeper.settings import load_settings

    try:
        settings = load_settings(config)
    except ConfigError as exc:
        # Not ./seeds behind the config's back: a folder no other command would then use.
        hint = "init reads it for the seeds folder: fix it, or name the folder: `seedkeeper init DIR`"
        raise UsageError(f"{exc} ({hint})") from None
    folder = settings.seeds_path(None)
    if not config.resolve().is_relative_to(project.resolve()):  # a .github/ here is never read
        up = os.path.relpath(config.resolve().parent, project.resolve())
        msg = f"is above this folder: the workflow and pre-commit config belong beside it: `cd {up}` and run"
        raise UsageError(f"the config init found, {config.resolve().as_posix()}, {msg} `seedkeeper init` there")
    if not folder.resolve().is_relative_to(project.resolve()):
        # A folder beside this one: the workflow and hook would name a path no other checkout has.
        where = f"{_relative(config, project)}, names {_relative(folder, project)}"
        raise UsageError(
            f"the config init found, {where}, a folder outside this one: name a folder inside it: `seedkeeper init DIR`"
        )
    return folder, _relative(config, project)


def _take_stock(folder: Path, config: Path | None, done: Scaffolded) -> None:
    """Count the documents, those INDEX.md does not list and those the name pattern does not
    name, as `check` would (the config init kept, if any, names documents and their pattern).
    Reads INDEX.md and the folder's names, never a document."""
    from seedkeeper.corpus.model import load_corpus
    from seedkeeper.errors import SeedkeeperError
    from seedkeeper.settings import load_settings

    try:
        settings = load_settings(config) if config is not None else Settings()
    except SeedkeeperError:
        settings = Settings()  # a config `check` will refuse: it says why then; init counts by default
    corpus = load_corpus(folder, settings)
    done.documents = len(corpus.on_disk)
    codes = [p.code for p in corpus.problems]
    done.unlisted, done.misnamed = codes.count("unlisted-file"), codes.count("bad-name")


def _ignores_cache(gitignore: Path) -> bool:
    """Whether `.gitignore` has a line naming the cache folder (`.seedkeeper_cache`, with or
    without slashes)."""
    try:
        lines = gitignore.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False
    return any(line.strip().strip("/") == ".seedkeeper_cache" for line in lines)
