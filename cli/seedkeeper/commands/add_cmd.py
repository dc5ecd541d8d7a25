"""`seedkeeper add FILE... [--seeds DIR]`: ingest new documents."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .. import render
from ..adding import add
from ..app import (EXIT_FINDINGS, EXIT_OK, CacheDirOpt, ConfigOpt, DebugOpt, Format, FormatOpt, NoCacheOpt, app,
                   cache_for, run, settings_for)


@app.command("add")
def add_command(
    files: list[Path] = typer.Argument(..., help="Text files to add."),
    seeds_dir: Optional[Path] = typer.Option(None, "--seeds", help="The seeds folder (default: from config, else ./seeds)."),
    encoding: str = typer.Option("utf-8", "--encoding", help="Input encoding: utf-8 (default; refuse others), auto (detect), or a codec name."),
    force: bool = typer.Option(False, "--force", help="Add duplicates of existing documents anyway."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would happen; write nothing."),
    fmt: Format = FormatOpt,
    config: Optional[Path] = ConfigOpt,
    no_cache: bool = NoCacheOpt,
    cache_dir: Optional[Path] = CacheDirOpt,
    debug: bool = DebugOpt,
) -> None:
    """Add documents: decode, write as UTF-8 NFC with LF under the next NNN_<hash>.txt name, refuse duplicates, tag, and list them in INDEX.md. Exit 1 if any file was refused."""

    def body() -> int:
        settings, seeds = settings_for(seeds_dir, config, must_exist=True)
        report = add([str(f) for f in files], seeds, settings, encoding=encoding, force=force, dry_run=dry_run,
                     cache=cache_for(settings, seeds, no_cache, cache_dir))
        if fmt == Format.json:
            render.emit_json(report.to_dict())
        else:
            verb = "would add" if dry_run else "added"
            for a in report.added:
                typer.echo(f"{verb} {a.source} as {a.file} ({a.lang}, {a.confidence:.2f}; decoded as {a.encoding})")
                for w in a.warnings:
                    typer.echo(f"  warning {w}")
            for r in report.refused:
                line = f"refused {r.source}: {r.code}: {r.message}"
                typer.echo(f"::error file={r.source},title={r.code}::{r.message}" if fmt == Format.github else line, err=fmt != Format.github)
            if report.index_written:
                typer.echo("INDEX.md updated")
        return EXIT_FINDINGS if report.refused else EXIT_OK

    run(body, debug)
