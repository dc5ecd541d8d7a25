"""The `seedkeeper` command line: parse flags, load settings, call one core function, render.

Exit codes: 0 no errors, 1 errors found (or --check would change something), 2 usage error or
missing folder, 3 internal error (one line; the traceback only with --debug), 130 interrupted.
"""

from __future__ import annotations

import sys
import traceback
from enum import Enum
from pathlib import Path
from typing import Callable, Optional

import typer

from . import __version__
from .errors import FolderNotFoundError, SeedkeeperError, UsageError
from .settings import Settings, load_settings

app = typer.Typer(
    name="seedkeeper",
    help="Keep a corpus of multilingual seed documents healthy: validate, deduplicate, tag, index.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


class Format(str, Enum):
    """Output formats every command takes."""

    text = "text"
    json = "json"
    github = "github"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"


# Options shared by the commands (typer needs them spelled out per command; these keep the help
# texts in one place).
DirArg = typer.Argument(None, help="The seeds folder (default: from config, else ./seeds).", show_default=False)
FormatOpt = typer.Option(Format.text, "--format", "-f", help="Output: text (people), json (scripts), github (Actions).")
ConfigOpt = typer.Option(None, "--config", help="Settings file (default: nearest seedkeeper.toml or pyproject.toml).")
SelectOpt = typer.Option(None, "--select", help="Only these codes (comma-separated; prefixes like 'lang-'; ALL).")
IgnoreOpt = typer.Option(None, "--ignore", help="Skip these codes (comma-separated).")
StrictOpt = typer.Option(False, "--strict", help="Warnings fail the run too.")
JobsOpt = typer.Option(None, "--jobs", "-j", help="Worker processes (default: all cores; 1 = no pool).")
DebugOpt = typer.Option(False, "--debug", help="Show tracebacks for internal errors.")
NoCacheOpt = typer.Option(False, "--no-cache", help="Neither read nor write the cache.")
CacheDirOpt = typer.Option(None, "--cache-dir", help="Cache folder (default: .seedkeeper_cache beside the config, or $SEEDKEEPER_CACHE_DIR).")


def _split(values: Optional[list[str]]) -> Optional[list[str]]:
    if not values:
        return None
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def settings_for(directory: Optional[Path], config: Optional[Path], must_exist: bool = False,
                 **overrides) -> tuple[Settings, Path]:
    """Load settings (nearest config from the folder, or cwd), apply flags, pick the folder
    (with must_exist, a missing folder is the usage error it is for every command)."""
    start = directory if directory is not None and directory.is_dir() else Path.cwd()
    settings = load_settings(config, start=start)
    overrides = {k: v for k, v in overrides.items() if v is not None}
    for key in ("select", "ignore"):
        if key in overrides:
            overrides[key] = tuple(_split(overrides[key]) or ())
    settings = settings.with_overrides(**overrides)
    seeds = settings.seeds_path(directory)
    if must_exist and not seeds.is_dir():
        raise FolderNotFoundError(f"seeds folder not found: {seeds}")
    return settings, seeds


def cache_for(settings: Settings, seeds: Path, no_cache: bool, cache_dir: Optional[Path]):
    """The cache to use: None with --no-cache; else --cache-dir, $SEEDKEEPER_CACHE_DIR, config,
    or .seedkeeper_cache beside the config (never inside the seeds folder)."""
    from .cache import default_cache_dir
    from .pipeline import CacheSpec

    if no_cache:
        return None
    folder = cache_dir if cache_dir is not None else default_cache_dir(seeds, settings.config_file, settings.cache_dir, settings.base_dir)
    real, seeds_real = Path(folder).resolve(), seeds.resolve()
    if real == seeds_real or seeds_real in real.parents:
        raise UsageError(f"the cache folder {folder} is inside the seeds folder; read-only commands write nothing there")
    return CacheSpec(Path(folder))


def run(body: Callable[[], int], debug: bool) -> None:
    """Run a command body, mapping outcomes to exit codes (see module docstring)."""
    try:
        code = body()
    except UsageError as exc:
        typer.echo(f"seedkeeper: error: {exc}", err=True)
        code = EXIT_USAGE
    except KeyboardInterrupt:
        typer.echo("seedkeeper: interrupted", err=True)
        code = EXIT_INTERRUPTED
    except (typer.Exit, typer.Abort, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - the last line of defence is one clear line
        if debug:
            traceback.print_exc()
        kind = "error" if isinstance(exc, SeedkeeperError) else f"internal error ({type(exc).__name__})"
        typer.echo(f"seedkeeper: {kind}: {exc}" + ("" if debug else " (run with --debug for details)"), err=True)
        code = EXIT_INTERNAL
    raise typer.Exit(code)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"seedkeeper {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True, help="Show the version."),
) -> None:
    """seedkeeper: validate, deduplicate, language-tag and index a seeds folder."""


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interrupted outside a command body
        sys.stderr.write("seedkeeper: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)


# Commands register themselves on `app` when their modules are imported.
from . import commands  # noqa: E402,F401
