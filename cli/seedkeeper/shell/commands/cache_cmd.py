"""`seedkeeper cache clear|dir`: manage the incremental cache."""

from __future__ import annotations

import typer

from ..group import SeedkeeperCommand
from ..options import CacheDirOpt, ConfigOpt, DebugOpt, DirArg, Format, FormatOpt
from ..runner import EXIT_OK, command, open_run

cache_app = typer.Typer(help="Manage the incremental cache (.seedkeeper_cache/).", no_args_is_help=True)


@cache_app.command("clear", cls=SeedkeeperCommand)
@command
def clear_command(
    directory: DirArg = None,
    config: ConfigOpt = None,
    cache_dir: CacheDirOpt = None,
    fmt: FormatOpt = Format.text,
    debug: DebugOpt = False,
) -> int:
    """Delete the cache files, and the .seedkeeper_cache folder once empty (a folder named by
    --cache-dir, $SEEDKEEPER_CACHE_DIR or cache-dir is emptied, not removed); the next run
    rebuilds it."""
    import os

    from ...corpus.cache import clear_cache

    # Standing in a seeds folder with no folder named, the default `./seeds` is missing: say to
    # type `.`, as every command does (the cache of `.` is beside it, never in it).
    run = open_run(directory, config, cache=True, cache_dir=cache_dir)
    # Only the default folder is seedkeeper's to remove; one the user named is emptied.
    default = cache_dir is None and not os.environ.get("SEEDKEEPER_CACHE_DIR") and not run.settings.cache_dir
    removed = clear_cache(run.cache.folder, remove_folder=default)
    if fmt == Format.json:
        from .. import render

        render.emit_json({"cache_dir": str(run.cache.folder), "cleared": removed})
        return EXIT_OK
    from ...corpus.paths import shown

    typer.echo(shown(f"{'cleared' if removed else 'no cache at'} {run.cache.folder}"))
    return EXIT_OK


@cache_app.command("dir", cls=SeedkeeperCommand)
@command
def dir_command(
    directory: DirArg = None,
    config: ConfigOpt = None,
    cache_dir: CacheDirOpt = None,
    fmt: FormatOpt = Format.text,
    debug: DebugOpt = False,
) -> int:
    """Print the cache folder that commands on this seeds folder use."""
    run = open_run(directory, config, cache=True, cache_dir=cache_dir)
    if fmt == Format.json:
        from .. import render

        render.emit_json({"cache_dir": str(run.cache.folder)})
        return EXIT_OK
    typer.echo(str(run.cache.folder))  # exact, not escaped: scripts use it as a path
    return EXIT_OK
