"""Rendering a findings report (validate, check) in the text, json and github formats."""

from __future__ import annotations

from pathlib import Path

import typer

from .options import Format
from .runner import EXIT_FINDINGS, EXIT_OK


def render_report(report, fmt: Format, strict: bool, seeds: Path) -> int:
    """Print a findings report in the chosen format and return the exit code."""
    from . import render

    ok = report.ok(strict)
    if fmt == Format.json:
        render.emit_json(report.to_dict(strict))
    elif fmt == Format.github:
        render.emit_lines(render.github_lines(report.problems, seeds))
        typer.echo(summary_line(report, ok))
    elif fmt == Format.concise:
        for line in render.concise_lines(report.problems, seeds):
            typer.echo(line)
        typer.echo(summary_line(report, ok), err=True)  # stdout stays one line per finding
    else:
        render.print_problems_text(render.stdout_console(), report.problems, summary_line(report, ok), ok)
    return EXIT_OK if ok else EXIT_FINDINGS


def summary_line(report, ok: bool) -> str:
    """`ok: 12 documents checked, 0 errors, 2 warnings`."""
    c = report.counts()
    verdict = "ok" if ok else "failed"
    checked = plural(c["documents"], "document") + " checked"
    return f"{verdict}: {checked}, {plural(c['errors'], 'error')}, {plural(c['warnings'], 'warning')}"


def plural(n: int, noun: str) -> str:
    """`1 error`, `2 errors`, `0 warnings`."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
