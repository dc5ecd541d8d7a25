"""`seedkeeper validate [DIR]`: index and content checks; writes nothing."""

from __future__ import annotations

from ..options import ConfigOpt, DebugOpt, DirArg, Format, FormatOpt, IgnoreOpt, JobsOpt, SelectOpt, StrictOpt
from ..report import render_report
from ..runner import command, open_run, suggesting_in


@command
def validate_command(
    directory: DirArg = None,
    fmt: FormatOpt = Format.text,
    config: ConfigOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    strict: StrictOpt = False,
    jobs: JobsOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Check INDEX.md against the folder and every listed document's content. Writes nothing."""
    from ...operations.validation import validate
    from ..progress import progress_bar

    run = open_run(directory, config, select=select, ignore=ignore, jobs=jobs)
    with progress_bar(False, "validating") as progress:
        report = validate(run.seeds, run.settings, progress=progress)
    report.problems = suggesting_in(report.problems)
    return render_report(report, fmt, strict, run.seeds)
