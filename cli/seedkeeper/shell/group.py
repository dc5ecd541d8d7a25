"""The command group behind `seedkeeper`: a help screen that shows what to type (`--strict`,
`--jobs N`, `FILE`) instead of Python types (`<bool>`, `<list[Path]>`). (typer already answers a
mistyped command with "Did you mean ...?".)"""

from __future__ import annotations

from typer.core import TyperArgument, TyperGroup, TyperOption


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
