"""The command-line options the commands share, declared once as `Annotated` aliases.

A command writes `fmt: FormatOpt = Format.text`; the help text and flag names live here only.
"""

from __future__ import annotations

from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer


class Format(StrEnum):
    """Output formats every command takes (a StrEnum: str() of a member is its value, which the
    `--format` option, typed `str`, receives as its default)."""

    text = "text"
    json = "json"
    github = "github"
    concise = "concise"


class CheckFormat(StrEnum):
    """`check` also writes SARIF and JUnit."""

    text = "text"
    json = "json"
    github = "github"
    concise = "concise"
    sarif = "sarif"
    junit = "junit"


DirArg = Annotated[
    Optional[Path],
    typer.Argument(help="The seeds folder (default: from config, else ./seeds).", show_default=False, metavar="DIR"),
]
InitDirArg = Annotated[
    Optional[Path],
    typer.Argument(
        help="The seeds folder to create or use (default: from config, else seeds, in the current folder).",
        show_default=False,
        metavar="DIR",
    ),
]
SeedsOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--seeds", help="The seeds folder (default: from config, else ./seeds).", show_default=False, metavar="DIR"
    ),
]


def _format_parser(formats: type[Enum]):
    """The `--format` callback of a command taking `formats`: the value as a member of `formats`,
    or a usage error that names the command's formats (and the command that writes sarif/junit).

    The option is typed `str` and converted here: typer's own check of an Enum answers "Value
    error, 'sarif' is not one of ...", pydantic's wording, without a word of which command has it."""

    def convert(ctx: typer.Context, param: typer.CallbackParam, value):
        if value is None or isinstance(value, formats):
            return value
        try:
            return formats(value)
        except ValueError:
            raise typer.BadParameter(unknown_format(value, ctx.command_path, formats), ctx=ctx, param=param) from None

    return convert


def unknown_format(value: str, command: str, formats: type[Enum]) -> str:
    """The message for an unknown `--format`: "'sarif' is not a format of seedkeeper tag: choose
    text, json, github or concise (sarif and junit: seedkeeper check)", or with a close one
    suggested ("did you mean 'json'?")."""
    import difflib

    names = [f.value for f in formats]
    message = f"{value!r} is not a format of {command}: choose {', '.join(names[:-1])} or {names[-1]}"
    only_check = [f.value for f in CheckFormat if f.value not in names]
    close = difflib.get_close_matches(value.lower(), names, n=1, cutoff=0.6)
    if close:
        message += f" (did you mean {close[0]!r}?)"
    elif only_check and value.lower() in only_check:
        message += f" ({' and '.join(only_check)}: seedkeeper check)"
    return message


def _format_option(formats: type[Enum], help: str):
    """A `--format`/`-f` option taking `formats`, converted by _format_parser."""
    metavar = "<" + "|".join(f.value for f in formats) + ">"
    return Annotated[str, typer.Option("--format", "-f", help=help, metavar=metavar, callback=_format_parser(formats))]


FormatOpt = _format_option(
    Format, "Output: text (people), json (scripts), github (Actions), concise (one line per finding)."
)
CheckFormatOpt = _format_option(CheckFormat, "text, json, github, concise, sarif or junit.")
ConfigOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--config",
        help="Settings file (default: nearest seedkeeper.toml or pyproject.toml).",
        show_default=False,
        metavar="FILE",
    ),
]
SelectOpt = Annotated[
    Optional[list[str]],
    typer.Option(
        "--select",
        help="Only these codes (comma-separated; prefixes like 'lang-'; ALL).",
        show_default=False,
        metavar="CODES",
    ),
]
IgnoreOpt = Annotated[
    Optional[list[str]],
    typer.Option("--ignore", help="Skip these codes (comma-separated).", show_default=False, metavar="CODES"),
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Warnings fail the run too.")]
JobsOpt = Annotated[
    Optional[int],
    typer.Option(
        "--jobs", "-j", help="Worker processes (default: all cores; 1 = no pool).", show_default=False, metavar="N"
    ),
]
ExplainOpt = Annotated[
    bool, typer.Option("--explain", help="Show why: each detector's candidates and the rule that decided.")
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks for internal errors.")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")]
CacheDirOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--cache-dir",
        help="Cache folder (default: $SEEDKEEPER_CACHE_DIR, else cache-dir from the config, else "
        ".seedkeeper_cache beside the config, or beside the seeds folder without one).",
        show_default=False,
        metavar="DIR",
    ),
]
ContainmentOpt = Annotated[
    Optional[float],
    typer.Option(
        "--containment",
        help="Share of a document's text found in a longer one that makes it a contained duplicate "
        "(default 0.8; 0 turns it off).",
        show_default=False,
        metavar="X",
    ),
]
ThresholdOpt = Annotated[
    Optional[float],
    typer.Option(
        "--threshold", help="Near-duplicate similarity threshold (default 0.8).", show_default=False, metavar="X"
    ),
]
