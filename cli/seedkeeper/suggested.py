"""The commands that findings and messages suggest (`seedkeeper dedup --apply`), made to name the
seeds folder they are about and the config file they run with.

The core writes a suggested command between backticks as it runs on the folder the bare command
finds (the config's `seeds`, else `./seeds`), so the findings it caches hold no folder. Whoever
knows how the folder was typed (the shell) names it with `name_folder` when the bare command
would find another: `seedkeeper dedup data/seeds --apply`, `seedkeeper restore x.txt --seeds
data/seeds`; and repeats the `--config FILE` the run was given, since the bare command would
read another config, or none: `seedkeeper dedup data/seeds --apply --config ci.toml`. The same
text, folder and config give the same message.
"""

from __future__ import annotations

import re

# Commands that take the seeds folder as their first argument, and those that take files and the
# folder as `--seeds DIR`.
FOLDER_COMMANDS = frozenset({"validate", "check", "tag", "dedup", "index", "fix", "rename", "stats"})
FILE_COMMANDS = frozenset({"add", "restore"})
CACHE_COMMANDS = frozenset({"dir", "clear"})

_SUGGESTED = re.compile(r"`seedkeeper ([^`\n]+)`")


def name_folder(text: str, folder: str, config: str = "") -> str:
    """`text` with every command it suggests between backticks naming `folder` (as it is to be
    typed: shell-quoted): after the command's name (after `cache dir`), or as `--seeds folder`
    after a command that takes files; and ending with `--config config` (shell-quoted too) when
    `config` is given. A command that names a folder (a config) already keeps it, and all of
    `text` is left as it is when both are "" (the bare command finds the folder and its config)."""
    if not (folder or config) or "`seedkeeper " not in text:
        return text

    def named(m: re.Match) -> str:
        line = _with_folder(m.group(1), folder) if folder else m.group(1)
        return f"`seedkeeper {_with_config(line, config) if config else line}`"

    return _SUGGESTED.sub(named, text)


def _takes_folder(words: list[str]) -> bool:
    """Whether the suggested command works on a seeds folder (every one but init and --version),
    and so reads a config."""
    if words[0] in FOLDER_COMMANDS or words[0] in FILE_COMMANDS:
        return True
    return words[0] == "cache" and len(words) > 1 and words[1] in CACHE_COMMANDS


def _with_config(line: str, config: str) -> str:
    # At the end: after the folder and the command's own options, where a `--config` wins over
    # one given before the command's name, and where it reads as "the same, with this config".
    words = line.split(" ")
    if not _takes_folder(words) or "--config" in words:
        return line  # init refuses --config: it writes one
    return f"{line} --config {config}"


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
