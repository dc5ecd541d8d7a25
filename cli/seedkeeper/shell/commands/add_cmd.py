"""`seedkeeper add FILE... [--seeds DIR]`: ingest new documents."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Annotated

import typer

from seedkeeper.problems import Problem

from ..options import CacheDirOpt, ConfigOpt, DebugOpt, Format, FormatOpt, NoCacheOpt, SeedsOpt
from ..runner import EXIT_FINDINGS, EXIT_OK, command, open_run, suggesting

FilesArg = Annotated[list[Path], typer.Argument(help="Text files to add.", metavar="FILE", show_default=False)]
EncodingOpt = Annotated[
    str,
    typer.Option(
        "--encoding",
        help="Input encoding: utf-8 (default; refuse others), auto (detect), or a codec name.",
        metavar="NAME",
    ),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Add duplicates of existing documents anyway.")]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="Show what would happen; write nothing.")]


@command
def add_command(
    files: FilesArg,
    seeds_dir: SeedsOpt = None,
    encoding: EncodingOpt = "utf-8",
    force: ForceOpt = False,
    dry_run: DryRunOpt = False,
    fmt: FormatOpt = Format.text,
    config: ConfigOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Add documents: decode, write as UTF-8 NFC with LF under the next NNN_<hash>.txt name, refuse duplicates,
    tag, and list them in INDEX.md. Exit 1 if any file was refused."""
    from ...errors import FolderNotFoundError
    from ...operations.adding import add, check_inputs
    from .. import render

    try:
        run = open_run(
            seeds_dir,
            config,
            must_exist=True,
            cache=True,
            no_cache=no_cache,
            cache_dir=cache_dir,
            here_hint="`--seeds .` (files already in it are listed, not added: `seedkeeper index .`)",
        )
    except FolderNotFoundError:
        # `add seeds new.txt` where no folder is found must say "--seeds", not "no folder".
        check_inputs(files)
        raise
    # After open_run: the commands its errors suggest name the folder it found (the config's).
    check_inputs(files)
    report = add(
        [str(f) for f in files],
        run.seeds,
        run.settings,
        encoding=encoding,
        force=force,
        dry_run=dry_run,
        cache=run.cache,
    )
    # `seedkeeper dedup data/seeds --apply`, where the bare command would not find the folder.
    report.refused = [dataclasses.replace(r, message=suggesting(r.message)) for r in report.refused]
    for a in report.added:
        a.warnings = [dataclasses.replace(w, message=suggesting(w.message)) for w in a.warnings]
    if fmt == Format.json:
        render.emit_json(report.to_dict())
        return EXIT_FINDINGS if report.refused else EXIT_OK
    shown = render.shown
    verb = "would add" if dry_run else "added"
    # github and concise keep stdout to one finding per line (refusals, and the warnings of what
    # was added); the account of what was done goes to stderr there.
    findings_only = fmt in (Format.github, Format.concise)
    for a in report.added:
        line = f"{verb} {render.quoted(a.source)} as {a.file} ({a.lang}, {a.confidence:.2f}; decoded as {a.encoding})"
        typer.echo(line, err=findings_only)
        if not findings_only:
            for w in a.warnings:
                typer.echo(f"  {w.severity} {shown(str(w))}")
    if findings_only:
        # One escaping renderer for both: a crafted file name cannot forge annotations. GitHub
        # wants paths from the repository root (made from absolute ones); concise names each input
        # as it was typed, as tag does for files and as the text output does.
        github = fmt == Format.github
        found = [_as_problem(r, github) for r in report.refused]
        found += [_warning(a, w, github) for a in report.added for w in a.warnings]
        if github:
            render.emit_lines(render.github_lines(found, run.seeds))
        else:
            render.emit_lines(render.concise_lines(found, None))  # None: paths as given
    else:
        for r in report.refused:
            typer.echo(f"refused {render.quoted(r.source)}: {r.code}: {shown(r.message)}", err=True)
    if report.index_diff:
        typer.echo(report.index_diff, nl=False, err=findings_only)  # hand-written entries were adopted: show how
    if report.index_written:
        typer.echo("INDEX.md updated", err=findings_only)
    return EXIT_FINDINGS if report.refused else EXIT_OK


def _as_problem(r, absolute: bool) -> Problem:
    """A refusal as an error finding on the input file: absolute (GitHub annotations, whose path
    is then made relative to the repository root), or as the person typed it."""
    return Problem(file=_source(r.source, absolute), code=r.code, severity="error", message=r.message)


def _warning(a, warning, absolute: bool) -> Problem:
    """A finding about an added document (too-short, at its configured severity), on the input
    file as refusals are."""
    return Problem(
        file=_source(a.source, absolute), code=warning.code, severity=warning.severity, message=warning.message
    )


def _source(source: str, absolute: bool) -> str:
    return os.path.abspath(source) if absolute else source
