"""What every command does around its own work: open a run (settings, seeds folder, cache) and
map outcomes to exit codes (the error boundary, written once as a decorator).

Exit codes: 0 no errors, 1 errors found (or --check would change something, or a SeedkeeperError
about the data), 2 usage error, missing folder, a full disk or a folder this user cannot write,
3 internal error (one line; the traceback only with --debug, given before or after the command's
name), 130 interrupted.
"""

from __future__ import annotations

import errno
import functools
import io
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

if TYPE_CHECKING:  # pragma: no cover - the settings module (and its TOML parser) loads on first use
    from ..settings import Settings

from ..corpus.paths import shown
from ..errors import FolderNotFoundError, SeedkeeperError, UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for `yes | head`
_DISK_ERRNOS = (errno.ENOSPC, errno.EDQUOT)
# A folder or file this user may not write (or read), or a read-only mount: the machine's state.
_ACCESS_ERRNOS = (errno.EACCES, errno.EPERM, errno.EROFS)


@dataclass
class Run:
    """The settings, the seeds folder and the cache (None with --no-cache) of one command run."""

    settings: Settings
    seeds: Path
    cache: object | None = None  # corpus.pool.CacheSpec


def _split(values: Optional[list[str]]) -> Optional[list[str]]:
    if not values:
        return None
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def open_run(
    directory: Optional[Path],
    config: Optional[Path],
    *,
    must_exist: bool = False,
    cache: bool = False,
    no_cache: bool = False,
    cache_dir: Optional[Path] = None,
    here_hint: str | None = "`.`",
    suggest: bool = True,
    **overrides,
) -> Run:
    """Load settings (nearest config from the folder, or cwd), apply the flags, pick the folder
    and, with cache=True, the cache. With must_exist, a missing folder is a usage error. A folder
    or config given in the other Unicode spelling of its name names it. When no
    folder was given, the default is missing and the current folder holds an INDEX.md, the error
    says how to name this one (`here_hint`; None: the command needs no folder). With `suggest`,
    the commands the run's messages suggest name the folder when the bare command would not find
    it (`suggesting`)."""
    from ..settings import load_settings

    config = config_given(config)
    # A folder or config typed in the other Unicode spelling of its name ("données" composed, the
    # folder decomposed as macOS wrote it) is that one, as a document's name is.
    directory, config = _as_spelled(directory), _as_spelled(config)
    start = directory if directory is not None and directory.is_dir() else Path.cwd()
    settings = load_settings(config, start=start)
    overrides = {k: v for k, v in overrides.items() if v is not None}
    for key in ("select", "ignore"):
        if key in overrides:
            overrides[key] = tuple(_split(overrides[key]) or ())
    if "select" in overrides and "ignore" not in overrides:
        # As in ruff, a --select starts the run's selection afresh: the config's `ignore` must
        # not silently undo it (`ignore = ["bom"]` and `--select bom` checked nothing at all).
        overrides["ignore"] = ()
    settings = settings.with_overrides(**overrides)
    seeds = settings.seeds_path(directory)
    if seeds.is_symlink() and not seeds.exists():
        # A symbolic link that leads nowhere, or round in a loop (resolving it would raise).
        raise FolderNotFoundError(f"seeds folder not found: {seeds} (a symbolic link that leads nowhere)")
    holds = _seeds_here(settings.include) if not seeds.exists() and directory is None and here_hint else None
    if holds:
        # No folder typed, the default one missing, and the person stands in a seeds folder
        # (maybe before it has an INDEX.md): say what to type, not only what is wrong.
        raise FolderNotFoundError(f"seeds folder not found: {seeds} (this folder holds {holds}: {_retry(here_hint)})")
    if must_exist and not seeds.is_dir():
        raise FolderNotFoundError(f"seeds folder not found: {seeds}")
    spec = cache_spec(settings, seeds, no_cache, cache_dir) if cache else None
    if suggest:
        from .group import FOLDER

        FOLDER.set(_folder_to_name(directory, config, seeds))
    return Run(settings, seeds, spec)


def _folder_to_name(directory: Optional[Path], config: Optional[Path], seeds: Path) -> str:
    """How the commands this run suggests name its seeds folder (suggested.name_folder): "" when
    the bare command typed here (no folder, no --config) finds this very folder (the config's
    `seeds`, else ./seeds); else the folder as typed (else as the config named it, from here),
    quoted for a shell."""
    import shlex

    from ..errors import SeedkeeperError
    from ..settings import load_settings

    if directory is None and config is None:
        return ""  # found as the bare command finds it
    try:
        if os.path.realpath(load_settings(None, start=Path.cwd()).seeds_path(None)) == os.path.realpath(seeds):
            return ""
    except (SeedkeeperError, OSError):
        pass  # no config the bare command could read here: name the folder
    if directory is not None:
        typed = str(directory)
    else:
        # Named by --config only: from here when it is below here, else as a full path.
        real = Path(os.path.realpath(seeds))
        here = Path(os.path.realpath(Path.cwd()))
        typed = real.relative_to(here).as_posix() if real.is_relative_to(here) else str(real)
    return shlex.quote(shown(typed))


def suggesting(text: str) -> str:
    """`text` with the commands it suggests naming this run's seeds folder, when the bare
    command would not find it (`seedkeeper dedup data/seeds --apply`), and repeating the
    `--config FILE` this run was given (`... --apply --config ci.toml`): see suggested.py."""
    from ..suggested import name_folder
    from .group import FOLDER, SUGGESTED_CONFIG

    return name_folder(text, FOLDER.get(), SUGGESTED_CONFIG.get())


def suggesting_in(problems: list) -> list:
    """`problems` with their messages passed through `suggesting` (the findings the core made
    and cached name no folder)."""
    import dataclasses

    return [dataclasses.replace(p, message=suggesting(p.message)) for p in problems]


def config_given(own: Optional[Path]) -> Optional[Path]:
    """The `--config` file of this run: the command's own option (`own`), else the one given
    before the command's name (`seedkeeper --config ci.toml check`, which SeedkeeperCommand puts
    in CONFIG), as users expect of a global flag; None when neither was given."""
    from .group import CONFIG

    return own if own is not None else CONFIG.get()


def _seeds_here(include: tuple[str, ...]) -> str | None:
    """What makes the current folder look like a seeds folder ("an INDEX.md", "documents"), or
    None. Only its own entries are listed (never a walk: this runs on an error path)."""
    from ..corpus.paths import matches_include

    if (Path.cwd() / "INDEX.md").is_file():
        return "an INDEX.md"
    try:
        with os.scandir(Path.cwd()) as entries:
            for e in entries:
                if not e.name.startswith(".") and matches_include(e.name, include) and e.is_file():
                    return "documents"
    except OSError:
        pass
    return None


def _retry(here_hint: str) -> str:
    """The command line to type instead: this command on `.` (the default hint), else the
    command's own way to name the folder (`--seeds .` for add and restore, which take files)."""
    from .group import RUNNING

    name = RUNNING.get()
    if here_hint == "`.`" and name:
        # Add `.` to what was typed: a whole command line here would drop its other options.
        return f"add `.` to the command: `seedkeeper {name} .`"
    return f"to use it, pass {here_hint}"


def _as_spelled(path: Optional[Path]) -> Optional[Path]:
    """`path`, or the one entry beside it spelling its name otherwise when it is not there (else
    `path`: what is missing is then reported as before)."""
    from ..corpus.paths import spelled_otherwise

    if path is None:
        return None
    found, _ = spelled_otherwise(path)
    return path if found is None else Path(found)


def cache_spec(settings: Settings, seeds: Path, no_cache: bool, cache_dir: Optional[Path]):
    """The cache to use: None with --no-cache; else --cache-dir, $SEEDKEEPER_CACHE_DIR, config,
    or .seedkeeper_cache beside the config (never inside the seeds folder)."""
    from ..corpus.cache import default_cache_dir
    from ..corpus.pool import CacheSpec

    if no_cache:
        return None
    folder = cache_dir
    if folder is None:
        folder = default_cache_dir(seeds, settings.config_file, settings.cache_dir, settings.base_dir)
    real, seeds_real = Path(folder).resolve(), seeds.resolve()
    if real == seeds_real or seeds_real in real.parents:
        raise UsageError(
            f"the cache folder {folder} is inside the seeds folder; read-only commands write nothing there "
            "(choose one outside it, or leave --cache-dir out for .seedkeeper_cache beside the config)"
        )
    return CacheSpec(Path(folder))


def exit_code_of(exc: BaseException, debug: bool) -> int:
    """Report an exception on stderr as one line and return its exit code."""
    if isinstance(exc, UsageError):
        typer.echo(shown(f"seedkeeper: error: {suggesting(str(exc))}"), err=True)
        return EXIT_USAGE
    if isinstance(exc, KeyboardInterrupt):
        typer.echo("seedkeeper: interrupted", err=True)
        return EXIT_INTERRUPTED
    if isinstance(exc, BrokenPipeError):
        # The reader went away (`seedkeeper check | head`): stop quietly, as other Unix tools do,
        # and point stdout at /dev/null so the interpreter's final flush cannot fail again.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, io.UnsupportedOperation):
            pass
        return EXIT_BROKEN_PIPE
    if isinstance(exc, OSError) and exc.errno in _DISK_ERRNOS:
        # A full disk or quota is the machine's state, not a bug: say so plainly. Writes are atomic
        # and dedup journals its moves, so nothing is half-done; re-run once there is room.
        where = f": {exc.filename}" if exc.filename else ""
        msg = f"{os.strerror(exc.errno).lower()}{where}; nothing was half-written: free some space and run it again"
        typer.echo(shown(f"seedkeeper: error: {msg}"), err=True)
        return EXIT_USAGE
    if isinstance(exc, OSError) and exc.errno in _ACCESS_ERRNOS:
        typer.echo(shown(f"seedkeeper: error: {access_message(exc)}"), err=True)
        return EXIT_USAGE
    if debug:
        traceback.print_exc()
    if isinstance(exc, SeedkeeperError):
        # Raised on purpose about the data (an unsafe path, a missing quarantined copy): exit 1.
        typer.echo(shown(f"seedkeeper: error: {suggesting(str(exc))}"), err=True)
        return EXIT_FINDINGS
    kind = f"internal error ({type(exc).__name__})"
    typer.echo(shown(f"seedkeeper: {kind}: {exc}") + ("" if debug else " (run with --debug for details)"), err=True)
    return EXIT_INTERNAL


def access_message(exc: OSError) -> str:
    """The one line for a permission or read-only-mount error: what, where, and what to do.
    Every write is atomic and the commands undo their moves on failure, so nothing is half-done."""
    where = ""
    if exc.filename:
        where = f": {exc.filename}" + (f" -> {exc.filename2}" if exc.filename2 else "")
    if exc.errno == errno.EROFS:
        todo = "remount it read-write (or work on a copy) and run it again"
    else:
        todo = "make the folder writable for this user (or run as its owner) and run it again"
    return f"{os.strerror(exc.errno).lower()}{where}; nothing was half-written: {todo}"


def debug_wanted(own: bool) -> bool:
    """Whether `--debug` was given: after the command's name (`own`, its own option) or before
    it (`seedkeeper --debug check`, the main callback's option, which SeedkeeperCommand puts in
    DEBUG), as users expect of a global flag."""
    from .group import DEBUG

    return own or DEBUG.get()


def command(func: Callable[..., int]) -> Callable[..., None]:
    """The error boundary: run a command function that returns an exit code, and exit with it.

    UsageError -> 2, KeyboardInterrupt -> 130, anything else -> 3 as one clear line (a
    traceback only with --debug, before or after the command's name: debug_wanted)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs) -> None:
        try:
            code = func(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except BaseException as exc:  # noqa: BLE001 - the last line of defence is one clear line
            code = exit_code_of(exc, debug_wanted(bool(kwargs.get("debug"))))
        raise typer.Exit(code)

    return wrapper
