"""`seedkeeper index [DIR] [--check] [--diff]`: (re)write the managed table in INDEX.md."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .. import render
from ..app import (EXIT_FINDINGS, EXIT_OK, CacheDirOpt, ConfigOpt, DebugOpt, DirArg, Format, FormatOpt, JobsOpt,
                   NoCacheOpt, app, cache_for, run, settings_for)
from ..indexing import index
from ..problems import make
from .progress import progress_bar


@app.command("index")
def index_command(
    directory: Optional[Path] = DirArg,
    check_only: bool = typer.Option(False, "--check", help="Exit 1 if INDEX.md would change; write nothing."),
    diff: bool = typer.Option(False, "--diff", help="Print the unified diff of INDEX.md; write nothing."),
    fmt: Format = FormatOpt,
    config: Optional[Path] = ConfigOpt,
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
    cache_dir: Optional[Path] = CacheDirOpt,
    debug: bool = DebugOpt,
) -> None:
    """Write the managed document table in INDEX.md, keeping everything a person wrote."""

    def body() -> int:
        settings, seeds = settings_for(directory, config, jobs=jobs)
        write = not (check_only or diff)
        with progress_bar(fmt != Format.text, "indexing") as progress:
            outcome = index(seeds, settings, write=write, cache=cache_for(settings, seeds, no_cache, cache_dir), progress=progress)
        if fmt == Format.json:
            render.emit_json({"changed": outcome.changed, "written": outcome.written, "diff": outcome.diff if (diff or check_only) else ""})
        elif diff:
            typer.echo(outcome.diff, nl=False)
        elif fmt == Format.github and check_only and outcome.changed:
            problem = make("index-outdated", "INDEX.md", "INDEX.md is not what `seedkeeper index` would write; run `seedkeeper index`")
            for line in render.github_lines([problem], seeds):
                typer.echo(line)
        else:
            if check_only:
                msg = "INDEX.md would change" if outcome.changed else "INDEX.md is up to date"
            else:
                msg = "INDEX.md written" if outcome.written else "INDEX.md unchanged"
            typer.echo(msg, err=check_only and outcome.changed)
        return EXIT_FINDINGS if check_only and outcome.changed else EXIT_OK

    run(body, debug)
