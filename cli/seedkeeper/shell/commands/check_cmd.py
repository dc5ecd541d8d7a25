"""`seedkeeper check [DIR]`: the CI gate (validate + dedup + tag + index --check), read-only."""

from __future__ import annotations

import os

import typer

from ..options import (
    CacheDirOpt,
    CheckFormat,
    CheckFormatOpt,
    ConfigOpt,
    ContainmentOpt,
    DebugOpt,
    DirArg,
    Format,
    IgnoreOpt,
    JobsOpt,
    NoCacheOpt,
    SelectOpt,
    StrictOpt,
    ThresholdOpt,
)
from ..report import render_report
from ..runner import EXIT_FINDINGS, EXIT_OK, command, open_run, suggesting_in


@command
def check_command(
    directory: DirArg = None,
    fmt: CheckFormatOpt = CheckFormat.text,
    config: ConfigOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    strict: StrictOpt = False,
    threshold: ThresholdOpt = None,
    containment: ContainmentOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Run every check, as CI does. Writes nothing in the seeds folder."""
    from ...operations.validation import check
    from .. import formats, render
    from ..progress import progress_bar

    run = open_run(
        directory,
        config,
        cache=True,
        no_cache=no_cache,
        cache_dir=cache_dir,
        select=select,
        ignore=ignore,
        jobs=jobs,
        threshold=threshold,
        containment=containment,
    )
    with progress_bar(False, "checking") as progress:
        report = check(run.seeds, run.settings, cache=run.cache, progress=progress)
    report.problems = suggesting_in(report.problems)  # `seedkeeper index data/seeds`, where it takes the folder
    ok = report.ok(strict)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt == CheckFormat.github and summary_file:
        with open(summary_file, "a", encoding="utf-8") as fh:
            fh.write(formats.markdown_summary(report.problems, report.documents, ok))
    if fmt in (CheckFormat.sarif, CheckFormat.junit):
        prefix = os.path.relpath(run.seeds.resolve(), render.repo_root(run.seeds)).replace(os.sep, "/")
        if fmt == CheckFormat.sarif:
            typer.echo(formats.sarif(report.problems, prefix), nl=False)
        else:
            typer.echo(formats.junit(report.problems, [a.rel for a in report.analyses], strict), nl=False)
        return EXIT_OK if ok else EXIT_FINDINGS
    return render_report(report, Format(fmt.value), strict, run.seeds)
