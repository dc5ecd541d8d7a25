"""The command group and command class behind `seedkeeper`: a help screen that shows what to
type (`--strict`, `--jobs N`, `FILE`) instead of Python types (`<bool>`, `<list[Path]>`), and usage
lines written as CLIs write them. (typer already answers a mistyped command with "Did you mean
...?".)"""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


def tidy_help(params) -> None:
    """Flags take no value, so their help shows no type; an argument shows its metavar only."""
    for param in params:
        flag = isinstance(param, TyperOption) and (param.is_flag or param.count)
        if flag or isinstance(param, TyperArgument):
            # typer's rich help prints whatever this returns in the type column; None prints nothing.
            param.display_type_rich = _no_type


def _no_type(ctx) -> None:
    return None


class SeedkeeperGroup(TyperGroup):
    """typer's group with a cleaner help screen for every command and sub-command."""

    def get_command(self, ctx, cmd_name: str):
        cmd = super().get_command(ctx, cmd_name)
        if cmd is not None:
            tidy_help(cmd.get_params(ctx))
            for sub in getattr(cmd, "commands", {}).values():
                tidy_help(sub.get_params(ctx))
        return cmd

    def get_params(self, ctx):
        params = super().get_params(ctx)
        tidy_help(params)
        return params


def usage_piece(param) -> str:
    """An argument as a usage line shows it: `FILE` (required), `[DIR]` (optional), `FILE...`
    (any number).

    typer 0.29 writes a required argument as `{FILE}` (TyperArgument._usage_display_name), a
    notation for a choice of values, not for a value to type; click, argparse and man pages
    write the bare metavar."""
    name = param.metavar or param.name.upper()
    shown = name if param.required else f"[{name}]"
    return shown + ("..." if param.nargs != 1 else "")


# The command being run (`validate`, `cache dir`), for messages that say what to type next; None outside one.
RUNNING: ContextVar[str | None] = ContextVar("seedkeeper_command", default=None)
# `--debug` given before the command's name (`seedkeeper --debug check`), for the error boundary
# (runner.debug_wanted); the command's own `--debug` arrives as its argument.
DEBUG: ContextVar[bool] = ContextVar("seedkeeper_debug", default=False)
# `--config FILE` given before the command's name (`seedkeeper --config ci.toml check`), for
# open_run (runner.config_given); the command's own `--config` arrives as its argument, and wins.
CONFIG: ContextVar[Path | None] = ContextVar("seedkeeper_config", default=None)
# How the commands this run suggests name its seeds folder ("" when the bare command finds it),
# set by runner.open_run, for runner.suggesting.
FOLDER: ContextVar[str] = ContextVar("seedkeeper_folder", default="")
# The `--config FILE` this run was given (its own, else the one before its name), shell-quoted as
# the commands it suggests repeat it ("" when none was given), for runner.suggesting. Set when the
# command starts, not by open_run: errors raised before the folder is looked up suggest commands too.
SUGGESTED_CONFIG: ContextVar[str] = ContextVar("seedkeeper_suggested_config", default="")


def _as_typed(config: Path | None) -> str:
    """`config` as a suggested command repeats it: as typed (the suggestion is pasted where this
    one ran), shell-quoted; "" for none."""
    if config is None:
        return ""
    import shlex

    from ..corpus.paths import shown

    return shlex.quote(shown(str(config)))


def command_name(ctx) -> str:
    """The command as typed after `seedkeeper`: `check`, or `cache dir` for a sub-command."""
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name)
        ctx = ctx.parent
    return " ".join(reversed(names)) or ctx.info_name


class SeedkeeperCommand(TyperCommand):
    """typer's command with the usage line of `usage_piece` (in `--help` and in usage errors),
    that records its name in RUNNING and the main `--debug` and `--config` in DEBUG and CONFIG
    while it runs."""

    def invoke(self, ctx):
        token = RUNNING.set(command_name(ctx))
        # The root context holds the main callback's options, however deep the command is
        # (`seedkeeper --debug cache dir`).
        root = ctx.find_root().params
        debug = DEBUG.set(bool(root.get("debug")))
        config = CONFIG.set(root.get("config"))
        folder = FOLDER.set("")
        suggested = SUGGESTED_CONFIG.set(_as_typed(ctx.params.get("config") or root.get("config")))
        try:
            return super().invoke(ctx)
        finally:
            SUGGESTED_CONFIG.reset(suggested)
            FOLDER.reset(folder)
            CONFIG.reset(config)
            DEBUG.reset(debug)
            RUNNING.reset(token)

    def collect_usage_pieces(self, ctx) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if isinstance(param, TyperArgument):
                pieces.append(usage_piece(param))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces
