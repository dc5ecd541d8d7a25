"""`seedkeeper init [DIR]`: scaffold a seeds folder and the project files around it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..options import DebugOpt, Format, FormatOpt, InitDirArg
from ..runner import EXIT_OK, command

# Accepted only to refuse it with the reason, after the name as before it (hidden from --help).
_RefusedConfigOpt = Annotated[Optional[Path], typer.Option("--config", hidden=True, metavar="FILE")]


@command
def init_command(
    directory: InitDirArg = None,
    fmt: FormatOpt = Format.text,
    debug: DebugOpt = False,
    config: _RefusedConfigOpt = None,
) -> int:
    """Create the seeds folder (default: the config's, else seeds) with INDEX.md, seedkeeper.toml, a
    GitHub Actions workflow and a pre-commit config in the current folder. Never overwrites: files
    that exist are kept."""
    import shlex

    from ...corpus.paths import shown
    from ...errors import UsageError
    from ...operations.onboarding import init
    from .. import render
    from ..runner import config_given

    if config_given(config) is not None:
        # `seedkeeper --config x.toml init`: init writes seedkeeper.toml, and reads only the one
        # every later command will find by itself (for the folder it names), not another.
        raise UsageError(
            "--config does not apply to init: it writes seedkeeper.toml, and reads only the config the "
            "other commands find by themselves (for its seeds folder)"
        )
    done = init(directory)
    if fmt == Format.json:
        render.emit_json(done.to_dict())
        return EXIT_OK
    if done.seeds_from is not None:
        typer.echo(shown(f"seeds folder: {done.seeds} (named by {done.seeds_from})"))
    for rel in done.created:
        typer.echo(shown(f"created {rel}"))
    for rel in done.kept:
        typer.echo(shown(f"kept    {rel} (exists; not overwritten)"))
    seeds = shlex.quote(shown(str(done.seeds)))  # a command to copy: quoted, and safe to print
    typer.echo("next:")
    steps = next_steps(done, seeds)
    width = max(len(step) for step, _ in steps)
    for step, why in steps:
        typer.echo(f"  {step:<{width}}  # {why}" if why else f"  {step}")
    return EXIT_OK


def next_steps(done, seeds: str) -> list[tuple[str, str]]:
    """What to run next, and why, for the corpus init found: only the steps it needs (a corpus
    INDEX.md already lists, named by the pattern, needs neither `index` nor `rename`)."""
    from ...corpus.paths import shown
    from ...operations.onboarding import WORKFLOW
    from ..report import plural

    steps = []
    if done.hand_written_index:
        steps.append((f"seedkeeper index {seeds} --diff", "preview: your lists become tables, one per section"))
        steps.append((f"seedkeeper index {seeds}", "adopt it"))
    elif done.unlisted:
        steps.append(
            (f"seedkeeper index {seeds}", f"list the {plural(done.unlisted, 'document')} INDEX.md does not list yet")
        )
    if done.misnamed:
        # A name holds the hash of the bytes, and `fix` changes them: repair first, then rename.
        steps.append((f"seedkeeper fix {seeds} --dry-run", "what fix would repair (bom, crlf, ...): before rename"))
        steps.append(
            (
                f"seedkeeper rename {seeds} --dry-run",
                f"{plural(done.misnamed, 'document')} named other than NNN_<hash>.txt",
            )
        )
    if not done.documents:
        steps.append((f"seedkeeper add FILE... --seeds {seeds}", "add your first documents"))
    if done.documents and not (done.hand_written_index or done.unlisted or done.misnamed):
        steps.append(
            (f"seedkeeper check {seeds}", f"INDEX.md lists all {plural(done.documents, 'document')}: what CI will run")
        )
    else:
        steps.append((f"seedkeeper check {seeds}", "what CI will run"))
    if done.workflow_install:
        # The workflow installs seedkeeper by version, from an index it is not on: CI would fail.
        why = f"it installs {done.workflow_install}, not on PyPI: pip install git+URL@commit, or a path"
        steps.append((f"edit {shown(WORKFLOW)}", why))
    if not done.cache_ignored:
        steps.append(("add .seedkeeper_cache/ to .gitignore", ""))
    return steps
