"""CLI commands, one module each; importing them registers them on `seedkeeper.app.app`."""

from . import validate_cmd, check_cmd, tag_cmd, dedup_cmd, index_cmd, add_cmd, stats_cmd, cache_cmd  # noqa: F401
