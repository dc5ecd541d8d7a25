"""`seedkeeper index [DIR] [--check] [--diff]`: (re)write the managed table in INDEX.md."""

from __future__ import annotations

from typing import Annotated

import typer

from ..options import CacheDirOpt, ConfigOpt, DebugOpt, DirArg, Format, FormatOpt, JobsOpt, NoCacheOpt
from ..runner import EXIT_FINDINGS, EXIT_OK, command, open_run, suggesting, suggesting_in

CheckOnlyOpt = Annotated[bool, typer.Option("--check", help="Exit 1 if INDEX.md would change; write nothing.")]
DiffOpt = Annotated[bool, typer.Option("--diff", help="Print the unified diff of INDEX.md; write nothing.")]


@command
def index_command(
    directory: DirArg = None,
    check_only: CheckOnlyOpt = False,
    diff: DiffOpt = False,
    fmt: FormatOpt = Format.text,
    config: ConfigOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Write the managed document table in INDEX.md, keeping everything a person wrote.

    Exit 1 if a document was left unlisted (with --check: if INDEX.md would change)."""
    from ...operations.findings import index_outdated
    from ...operations.indexing import index
    from ...problems import apply_policy
    from .. import render
    from ..progress import progress_bar

    run = open_run(directory, config, cache=True, no_cache=no_cache, cache_dir=cache_dir, jobs=jobs)
    write = not (check_only or diff)
    with progress_bar(False, "indexing") as progress:
        outcome = index(run.seeds, run.settings, write=write, cache=run.cache, progress=progress)
    if fmt != Format.json:  # (stderr: github's and concise's stdout stays findings only)
        from ...indexmd.unmarked import how_to_write

        for rel, (line, rest) in sorted(outcome.unmarked.items()):
            # Not listed, on purpose: say why, where the person wrote it, and how to write it.
            typer.echo(
                render.shown(
                    f"not listed: {rel}: INDEX.md line {line} starts with its name without marking where it ends;"
                    f" write {how_to_write(rel, rest)}"
                ),
                err=True,
            )
    if fmt == Format.json:
        render.emit_json(
            {
                "changed": outcome.changed,
                "written": outcome.written,
                "diff": outcome.diff if (diff or check_only or outcome.adopted) else "",
                "adopted": outcome.adopted,
                "not_listed": [{"file": rel, "line": line} for rel, (line, _) in sorted(outcome.unmarked.items())],
                "kept_in_notes": [{"file": rel, "columns": list(cols)} for rel, cols in sorted(outcome.kept.items())],
                "moved_above_markers": outcome.moved_out,
            }
        )
    elif diff:
        typer.echo(outcome.diff, nl=False)
    elif fmt in (Format.github, Format.concise) and check_only and outcome.changed:
        lines = render.github_lines if fmt == Format.github else render.concise_lines
        # At its configured severity, as check annotates it (--check fails whatever the severity).
        finding = suggesting_in(apply_policy([index_outdated()], severities=run.settings.severities))
        render.emit_lines(lines(finding, run.seeds))
    else:
        if check_only:
            msg = "INDEX.md is up to date"
            if outcome.changed:
                msg = suggesting(
                    "INDEX.md would change; `seedkeeper index --diff` shows how, `seedkeeper index` writes it"
                )
        else:
            msg = "INDEX.md written" if outcome.written else "INDEX.md unchanged"
        if outcome.adopted and outcome.written:
            # Adopting a hand-written index rewrites a person's lists: show every line that changed.
            typer.echo(outcome.diff, nl=False)
            n = len(outcome.adopted)
            msg += (
                f"; {n} hand-written {'entry' if n == 1 else 'entries'} moved into managed tables, one per section "
                "(the diff above is every change; undo with your version control)"
            )
        if outcome.kept and outcome.written:
            msg += _kept_said(outcome.kept)
        if outcome.moved_out and (outcome.written or check_only):
            msg += _moved_said(outcome.moved_out, done=outcome.written)
        # concise and github print findings only: an up-to-date check says so on stderr.
        typer.echo(msg, err=check_only and (outcome.changed or fmt in (Format.github, Format.concise)))
    if check_only:
        return EXIT_FINDINGS if outcome.changed else EXIT_OK
    # A write that left a document out of the tables did not do the whole job (check reports it
    # unlisted-file): exit 1, as rename does for a name it left. --diff only shows, as black --diff.
    return EXIT_FINDINGS if write and outcome.unmarked else EXIT_OK


def _moved_said(lines: list[str], *, done: bool) -> str:
    """Where a person's lines typed between the markers went: above the begin marker, since the
    tool rewrites everything between the markers (indexmd/rescued.py)."""
    from .. import render

    n = len(lines)
    what = "1 line" if n == 1 else f"{n} lines"
    first = lines[0].strip()
    # Cut before escaping: a cut after it could split an escape (`\x1b` shown as `\x1…`).
    first = render.shown(first if len(first) <= 60 else first[:59] + "…")
    more = "" if n == 1 else f" and {n - 1} more"
    verb = "moved" if done else "would move"
    return (
        f"; {what} typed between the markers {verb} above the begin marker (the tool rewrites what is"
        f" between them): {first}{more}"  # not !r: it would escape a Persian ZWNJ
    )


def _kept_said(kept: dict[str, tuple[str, ...]]) -> str:
    """Where a person's words typed in the table's computed cells went (the tool writes those
    cells again, so it says so rather than leave them to be found in Notes)."""
    from .. import render

    first = sorted(kept.items())[:3]
    said = "; ".join(f"{render.shown(rel)} ({', '.join(cols)})" for rel, cols in first)
    more = f" and {len(kept) - len(first)} more" if len(kept) > len(first) else ""
    rows = "1 row" if len(kept) == 1 else f"{len(kept)} rows"
    # Labelled `Column: words`, but for File's words beside the link, which read as a note already.
    label = "" if all(cols == ("File",) for cols in kept.values()) else " as `Column: words`"
    return f"; words typed in the computed cells of {rows} moved to Notes{label}: {said}{more}"
