"""Settings: defaults, `[tool.seedkeeper]` in pyproject.toml or a seedkeeper.toml, and overrides.

Keys are written kebab-case in TOML (`name-pattern`); snake_case is accepted too. Unknown keys are
an error that names them, so a typo never silently does nothing.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from seedkeeper.errors import ConfigError
from seedkeeper.problems import CODES

DEFAULT_NAME_PATTERN = r"\d{3,}_[0-9a-f]{16}\.txt"


@dataclass(frozen=True)
class Settings:
    """Everything that changes what seedkeeper reports. Immutable; use `with_overrides`."""

    seeds: str = "seeds"
    include: tuple[str, ...] = ("*.txt",)
    name_pattern: str = DEFAULT_NAME_PATTERN
    max_size: int = 10 * 1024 * 1024
    min_chars: int = 30
    threshold: float = 0.8
    containment: float = 0.8  # share of a document's shingles in a longer one; 0 turns it off
    languages: tuple[str, ...] = ()
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    jobs: int = 0
    cache_dir: str | None = None
    # Where the settings came from (a file path) and the folder relative paths are resolved in.
    config_file: str | None = field(default=None, compare=False)
    base_dir: str = field(default=".", compare=False)

    @property
    def severities(self) -> dict[str, str]:
        return dict(self.severity)

    def with_overrides(self, **changes: Any) -> Settings:
        """Return a copy with the non-None values in `changes` applied (flags override config)."""
        clean = {k: v for k, v in changes.items() if v is not None}
        return _validated(
            replace(self, **_coerce(clean, source="flags")), where="command-line flags" if clean else None
        )

    def seeds_path(self, explicit: str | os.PathLike | None = None) -> Path:
        """The seeds folder: the explicit argument (relative to cwd), else the configured one."""
        if explicit is not None:
            return Path(explicit)
        p = Path(self.seeds)
        return p if p.is_absolute() else Path(self.base_dir) / p

    def effective_jobs(self) -> int:
        return self.jobs if self.jobs > 0 else (os.cpu_count() or 1)


# Keys that are not user settings.
_INTERNAL = {"config_file", "base_dir"}
_FIELDS = {f.name: f for f in fields(Settings) if f.name not in _INTERNAL}


def _coerce(raw: dict[str, Any], source: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    unknown = []
    for key, value in raw.items():
        name = key.replace("-", "_")
        if name not in _FIELDS:
            unknown.append(key)
            continue
        try:
            out[name] = _convert(name, value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{source}: bad value for {key!r}: {exc}") from None
    if unknown:
        raise ConfigError(f"{source}: unknown key(s): {', '.join(sorted(unknown))}")
    return out


def _convert(name: str, value: Any) -> Any:
    if name in ("include", "languages", "select", "ignore"):
        if isinstance(value, str):
            value = [v for v in re.split(r"[,\s]+", value) if v]
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise TypeError("expected a list of strings")
        return tuple(value)
    if name == "severity":
        if isinstance(value, tuple):
            value = dict(value)
        if not isinstance(value, dict):
            raise TypeError('expected a table of code = "error" | "warning"')
        return tuple(sorted((str(k), str(v)) for k, v in value.items()))
    if name in ("max_size", "min_chars", "jobs"):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("expected an integer")
        return value
    if name in ("threshold", "containment"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError("expected a number")
        return float(value)
    if name in ("seeds", "name_pattern", "cache_dir"):
        if not isinstance(value, str):
            raise TypeError("expected a string")
        return value
    raise TypeError("unsupported")  # pragma: no cover - every field is handled above


def _validated(s: Settings, where: str | None = None) -> Settings:
    where = where or s.config_file or "settings"
    try:
        re.compile(s.name_pattern)
    except re.error as exc:
        raise ConfigError(f"{where}: name-pattern is not a valid regular expression: {exc}") from None
    if not 0.0 < s.threshold <= 1.0:
        raise ConfigError(f"{where}: threshold must be in (0, 1], got {s.threshold}")
    if not 0.0 <= s.containment <= 1.0:
        raise ConfigError(f"{where}: containment must be in [0, 1] (0 turns it off), got {s.containment}")
    if s.max_size <= 0 or s.min_chars < 0 or s.jobs < 0:
        raise ConfigError(f"{where}: max-size must be positive, min-chars and jobs not negative")
    for code, sev in s.severity:
        if code not in CODES:
            raise ConfigError(f"{where}: severity names an unknown code: {code}")
        if sev not in ("error", "warning"):
            raise ConfigError(f"{where}: severity for {code} must be 'error' or 'warning'")
    for sel in s.select + s.ignore:
        if sel != "ALL" and sel not in CODES and not any(c.startswith(sel) for c in CODES if sel.endswith("-")):
            raise ConfigError(f"{where}: select/ignore names an unknown code: {sel}")
    return s


def find_config(start: Path) -> Path | None:
    """The nearest seedkeeper.toml, or pyproject.toml with [tool.seedkeeper], at or above start."""
    start = start.resolve()
    for folder in [start, *start.parents]:
        own = folder / "seedkeeper.toml"
        if own.is_file():
            return own
        py = folder / "pyproject.toml"
        if py.is_file():
            try:
                data = tomllib.loads(py.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if "seedkeeper" in data.get("tool", {}):
                return py
    return None


def load_settings(config: str | os.PathLike | None = None, start: str | os.PathLike | None = None) -> Settings:
    """Load settings from an explicit config file, or the nearest one found from `start` (cwd)."""
    path = Path(config) if config is not None else find_config(Path(start or "."))
    if path is None:
        return Settings(base_dir=str(Path(start or ".").resolve()))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("seedkeeper", {})
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [tool.seedkeeper] must be a table")
    base = Settings(config_file=str(path), base_dir=str(path.resolve().parent))
    return _validated(replace(base, **_coerce(data, source=str(path))))
