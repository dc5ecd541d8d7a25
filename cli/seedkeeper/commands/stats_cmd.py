"""`seedkeeper stats [DIR]`: counts, languages (a bar chart), sizes, duplicates, findings."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from rich.table import Table

from .. import render
from ..app import (EXIT_OK, CacheDirOpt, ConfigOpt, DebugOpt, DirArg, Format, FormatOpt, JobsOpt, NoCacheOpt, app,
                   cache_for, run, settings_for)
from ..stats import stats
from .progress import progress_bar

BAR_WIDTH = 30


@app.command("stats")
def stats_command(
    directory: Optional[Path] = DirArg,
    fmt: Format = FormatOpt,
    config: Optional[Path] = ConfigOpt,
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
    cache_dir: Optional[Path] = CacheDirOpt,
    debug: bool = DebugOpt,
) -> None:
    """Summarise the corpus. Writes nothing."""

    def body() -> int:
        settings, seeds = settings_for(directory, config, jobs=jobs)
        with progress_bar(fmt != Format.text, "summarising") as progress:
            r = stats(seeds, settings, cache=cache_for(settings, seeds, no_cache, cache_dir), progress=progress)
        if fmt == Format.json:
            render.emit_json(r.to_dict())
            return EXIT_OK
        c = render.stdout_console()
        c.print(f"[bold]{r.documents}[/] documents ({r.listed} listed in INDEX.md, {r.on_disk} on disk), "
                f"{r.chars['total']} characters, {r.words_total} words")
        top = max(r.languages.values(), default=1)
        langs = Table(title="languages", box=None, show_header=False)
        for lang, n in r.languages.items():
            langs.add_row(lang, str(n), "[cyan]" + "█" * max(1, round(BAR_WIDTH * n / top)) + "[/]")
        c.print(langs)
        sizes = Table(title="size (characters)", box=None, show_header=False)
        top = max((b["documents"] for b in r.size_buckets), default=1) or 1
        for b in r.size_buckets:
            label = f"{b['from']}–{b['to'] - 1}" if b["to"] else f"{b['from']}+"
            sizes.add_row(label, str(b["documents"]), "[green]" + "█" * round(BAR_WIDTH * b["documents"] / top) + "[/]")
        c.print(sizes)
        c.print(f"median {r.chars['median']}, p90 {r.chars['p90']}, max {r.chars['max']} characters")
        d = r.duplicates
        c.print(f"duplicates: {d['clusters']} clusters ({d['exact']} exact, {d['normalized']} normalized, {d['near']} near); "
                f"{d['too_short']} too short to compare")
        if r.findings:
            f = Table(title="findings", box=None, show_header=False)
            for code, n in r.findings.items():
                f.add_row(code, str(n))
            c.print(f)
        else:
            c.print("findings: none")
        return EXIT_OK

    run(body, debug)
