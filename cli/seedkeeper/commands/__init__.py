"""CLI commands, one module each; importing them registers them on `seedkeeper.app.app`."""

from . import validate_cmd  # noqa: F401
