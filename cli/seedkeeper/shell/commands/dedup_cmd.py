"""`seedkeeper dedup [DIR] [--apply]` and `seedkeeper restore FILE`."""

from __future__ import annotations

import dataclasses
from typing import Annotated

import typer

from ..options import (
    CacheDirOpt,
    ConfigOpt,
    ContainmentOpt,
    DebugOpt,
    DirArg,
    Format,
    FormatOpt,
    JobsOpt,
    NoCacheOpt,
    SeedsOpt,
    ThresholdOpt,
)
from ..runner import EXIT_FINDINGS, EXIT_OK, command, open_run, suggesting, suggesting_in

ApplyOpt = Annotated[
    bool, typer.Option("--apply", help="Move duplicates into .seedkeeper/quarantine/ and drop them from INDEX.md.")
]


@command
def dedup_command(
    directory: DirArg = None,
    threshold: ThresholdOpt = None,
    containment: ContainmentOpt = None,
    apply: ApplyOpt = False,
    fmt: FormatOpt = Format.text,
    config: ConfigOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Find exact, normalized, near and contained duplicates. Exit 1 if any are found (with --apply:
    if any could not be moved out)."""
    from ...operations.deduplication import dedup
    from .. import render
    from ..progress import progress_bar

    run = open_run(
        directory,
        config,
        cache=True,
        no_cache=no_cache,
        cache_dir=cache_dir,
        jobs=jobs,
        threshold=threshold,
        containment=containment,
    )
    with progress_bar(False, "deduplicating") as progress:
        report = dedup(
            run.seeds, run.settings, apply=apply, excerpts=fmt == Format.text, cache=run.cache, progress=progress
        )
    report.problems = suggesting_in(report.problems)
    report.skipped = [(f, suggesting(why)) for f, why in report.skipped]
    if fmt == Format.json:
        render.emit_json(report.to_dict())
    elif fmt == Format.github:
        render.emit_lines(render.github_lines(report.problems, run.seeds))
    elif fmt == Format.concise:
        render.emit_lines(render.concise_lines(report.problems, run.seeds))
    else:
        _print_text(report, apply, run.seeds)
    if apply:
        return EXIT_FINDINGS if report.skipped else EXIT_OK
    return EXIT_FINDINGS if any(c.duplicates for c in report.result.clusters) else EXIT_OK


def _print_text(report, applied: bool, seeds) -> None:
    from rich.text import Text

    from ...corpus.quarantine_paths import QUARANTINE_DIR
    from .. import render
    from ..render import shown
    from ..report import plural
    from ..runner import suggesting

    clusters = report.result.clusters
    console = render.stdout_console()
    for c in clusters:
        console.print(Text(f"keep {shown(c.keep)}", style="bold green"))
        for d in c.duplicates:
            console.print(Text(f"  {d.kind:<10} {d.similarity:.2f}  {shown(d.file)}  (of {shown(d.of)})"))
            for line in report.excerpts.get(d.file, []):
                console.print(Text("      " + shown(line), style="dim"))
    too_short = report.result.too_short
    if too_short:
        console.print(
            Text(
                f"{plural(len(too_short), 'document')} too short to compare for near duplicates: "
                + ", ".join(shown(f) for f in too_short[:10])
                + (" …" if len(too_short) > 10 else "")
            )
        )
    n = sum(len(c.duplicates) for c in clusters)
    for f, why in report.skipped:
        console.print(Text(f"not moved: {shown(f)}: {shown(why)}"), soft_wrap=True)
    if report.accepted:
        names = _first_names(report.accepted)
        console.print(Text(f"accepted (ignore: in INDEX.md or per-file-ignores), left alone: {names}"), soft_wrap=True)
    if report.ignored:
        codes = ", ".join(sorted({code for _, code in report.ignored}))
        names = _first_names(report.ignored)
        console.print(Text(f"not checked ({codes}: select/ignore in the config), left alone: {names}"), soft_wrap=True)
    moved = ""
    if report.moved:
        # The quarantine as it is reached from here (under the folder as typed), not from inside it.
        where = render.display_path(seeds, QUARANTINE_DIR) + "/"
        moved = f"; moved {len(report.moved)} to {shown(where)} (undo: `seedkeeper restore FILE`)"
    elif n and not applied:
        # The exit is 1: say what resolves it (accepting one instead is in each finding's message).
        moved = f"; `seedkeeper dedup --apply` moves {'it' if n == 1 else 'them'} out (restorable)"
    summary = f"{plural(len(clusters), 'cluster')}, {plural(n, 'duplicate')}" + moved
    console.print(Text(suggesting(summary)), soft_wrap=True)  # a Text: a folder's name is no markup
    for f, line in report.still_named:
        console.print(
            Text(
                suggesting(
                    f"INDEX.md line {line} still names {shown(f)} (a link in prose or a table cell, which"
                    f" is yours and not rewritten): `check` reports it missing-file until you edit that"
                    f" line, or `seedkeeper restore {shown(f)}`"
                )
            ),
            soft_wrap=True,
        )


@command
def restore_command(
    file: Annotated[
        str,
        typer.Argument(
            help="The original path of a quarantined document (as in INDEX.md), or its quarantine path.", metavar="FILE"
        ),
    ],
    seeds_dir: SeedsOpt = None,
    fmt: FormatOpt = Format.text,
    config: ConfigOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Put a document that `dedup --apply` moved out back in place and in INDEX.md."""
    from ...corpus.quarantine import AlreadyRestored
    from ...corpus.quarantine_manifest import MANIFEST
    from ...operations.restoring import restore
    from .. import render

    run = open_run(
        seeds_dir,
        config,
        must_exist=True,
        here_hint="`--seeds .`",
        cache=True,
        no_cache=no_cache,
        cache_dir=cache_dir,
        jobs=jobs,
    )
    r = restore(run.seeds, file, run.settings, cache=run.cache)
    if isinstance(r, AlreadyRestored):
        # Nothing to do is no error: exit 0, as for every command that writes (README, Exit codes).
        if fmt == Format.json:
            earlier = {"file": r.file, "from": r.quarantined, "at": r.restored_at}
            render.emit_json(
                {"restored": None, "already_restored": earlier, "not_put_back": None}
                | {"index_refreshed": False, "index_left": False}
            )
        else:
            typer.echo(render.shown(f"{r.file} was already restored ({r.restored_at}); nothing to do"))
        return EXIT_OK
    left = r.not_put_back
    if fmt == Format.json:
        out = {"restored": r.file, "from": r.quarantined, "sha256": r.sha256, "intact": r.intact}
        out["not_put_back"] = None if left is None else dataclasses.asdict(left)
        out["already_restored"] = None
        out["index_refreshed"], out["index_left"] = r.index_refreshed, r.index_left
        render.emit_json(out)
    else:
        changed = "" if r.intact else " (its bytes changed while in quarantine)"
        # Both as reached from here, under the folder as typed (restore takes that path back).
        where = render.display_path(run.seeds, r.quarantined)
        # Its managed row filled in as `index` fills it: `check` needs no `index` first.
        refreshed = "; its row in INDEX.md filled in" if r.index_refreshed else ""
        if r.index_left:
            # `index` would change more than this row: its job, shown as a diff first.
            refreshed = suggesting(
                "; `seedkeeper index --diff` then `seedkeeper index` fill in its row (with other changes)"
            )
        typer.echo(f"restored {render.shown(r.file)} from {render.shown(where)}{changed}{refreshed}")
        if left is not None:
            typer.echo(_not_put_back_line(left, render.display_path(run.seeds, MANIFEST)))
    return EXIT_OK


def _not_put_back_line(left, manifest: str) -> str:
    """Which saved words restore left out of INDEX.md, why, and where they still are (`manifest`,
    as reached from here)."""
    from .. import render

    parts = [f'the note "{left.notes}"' if left.notes else "", f"lang: {left.pinned}" if left.pinned else ""]
    saved = " and ".join(part for part in parts if part)
    where = (
        f"INDEX.md:{left.line} lists it already, as a person wrote it back, and is left as it is"
        if left.line is not None
        else "there is no INDEX.md"
    )
    them = "them there if you want them: they stay" if all(parts) else "it there if you want it: it stays"
    return render.shown(f"not put back: {saved} saved at the move ({where}); add {them} in {manifest}")


def _first_names(pairs: list[tuple[str, str]], limit: int = 10) -> str:
    """The first `limit` files of (file, code) pairs, shown safe, "…" when there are more."""
    from ..render import shown

    return ", ".join(shown(f) for f, _ in pairs[:limit]) + (" …" if len(pairs) > limit else "")
