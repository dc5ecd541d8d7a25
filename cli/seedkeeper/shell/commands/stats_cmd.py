"""`seedkeeper stats [DIR]`: counts, languages (a bar chart), sizes, duplicates, findings."""

from __future__ import annotations

from ..options import CacheDirOpt, ConfigOpt, DebugOpt, DirArg, Format, FormatOpt, JobsOpt, NoCacheOpt
from ..runner import EXIT_OK, command, open_run

BAR_WIDTH = 30


@command
def stats_command(
    directory: DirArg = None,
    fmt: FormatOpt = Format.text,
    config: ConfigOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Summarise the corpus. Writes nothing."""
    from ...operations.statistics import stats
    from .. import render
    from ..progress import progress_bar

    run = open_run(directory, config, cache=True, no_cache=no_cache, cache_dir=cache_dir, jobs=jobs)
    with progress_bar(False, "summarising") as progress:
        r = stats(run.seeds, run.settings, cache=run.cache, progress=progress)
    if fmt == Format.json:
        render.emit_json(r.to_dict())
        return EXIT_OK
    _print_text(r)
    return EXIT_OK


def _print_text(r) -> None:
    from rich.table import Table

    from .. import render
    from ..report import plural

    c = render.stdout_console()
    c.print(
        f"[bold]{plural(r.documents, 'document')}[/] ({r.listed} listed in INDEX.md, {r.on_disk} on disk), "
        f"{plural(r.chars['total'], 'character')}, {plural(r.words_total, 'word')}"
    )
    top = max(r.languages.values(), default=1)
    langs = Table(title="languages", box=None, show_header=False)
    for lang, n in r.languages.items():
        langs.add_row(lang, str(n), "[cyan]" + "█" * max(1, round(BAR_WIDTH * n / top)) + "[/]")
    c.print(langs)
    sizes = Table(title="size (characters)", box=None, show_header=False)
    top = max([b["documents"] for b in r.size_buckets] + [r.no_text]) or 1
    for b in r.size_buckets:
        label = f"{b['from']}–{b['to'] - 1}" if b["to"] else f"{b['from']}+"
        sizes.add_row(label, str(b["documents"]), "[green]" + "█" * round(BAR_WIDTH * b["documents"] / top) + "[/]")
    if r.no_text:
        # Binary, too large or unreadable: in the document count, with no size in characters.
        sizes.add_row("no text", str(r.no_text), "[red]" + "█" * max(1, round(BAR_WIDTH * r.no_text / top)) + "[/]")
    c.print(sizes)
    c.print(f"median {r.chars['median']}, p90 {r.chars['p90']}, max {r.chars['max']} characters")
    d = r.duplicates
    kinds = ", ".join(f"{d.get(k, 0)} {k}" for k in ("exact", "normalized", "near", "contained"))
    c.print(f"duplicates: {plural(d['clusters'], 'cluster')} ({kinds}); {d['too_short']} too short to compare")
    if r.findings:
        f = Table(title="findings", box=None, show_header=False)
        for code, n in r.findings.items():
            f.add_row(code, str(n))
        c.print(f)
    else:
        c.print("findings: none")
