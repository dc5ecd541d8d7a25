"""`seedkeeper check [DIR]`: the CI gate (validate + dedup + tag + index --check), read-only."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

from .. import formats, render
from ..app import (EXIT_FINDINGS, EXIT_OK, CacheDirOpt, CheckFormat, ConfigOpt, DebugOpt, DirArg, Format, IgnoreOpt,
                   JobsOpt, NoCacheOpt, SelectOpt, StrictOpt, app, cache_for, run, settings_for)
from ..check import check
from .progress import progress_bar
from .validate_cmd import render_report


@app.command("check")
def check_command(
    directory: Optional[Path] = DirArg,
    fmt: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="text, json, github, sarif or junit."),
    config: Optional[Path] = ConfigOpt,
    select: Optional[list[str]] = SelectOpt,
    ignore: Optional[list[str]] = IgnoreOpt,
    strict: bool = StrictOpt,
    threshold: Optional[float] = typer.Option(None, "--threshold", help="Near-duplicate similarity threshold (default 0.8)."),
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
    cache_dir: Optional[Path] = CacheDirOpt,
    debug: bool = DebugOpt,
) -> None:
    """Run every check, as CI does. Writes nothing in the seeds folder."""

    def body() -> int:
        settings, seeds = settings_for(directory, config, select=select, ignore=ignore, jobs=jobs, threshold=threshold)
        with progress_bar(fmt != CheckFormat.text, "checking") as progress:
            report = check(seeds, settings, cache=cache_for(settings, seeds, no_cache, cache_dir), progress=progress)
        ok = report.ok(strict)
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if fmt == CheckFormat.github and summary_file:
            with open(summary_file, "a", encoding="utf-8") as fh:
                fh.write(formats.markdown_summary(report.problems, report.documents, ok))
        if fmt in (CheckFormat.sarif, CheckFormat.junit):
            prefix = os.path.relpath(seeds.resolve(), render.repo_root(seeds)).replace(os.sep, "/")
            if fmt == CheckFormat.sarif:
                typer.echo(formats.sarif(report.problems, prefix), nl=False)
            else:
                typer.echo(formats.junit(report.problems, [a.rel for a in report.analyses], strict), nl=False)
            return EXIT_OK if ok else EXIT_FINDINGS
        return render_report(report, Format(fmt.value), strict, seeds)

    run(body, debug)
