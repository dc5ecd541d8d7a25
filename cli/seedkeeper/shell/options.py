"""The command-line options the commands share, declared once as `Annotated` aliases.

A command writes `fmt: FormatOpt = Format.text`; the help text and flag names live here only.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer


class Format(str, Enum):
    """Output formats every command takes."""

    text = "text"
    json = "json"
    github = "github"
    concise = "concise"


class CheckFormat(str, Enum):
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
SeedsOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--seeds", help="The seeds folder (default: from config, else ./seeds).", show_default=False, metavar="DIR"
    ),
]
FormatOpt = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="Output: text (people), json (scripts), github (Actions), concise (one line per finding).",
    ),
]
CheckFormatOpt = Annotated[
    CheckFormat, typer.Option("--format", "-f", help="text, json, github, concise, sarif or junit.")
]
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
        help="Cache folder (default: .seedkeeper_cache beside the config, or $SEEDKEEPER_CACHE_DIR).",
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
    ),
]
ThresholdOpt = Annotated[
    Optional[float],
    typer.Option(
        "--threshold", help="Near-duplicate similarity threshold (default 0.8).", show_default=False, metavar="X"
    ),
]
