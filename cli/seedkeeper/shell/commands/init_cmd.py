"""`seedkeeper init [DIR]`: scaffold a seeds folder and the project files around it."""

from __future__ import annotations

import typer

from ..options import DebugOpt, DirArg, Format, FormatOpt
from ..runner import EXIT_OK, command


@command
def init_command(directory: DirArg = None, fmt: FormatOpt = Format.text, debug: DebugOpt = False) -> int:
    """Create the seeds folder with INDEX.md, seedkeeper.toml, a GitHub Actions workflow and a
    pre-commit config in the current folder. Never overwrites: files that exist are kept."""
    import shlex

    from ...corpus.paths import shown
    from ...operations.onboarding import init
    from .. import render

    done = init(directory)
    if fmt == Format.json:
        render.emit_json(done.to_dict())
        return EXIT_OK
    for rel in done.created:
        typer.echo(shown(f"created {rel}"))
    for rel in done.kept:
        typer.echo(shown(f"kept    {rel} (exists; not overwritten)"))
    seeds = shlex.quote(shown(str(done.seeds)))  # a command to copy: quoted, and safe to print
    typer.echo("next:")
    if done.hand_written_index:
        typer.echo(f"  seedkeeper index {seeds} --diff   # preview: your lists become tables, one per section")
        typer.echo(f"  seedkeeper index {seeds}          # adopt it")
    elif done.documents:
        typer.echo(f"  seedkeeper index {seeds}          # list the {done.documents} documents already there")
    typer.echo(f"  seedkeeper rename {seeds} --dry-run   # documents named other than NNN_<hash>.txt")
    typer.echo(f"  seedkeeper check {seeds}            # what CI will run")
    typer.echo("  add .seedkeeper_cache/ to .gitignore")
    return EXIT_OK
