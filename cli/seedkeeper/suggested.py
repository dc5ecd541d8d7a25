"""The commands that findings and messages suggest (`seedkeeper dedup --apply`), made to name the
seeds folder they are about.

The core writes a suggested command between backticks as it runs on the folder the bare command
finds (the config's `seeds`, else `./seeds`), so the findings it caches hold no folder. Whoever
knows how the folder was typed (the shell) names it with `name_folder` when the bare command
would find another: `seedkeeper dedup data/seeds --apply`, `seedkeeper restore x.txt --seeds
data/seeds`. The same text and folder give the same message.
"""

from __future__ import annotations

import re

# Commands that take the seeds folder as their first argument, and those that take files and the
# folder as `--seeds DIR`.
FOLDER_COMMANDS = frozenset({"validate", "check", "tag", "dedup", "index", "fix", "rename", "stats"})
FILE_COMMANDS = frozenset({"add", "restore"})
CACHE_COMMANDS = frozenset({"dir", "clear"})

_SUGGESTED = re.compile(r"`seedkeeper ([^`\n]+)`")


def name_folder(text: str, folder: str) -> str:
    """`text` with every command it suggests between backticks naming `folder` (as it is to be
    typed: shell-quoted): after the command's name (after `cache dir`), or as `--seeds folder`
    after a command that takes files. A command that names a folder already is left as it is,
    and so is all of `text` when `folder` is "" (the bare command finds the folder)."""
    if not folder or "`seedkeeper " not in text:
        return text
    return _SUGGESTED.sub(lambda m: f"`seedkeeper {_with_folder(m.group(1), folder)}`", text)


def _with_folder(line: str, folder: str) -> str:
    words = line.split(" ")
    if words[0] in FILE_COMMANDS:
        return line if "--seeds" in words else f"{line} --seeds {folder}"
    if words[0] in FOLDER_COMMANDS:
        at = 1
    elif words[0] == "cache" and len(words) > 1 and words[1] in CACHE_COMMANDS:
        at = 2
    else:
        return line  # init, --version: no seeds folder to name
    if len(words) > at and words[at] and not words[at].startswith("-"):
        return line  # `seedkeeper index . --diff`: the folder is named already
    return " ".join([*words[:at], folder, *words[at:]])
