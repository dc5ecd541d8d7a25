"""`seedkeeper tag [DIR]`: each document's language."""

from __future__ import annotations

from ..options import CacheDirOpt, ConfigOpt, DebugOpt, DirArg, ExplainOpt, Format, FormatOpt, JobsOpt, NoCacheOpt
from ..runner import EXIT_OK, command, open_run


@command
def tag_command(
    directory: DirArg = None,
    fmt: FormatOpt = Format.text,
    config: ConfigOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    explain: ExplainOpt = False,
    debug: DebugOpt = False,
) -> int:
    """Detect each document's language (BCP 47; `und` when the text gives too little). Writes nothing."""
    from ...operations.tagging import tag
    from .. import render
    from ..progress import progress_bar

    run = open_run(directory, config, cache=True, no_cache=no_cache, cache_dir=cache_dir, jobs=jobs)
    with progress_bar(False, "tagging") as progress:
        report = tag(run.seeds, run.settings, cache=run.cache, progress=progress, explain=explain)
    if fmt == Format.json:
        render.emit_json(report.to_dict())
    elif fmt in (Format.github, Format.concise):
        lines = render.github_lines if fmt == Format.github else render.concise_lines
        render.emit_lines(lines(report.undetermined, run.seeds))
    elif explain:
        _print_explained(report)
    else:
        _print_table(report)
    return EXIT_OK


def _print_table(report) -> None:
    from rich.table import Table
    from rich.text import Text

    from .. import render
    from ..report import plural

    table = Table(box=None, header_style="bold")
    for col in ("file", "lang", "confidence", "others"):
        table.add_column(col, justify="right" if col == "confidence" else "left")
    for d in report.documents:
        others = ", ".join(f"{o['lang']} {o['share']:.0%}" for o in d.get("others", []))
        # Text cells: a file name such as "[draft] x.txt" is a name, not rich markup.
        table.add_row(
            Text(render.shown(d["file"])),
            Text(d["lang"]),
            f"{d['confidence']:.2f}",
            Text(render.shown(d.get("error", others))),
        )
    console = render.stdout_console()
    console.print(table)
    console.print(f"{plural(len(report.documents), 'document')} tagged")


def _print_explained(report) -> None:
    """Per document: its tag line, then the rule that decided and each detector's candidates."""
    from .. import render
    from ..report import plural

    console = render.stdout_console()
    for d in report.documents:
        extra = d.get("error") or ", ".join(f"{o['lang']} {o['share']:.0%}" for o in d.get("others", []))
        console.print(
            render.shown(f"{d['file']}  {d['lang']}  {d['confidence']:.2f}" + (f"  ({extra})" if extra else "")),
            markup=False,
        )
        console.print(f"    decided by: {d.get('decided_by') or 'unknown'}", markup=False)
        console.print(f"    candidates: {explain_candidates(d.get('candidates') or {})}", markup=False)
        if d.get("ruled_out"):
            console.print(f"    ruled out by its words: {', '.join(d['ruled_out'])}", markup=False)
    console.print(f"{plural(len(report.documents), 'document')} tagged")


def explain_candidates(candidates: dict) -> str:
    """One line: "langdetect fa 0.99, ar 0.01; py3langid fa 0.97; cld2 fa 1.00" (or "none")."""
    parts = []
    for name, top in candidates.items():
        scores = ", ".join(f"{c['lang']} {c['score']:.2f}" for c in top)
        parts.append(f"{name} {scores}" if scores else f"{name} -")
    return "; ".join(parts) or "none"
