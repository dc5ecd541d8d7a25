"""`seedkeeper tag [DIR]`: each document's language."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from rich.table import Table

from .. import render
from ..app import (EXIT_OK, CacheDirOpt, ConfigOpt, DebugOpt, DirArg, Format, FormatOpt, JobsOpt, NoCacheOpt, app,
                   cache_for, run, settings_for)
from ..problems import make
from ..tagging import tag
import typer
from .progress import progress_bar


@app.command("tag")
def tag_command(
    directory: Optional[Path] = DirArg,
    fmt: Format = FormatOpt,
    config: Optional[Path] = ConfigOpt,
    jobs: Optional[int] = JobsOpt,
    no_cache: bool = NoCacheOpt,
    cache_dir: Optional[Path] = CacheDirOpt,
    debug: bool = DebugOpt,
) -> None:
    """Detect each document's language (BCP 47; `und` when the text gives too little). Writes nothing."""

    def body() -> int:
        settings, seeds = settings_for(directory, config, jobs=jobs)
        with progress_bar(fmt != Format.text, "tagging") as progress:
            report = tag(seeds, settings, cache=cache_for(settings, seeds, no_cache, cache_dir), progress=progress)
        if fmt == Format.json:
            render.emit_json(report.to_dict())
        elif fmt == Format.github:
            und = [make("lang-undetermined", d["file"], "the language could not be determined" + (f" ({d['error']})" if "error" in d else ""))
                   for d in report.documents if d["lang"] == "und"]
            for line in render.github_lines(und, seeds):
                typer.echo(line)
        else:
            table = Table(box=None, header_style="bold")
            for col in ("file", "lang", "confidence", "others"):
                table.add_column(col, justify="right" if col == "confidence" else "left")
            for d in report.documents:
                others = ", ".join(f"{o['lang']} {o['share']:.0%}" for o in d.get("others", []))
                table.add_row(d["file"], d["lang"], f"{d['confidence']:.2f}", d.get("error", others))
            console = render.stdout_console()
            console.print(table)
            console.print(f"{len(report.documents)} documents tagged")
        return EXIT_OK

    run(body, debug)
