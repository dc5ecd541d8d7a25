"""`seedkeeper tag [DIR]` or `seedkeeper tag FILE...`: each document's language."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..options import CacheDirOpt, ConfigOpt, DebugOpt, ExplainOpt, Format, FormatOpt, JobsOpt, NoCacheOpt
from ..runner import EXIT_OK, command, config_given, open_run, suggesting_in

PathsArg = Annotated[
    Optional[list[Path]],
    typer.Argument(
        help="The seeds folder (default: from config, else ./seeds), or files to tag one by one "
        "(no INDEX.md, no cache).",
        show_default=False,
        metavar="DIR|FILE",
    ),
]


def _files_or_folder(paths: list[Path] | None) -> tuple[Path | None, list[Path] | None]:
    """(folder, None) for no path or one folder; (None, files) for files. Mixing is a usage
    error, and so is a path that does not exist (a dangling or looping symbolic link too).
    A name typed in the other Unicode spelling of a file's or folder's name (`café.txt` composed,
    the file decomposed) names it; the files keep the names given (tag_files finds them too)."""
    import os

    from ...corpus.paths import other_spellings_note, spelled_otherwise
    from ...errors import UsageError

    if not paths:
        return None, None
    on_disk = {}
    for p in paths:
        found, others = spelled_otherwise(p)
        if found is None or not os.path.exists(found):
            raise UsageError(f"no such file or folder: {p}{other_spellings_note(others)}")
        on_disk[p] = Path(found)
    folders = [p for p in paths if on_disk[p].is_dir()]
    if len(paths) == 1 and folders:
        return paths[0], None
    if len(folders) == len(paths):
        raise UsageError(f"give one seeds folder, not {len(paths)} ({', '.join(map(str, paths))})")
    if folders:
        raise UsageError(f"{folders[0]} is a folder: give one seeds folder, or files, not both")
    return None, paths


def _tag_files_by_config(files: list[Path], config, jobs, explain: bool):
    """Tag `files`, each with the settings of the config nearest it (or `config`): files of two
    projects given together each get their project's `languages`. One report, sorted by file."""
    from ...operations.tagging import TagReport, tag_files
    from ...settings import find_config
    from ..progress import progress_bar

    groups: dict[object, list[Path]] = {}
    for f in files:
        key = None if config is not None else find_config(Path(f).absolute().parent)
        groups.setdefault(key, []).append(f)
    merged = TagReport()
    with progress_bar(False, "tagging") as progress:
        for group in groups.values():
            # The files' folder only gives their config: no seeds folder for messages to name.
            run = open_run(Path(group[0]).absolute().parent, config, jobs=jobs, suggest=False)
            report = tag_files(group, run.settings, progress=progress, explain=explain)
            merged.documents += report.documents
            merged.undetermined += report.undetermined
    merged.documents.sort(key=lambda d: d["file"])
    merged.undetermined.sort(key=lambda p: p.file or "")
    return merged


@command
def tag_command(
    paths: PathsArg = None,
    fmt: FormatOpt = Format.text,
    config: ConfigOpt = None,
    jobs: JobsOpt = None,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    explain: ExplainOpt = False,
    debug: DebugOpt = False,
) -> int:
    """Detect each document's language (BCP 47; `und` when the text gives too little). Writes nothing.

    Given files instead of a folder, tags each of them under the name given."""
    from ...operations.tagging import tag
    from .. import render
    from ..progress import progress_bar

    directory, files = _files_or_folder(paths)
    config = config_given(config)  # `seedkeeper --config FILE tag a.txt` too: files are tagged by it
    if files is None:
        run = open_run(directory, config, cache=True, no_cache=no_cache, cache_dir=cache_dir, jobs=jobs)
        root = run.seeds
        with progress_bar(False, "tagging") as progress:
            report = tag(run.seeds, run.settings, cache=run.cache, progress=progress, explain=explain)
        report.undetermined = suggesting_in(report.undetermined)
    else:
        root = None
        report = _tag_files_by_config(files, config, jobs, explain)
    if fmt == Format.json:
        render.emit_json(report.to_dict())
    elif fmt in (Format.github, Format.concise):
        if fmt == Format.github:
            render.emit_lines(render.github_lines(report.undetermined, root or Path.cwd()))
        else:
            render.emit_lines(render.concise_lines(report.undetermined, root))  # None: names as given
    elif explain:
        _print_explained(report)
    else:
        _print_table(report)
    return EXIT_OK


def _others(d: dict) -> str:
    """A document's other languages with their share of its letters ("en 30%, ar 21%"), or, for
    an `und`, the detectors' candidates by name ("candidates: hr, sr-Latn, bs"): a score there
    is a detector's, not a share of the text, and `und (hr 100%)` read as a confident hr."""
    others = d.get("others", [])
    if d.get("lang") == "und" and others:
        return "candidates: " + ", ".join(o["lang"] for o in others)
    return ", ".join(f"{o['lang']} {o['share']:.0%}" for o in others)


# The columns after file, lang and confidence, each shown when a document has one: the language a
# person pinned in INDEX.md, the other languages of a mixed document, and the codes that made a
# document unreadable or not text (kept apart from "others": an error is not a language).
_EXTRA_COLUMNS = (
    ("pinned", lambda d: d.get("pinned", "")),
    ("others", _others),
    ("error", lambda d: d.get("error", "")),
)


def _print_table(report) -> None:
    from rich.table import Table
    from rich.text import Text

    from .. import render
    from ..report import plural

    extra = [(name, cell) for name, cell in _EXTRA_COLUMNS if any(cell(d) for d in report.documents)]
    table = Table(box=None, header_style="bold")
    for col in ("file", "lang", "confidence", *(name for name, _ in extra)):
        table.add_column(col, justify="right" if col == "confidence" else "left")
    for d in report.documents:
        # Text cells: a file name such as "[draft] x.txt" is a name, not rich markup.
        table.add_row(
            Text(render.quoted(d["file"])),
            Text(d["lang"]),
            f"{d['confidence']:.2f}",
            *(Text(render.shown(cell(d))) for _, cell in extra),
        )
    console = render.stdout_console()
    console.print(table)
    console.print(f"{plural(len(report.documents), 'document')} tagged")


def _print_explained(report) -> None:
    """Per document: its tag line (with its pin, other languages and error, each named), then the
    rule that decided and each detector's candidates."""
    from .. import render
    from ..report import plural

    console = render.stdout_console()
    for d in report.documents:
        extra = [f"pinned: {d['pinned']}"] if d.get("pinned") else []
        extra += [f"({_others(d)})"] if d.get("others") else []
        extra += [f"error: {d['error']}"] if d.get("error") else []
        console.print(
            render.shown("  ".join([render.quoted(d["file"]), d["lang"], f"{d['confidence']:.2f}", *extra])),
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
