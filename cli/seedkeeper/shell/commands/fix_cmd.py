"""`seedkeeper fix [DIR]`: repair the mechanical findings in place (like `ruff --fix`)."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Optional

import typer

from ..options import (
    CacheDirOpt,
    ConfigOpt,
    DebugOpt,
    DirArg,
    Format,
    FormatOpt,
    IgnoreOpt,
    JobsOpt,
    NoCacheOpt,
    SelectOpt,
)
from ..runner import EXIT_FINDINGS, EXIT_OK, command, open_run, suggesting, suggesting_in

FixEncodingOpt = Annotated[
    Optional[str],
    typer.Option(
        "--encoding",
        help="Convert non-UTF-8 documents: auto (only when one encoding reads clearly best) or a codec name.",
        show_default=False,
        metavar="NAME",
    ),
]
FixDryRunOpt = Annotated[bool, typer.Option("--dry-run", help="Say what would be repaired; write nothing.")]
FixDiffOpt = Annotated[bool, typer.Option("--diff", help="Print a diff of the repairs; write nothing.")]


@command
def fix_command(
    directory: DirArg = None,
    encoding: FixEncodingOpt = None,
    dry_run: FixDryRunOpt = False,
    diff: FixDiffOpt = False,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    fmt: FormatOpt = Format.text,
    config: ConfigOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Repair bom, crlf, not-nfc, control-char, mojibake (only when named: --select mojibake) and
    (with --encoding) not-utf8 in place, atomically, and refresh INDEX.md's table. Exit 0 when
    nothing fixable is left, 1 otherwise."""
    from ...operations.fixing import fix
    from .. import render
    from ..progress import progress_bar

    run = open_run(
        directory, config, cache=True, no_cache=no_cache, cache_dir=cache_dir, select=select, ignore=ignore, jobs=jobs
    )
    with progress_bar(fmt != Format.text, "fixing") as progress:
        report = fix(
            run.seeds, run.settings, encoding=encoding, dry_run=dry_run, diff=diff, cache=run.cache, progress=progress
        )
    for items in (report.refused, report.remaining):
        items[:] = [dataclasses.replace(r, message=suggesting(r.message)) for r in items]
    if fmt == Format.json:
        data = report.to_dict()
        if diff:
            data["diff"] = report.diff
        render.emit_json(data)
    elif diff:
        typer.echo(report.diff, nl=False)
        _unfixed(report)  # on stderr: stdout stays a patch
    elif fmt == Format.github:
        from ...operations.fixing import unfixed_findings

        render.emit_lines(render.github_lines(suggesting_in(unfixed_findings(report, run.settings)), run.seeds))
    else:
        _text(report)
    return EXIT_OK if report.ok else EXIT_FINDINGS


def _text(report) -> None:
    from ..render import shown

    verb = "would fix" if report.dry_run else "fixed"
    for f in report.fixed:
        how = f" (read as {f.encoding})" if f.encoding else ""
        typer.echo(shown(f"{verb} {f.file}: {', '.join(f.codes)}{how}"))
    _unfixed(report)
    if report.index_changed:
        line = "would update INDEX.md" if report.dry_run else "INDEX.md updated"
        if report.adopted:
            how = "adopting" if report.dry_run else "adopted"
            line += f" ({how} {', '.join(report.adopted)} into a managed table)"
        typer.echo(shown(line))
    if not (report.fixed or report.refused or report.remaining):
        typer.echo("nothing to fix")


def _unfixed(report) -> None:
    """What fix refused and the fixable findings it left, one line each on stderr (so the exit 1
    of a run that shows only a diff, or nothing, says why)."""
    from ..render import shown

    for kind, items in (("refused", report.refused), ("remaining", report.remaining)):
        for r in items:
            typer.echo(shown(f"{kind} {r.file}: {r.code}: {r.message}"), err=True)
