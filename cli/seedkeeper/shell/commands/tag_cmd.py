"""`seedkeeper tag [DIR]`: each document's language."""

from __future__ import annotations

from ..options import CacheDirOpt, ConfigOpt, DebugOpt, DirArg, Format, FormatOpt, JobsOpt, NoCacheOpt
from ..runner import EXIT_OK, command, open_run


@command
def tag_command(
    directory: DirArg = None,
    fmt: FormatOpt = Format.text,
    config: ConfigOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Detect each document's language (BCP 47; `und` when the text gives too little). Writes nothing."""
    from ...operations.tagging import tag
    from ...problems import make
    from .. import render
    from ..progress import progress_bar

    run = open_run(directory, config, cache=True, no_cache=no_cache, cache_dir=cache_dir, jobs=jobs)
    with progress_bar(fmt != Format.text, "tagging") as progress:
        report = tag(run.seeds, run.settings, cache=run.cache, progress=progress)
    if fmt == Format.json:
        render.emit_json(report.to_dict())
    elif fmt == Format.github:
        und = [
            make(
                "lang-undetermined",
                d["file"],
                "the language could not be determined" + (f" ({d['error']})" if "error" in d else ""),
            )
            for d in report.documents
            if d["lang"] == "und"
        ]
        render.emit_lines(render.github_lines(und, run.seeds))
    else:
        _print_table(report)
    return EXIT_OK


def _print_table(report) -> None:
    from rich.table import Table

    from .. import render

    table = Table(box=None, header_style="bold")
    for col in ("file", "lang", "confidence", "others"):
        table.add_column(col, justify="right" if col == "confidence" else "left")
    for d in report.documents:
        others = ", ".join(f"{o['lang']} {o['share']:.0%}" for o in d.get("others", []))
        table.add_row(
            render.shown(d["file"]), d["lang"], f"{d['confidence']:.2f}", render.shown(d.get("error", others))
        )
    console = render.stdout_console()
    console.print(table)
    console.print(f"{len(report.documents)} documents tagged")
