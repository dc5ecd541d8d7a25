"""`seedkeeper validate [DIR]`: index and content checks; writes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .. import render
from ..app import (EXIT_FINDINGS, EXIT_OK, ConfigOpt, DebugOpt, DirArg, Format, FormatOpt, IgnoreOpt, JobsOpt,
                   SelectOpt, StrictOpt, app, run, settings_for)
from ..validate import Report, validate
from .progress import progress_bar


def render_report(report: Report, fmt: Format, strict: bool, seeds: Path) -> int:
    """Print a findings report in the chosen format and return the exit code."""
    ok = report.ok(strict)
    if fmt == Format.json:
        render.emit_json(report.to_dict(strict))
    elif fmt == Format.github:
        for line in render.github_lines(report.problems, seeds):
            typer.echo(line)
        typer.echo(_summary(report, ok))
    else:
        render.print_problems_text(render.stdout_console(), report.problems, _summary(report, ok), ok)
    return EXIT_OK if ok else EXIT_FINDINGS


def _summary(report: Report, ok: bool) -> str:
    c = report.counts()
    verdict = "ok" if ok else "failed"
    return f"{verdict}: {c['documents']} documents checked, {c['errors']} errors, {c['warnings']} warnings"


@app.command("validate")
def validate_command(
    directory: Optional[Path] = DirArg,
    fmt: Format = FormatOpt,
    config: Optional[Path] = ConfigOpt,
    select: Optional[list[str]] = SelectOpt,
    ignore: Optional[list[str]] = IgnoreOpt,
    strict: bool = StrictOpt,
    jobs: Optional[int] = JobsOpt,
    debug: bool = DebugOpt,
) -> None:
    """Check INDEX.md against the folder and every listed document's content. Writes nothing."""

    def body() -> int:
        settings, seeds = settings_for(directory, config, select=select, ignore=ignore, jobs=jobs)
        with progress_bar(fmt != Format.text, "validating") as progress:
            report = validate(seeds, settings, progress=progress)
        return render_report(report, fmt, strict, seeds)

    run(body, debug)
