"""`seedkeeper rename [DIR] [--dry-run]`: give documents the configured name pattern."""

from __future__ import annotations

from typing import Annotated

import typer

from ..options import ConfigOpt, DebugOpt, DirArg, Format, FormatOpt
from ..runner import EXIT_FINDINGS, EXIT_OK, command, open_run, suggesting

DryRunOpt = Annotated[
    bool,
    typer.Option(
        "--dry-run", help="Show the new names and the INDEX.md diff; write nothing (exit 1 if any would change)."
    ),
]


@command
def rename_command(
    directory: DirArg = None,
    dry_run: DryRunOpt = False,
    fmt: FormatOpt = Format.text,
    config: ConfigOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Rename documents whose names do not follow the pattern to NNN_<hash>.txt, updating every
    reference in INDEX.md (list items, tables, links in prose) all at once.

    Exit 1 if any document was left unrenamed (with --dry-run: if any would be renamed or left)."""
    from ...operations.renaming import rename
    from .. import render
    from ..report import plural

    run = open_run(directory, config, must_exist=True)
    report = rename(run.seeds, run.settings, dry_run=dry_run)
    report.skipped = [(f, suggesting(why)) for f, why in report.skipped]
    if fmt == Format.json:
        render.emit_json(report.to_dict())
        return _exit(report)
    verb = "would rename" if dry_run else "renamed"
    for r in report.renamed:
        typer.echo(render.shown(f"{verb} {r.old} -> {r.new}"))
    for file, why in report.skipped:
        typer.echo(render.shown(f"skipped {file}: {why}"), err=True)
    if dry_run and report.diff:
        typer.echo(report.diff, nl=False)
    # The reasons went to stderr, which is not "above" once stdout is redirected: say where.
    skipped = f"; {len(report.skipped)} skipped (why: on stderr)" if report.skipped else ""
    if not report.renamed and report.skipped:
        verb = "would be renamed" if dry_run else "renamed"
        typer.echo(f"no document {verb}{skipped}: not following the name pattern yet")
    elif not report.renamed:
        typer.echo("every document already follows the name pattern")
    else:
        docs, refs = plural(len(report.renamed), "document"), plural(report.references, "reference")
        if dry_run:
            typer.echo(
                f"{docs} would be renamed; {refs} in INDEX.md would be updated{skipped} (dry run: nothing written)"
            )
        else:
            typer.echo(f"{docs} renamed; {refs} in INDEX.md updated{skipped}")
    return _exit(report)


def _exit(report) -> int:
    """1 when a document was left with a name off the pattern (each one named on stderr, with
    why), as `ruff --fix` exits 1 while violations remain; with --dry-run also when one would be
    renamed, as `black --check` does. 0 when there is nothing (more) to rename."""
    return EXIT_OK if report.ok else EXIT_FINDINGS
