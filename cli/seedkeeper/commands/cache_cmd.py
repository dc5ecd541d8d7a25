"""`seedkeeper cache clear|dir`: manage the incremental cache."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..app import EXIT_OK, CacheDirOpt, ConfigOpt, DebugOpt, DirArg, app, cache_for, run, settings_for
from ..cache import clear_cache

cache_app = typer.Typer(help="Manage the incremental cache (.seedkeeper_cache/).", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("clear")
def clear_command(directory: Optional[Path] = DirArg, config: Optional[Path] = ConfigOpt,
                  cache_dir: Optional[Path] = CacheDirOpt, debug: bool = DebugOpt) -> None:
    """Delete the cache file; the next run rebuilds it."""

    def body() -> int:
        settings, seeds = settings_for(directory, config)
        spec = cache_for(settings, seeds, False, cache_dir)
        removed = clear_cache(spec.folder)
        typer.echo(f"{'cleared' if removed else 'no cache at'} {spec.folder}")
        return EXIT_OK

    run(body, debug)


@cache_app.command("dir")
def dir_command(directory: Optional[Path] = DirArg, config: Optional[Path] = ConfigOpt,
                cache_dir: Optional[Path] = CacheDirOpt, debug: bool = DebugOpt) -> None:
    """Print the cache folder that commands on this seeds folder use."""

    def body() -> int:
        settings, seeds = settings_for(directory, config)
        typer.echo(str(cache_for(settings, seeds, False, cache_dir).folder))
        return EXIT_OK

    run(body, debug)
