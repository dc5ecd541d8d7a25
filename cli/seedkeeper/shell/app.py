"""The `seedkeeper` command line: the typer app and the registration of every command.

Each command lives in `shell/commands/` as a plain function (parse flags, open the run, call one
core function, render); this module only names them. Heavy modules (the operations, rich,
numpy, the detectors) load inside the commands, so `--version` and `--help` stay cheap.
"""

from __future__ import annotations

import errno
import inspect
import os
import sys
from pathlib import Path
from typing import Optional

import typer

from .._version import __version__
from .commands import (
    add_cmd,
    cache_cmd,
    check_cmd,
    dedup_cmd,
    fix_cmd,
    index_cmd,
    init_cmd,
    rename_cmd,
    stats_cmd,
    tag_cmd,
    validate_cmd,
)
from .group import SeedkeeperCommand, SeedkeeperGroup
from .runner import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED

app = typer.Typer(
    name="seedkeeper",
    cls=SeedkeeperGroup,
    help="Keep a corpus of multilingual seed documents healthy: validate, deduplicate, tag, index.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"seedkeeper {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(
        False, "--version", callback=_version_callback, is_eager=True, help="Show the version."
    ),
    debug: bool = typer.Option(
        False, "--debug", help="Show tracebacks for internal errors (also after the command's name)."
    ),
    config: Optional[Path] = typer.Option(
        None,
        "--config",
        help="Settings file for the command (also after its name, which wins; every command but init).",
        show_default=False,
        metavar="FILE",
    ),
) -> None:
    """seedkeeper: validate, deduplicate, language-tag and index a seeds folder."""
    # `seedkeeper --debug check` as well as `seedkeeper check --debug` (and so `--config FILE`):
    # the flags stay in the root context's params, where SeedkeeperCommand.invoke finds them for
    # the error boundary (DEBUG) and for open_run (CONFIG).


def _command(name: str, func) -> None:
    """Register `func` as `name`, its short help the docstring's first paragraph on one line
    (rich keeps a docstring's line breaks in the command list, mid-sentence at 80 columns)."""
    first = inspect.getdoc(func).split("\n\n")[0]
    app.command(name, short_help=" ".join(first.split()), cls=SeedkeeperCommand)(func)


for _name, _func in (
    ("validate", validate_cmd.validate_command),
    ("check", check_cmd.check_command),
    ("tag", tag_cmd.tag_command),
    ("dedup", dedup_cmd.dedup_command),
    ("restore", dedup_cmd.restore_command),
    ("index", index_cmd.index_command),
    ("add", add_cmd.add_command),
    ("stats", stats_cmd.stats_command),
    ("init", init_cmd.init_command),
    ("rename", rename_cmd.rename_command),
    ("fix", fix_cmd.fix_command),
):
    _command(_name, _func)
app.add_typer(cache_cmd.cache_app, name="cache")


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:] == ["--version"]:
        # What typer answers (see _version_callback), without first turning all thirteen
        # commands' signatures into click parameters: ~20 ms of an ~85 ms `seedkeeper --version`.
        try:
            sys.stdout.write(f"seedkeeper {__version__}\n")
            sys.stdout.flush()
            return
        except BrokenPipeError:
            _quiet_stdout()
            sys.exit(EXIT_BROKEN_PIPE)
        except (AttributeError, OSError):
            pass  # no stdout: typer's own handling below, as for any command
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover - interrupted outside a command body
        sys.stderr.write("seedkeeper: interrupted\n")
        sys.exit(EXIT_INTERRUPTED)
    except SystemExit as stop:
        # A closed pipe while click or rich prints help or the version ends in their exit 1; the
        # commands exit 141 there (runner), so `seedkeeper -h | head -1` must too.
        if stop.code == 1 and _from_broken_pipe(stop):
            _quiet_stdout()
            sys.exit(EXIT_BROKEN_PIPE)
        raise


def _from_broken_pipe(exc: BaseException) -> bool:
    """Whether `exc` was raised while handling a closed pipe (EPIPE), a few causes deep."""
    seen = exc.__context__
    for _ in range(4):
        if seen is None:
            return False
        if isinstance(seen, BrokenPipeError) or (isinstance(seen, OSError) and seen.errno == errno.EPIPE):
            return True
        seen = seen.__context__
    return False


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush cannot fail on the closed pipe."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
