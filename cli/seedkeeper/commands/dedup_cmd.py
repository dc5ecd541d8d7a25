"""`seedkeeper dedup [DIR] [--apply]` and `seedkeeper restore FILE`."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.text import Text

from .. import render
from ..app import (EXIT_FINDINGS, EXIT_OK, CacheDirOpt, ConfigOpt, DebugOpt, DirArg, Format, FormatOpt, JobsOpt,
                   NoCacheOpt, app, cache_for, run, settings_for)
from ..duplicates import dedup, restore
from .progress import progress_bar


@app.command("dedup")
def dedup_command(
    directory: Optional[Path] = DirArg,
    threshold: Optional[float] = typer.Option(None, "--threshold", help="Near-duplicate similarity threshold (default 0.8)."),
    apply: bool = typer.Option(False, "--apply", help="Move duplicates into .seedkeeper/quarantine/ and drop them from INDEX.md."),
    fmt: Format = FormatOpt,
    config: Optional[Path] = ConfigOpt,
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
    cache_dir: Optional[Path] = CacheDirOpt,
    debug: bool = DebugOpt,
) -> None:
    """Find exact, normalized and near duplicates. Exit 1 if any are found (0 after --apply)."""

    def body() -> int:
        settings, seeds = settings_for(directory, config, jobs=jobs, threshold=threshold)
        with progress_bar(fmt != Format.text, "deduplicating") as progress:
            report = dedup(seeds, settings, apply=apply, excerpts=fmt == Format.text,
                           cache=cache_for(settings, seeds, no_cache, cache_dir), progress=progress)
        clusters = report.result.clusters
        if fmt == Format.json:
            render.emit_json(report.to_dict())
        elif fmt == Format.github:
            for line in render.github_lines(report.problems, seeds):
                typer.echo(line)
        else:
            console = render.stdout_console()
            for c in clusters:
                console.print(Text(f"keep {c.keep}", style="bold green"))
                for d in c.duplicates:
                    console.print(f"  {d.kind:<10} {d.similarity:.2f}  {d.file}  (of {d.of})")
                    for line in report.excerpts.get(d.file, []):
                        console.print(Text("      " + line, style="dim"))
            if report.result.too_short:
                console.print(f"{len(report.result.too_short)} documents too short to compare for near duplicates: "
                              + ", ".join(report.result.too_short[:10]) + (" …" if len(report.result.too_short) > 10 else ""))
            n = sum(len(c.duplicates) for c in clusters)
            for f, why in report.skipped:
                console.print(f"not moved: {f}: {why}", soft_wrap=True)
            console.print(f"{len(clusters)} clusters, {n} duplicates" + (f"; moved {len(report.moved)} to .seedkeeper/quarantine/ (undo: seedkeeper restore FILE)" if report.moved else ""), soft_wrap=True)
        found = any(c.duplicates for c in clusters)
        return EXIT_FINDINGS if found and not apply else EXIT_OK

    run(body, debug)


@app.command("restore")
def restore_command(
    file: str = typer.Argument(..., help="The original path of a quarantined document (as in INDEX.md)."),
    seeds_dir: Optional[Path] = typer.Option(None, "--seeds", help="The seeds folder (default: from config, else ./seeds)."),
    fmt: Format = FormatOpt,
    config: Optional[Path] = ConfigOpt,
    debug: bool = DebugOpt,
) -> None:
    """Put a document that `dedup --apply` moved out back in place and in INDEX.md."""

    def body() -> int:
        settings, seeds = settings_for(seeds_dir, config, must_exist=True)
        r = restore(seeds, file, settings)
        if fmt == Format.json:
            render.emit_json({"restored": r.file, "from": r.quarantined, "sha256": r.sha256, "intact": r.intact})
        else:
            typer.echo(f"restored {r.file} from {r.quarantined}" + ("" if r.intact else " (its bytes changed while in quarantine)"))
        return EXIT_OK

    run(body, debug)
