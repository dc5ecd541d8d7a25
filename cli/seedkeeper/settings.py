"""Settings: defaults, `[tool.seedkeeper]` in pyproject.toml or a seedkeeper.toml, and overrides.

Keys are written kebab-case in TOML (`name-pattern`); snake_case is accepted too. Unknown keys are
an error that names them, so a typo never silently does nothing.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from seedkeeper.config_search import find_config
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
    # Accepted findings, like ruff's: ((glob on the folder-relative path, (code or prefix, ...)), ...)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    jobs: int = 0
    cache_dir: str | None = None
    # Content quality (see seedkeeper.quality): boilerplate is a line of at least this many letters
    # found in at least max(min-docs, min-share x corpus) documents; low-text under this letter share.
    boilerplate_min_letters: int = 15
    boilerplate_min_docs: int = 10
    boilerplate_min_share: float = 0.001
    low_text_share: float = 0.5
    # Where the settings came from (a file path) and the folder relative paths are resolved in.
    config_file: str | None = field(default=None, compare=False)
    base_dir: str = field(default=".", compare=False)

    @property
    def severities(self) -> dict[str, str]:
        return dict(self.severity)

    def quality_settings(self):
        """The thresholds of the quality checks (seedkeeper.quality.QualitySettings)."""
        from seedkeeper.quality import QualitySettings

        return QualitySettings(
            boilerplate_min_letters=self.boilerplate_min_letters,
            boilerplate_min_docs=self.boilerplate_min_docs,
            boilerplate_min_share=self.boilerplate_min_share,
            min_letter_share=self.low_text_share,
        )

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
        keys = sorted(k.replace("_", "-") for k in _FIELDS)
        names = ", ".join(f"{k!r}{_did_you_mean(k.replace('_', '-'), keys)}" for k in sorted(unknown))
        raise ConfigError(f"{source}: unknown key(s): {names} (known keys: {', '.join(keys)})")
    return out


def _did_you_mean(word: str, choices) -> str:
    """` (did you mean 'threshold'?)` for the closest choice, or ""."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _code_hint(code: str) -> str:
    return _did_you_mean(code, CODES) or " (`seedkeeper --help` and the README list the codes)"


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
    if name == "per_file_ignores":
        return _per_file_ignores(value)
    if name in ("max_size", "min_chars", "jobs", "boilerplate_min_letters", "boilerplate_min_docs"):
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("expected an integer")
        return value
    if name in ("threshold", "containment", "boilerplate_min_share", "low_text_share"):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError("expected a number")
        return float(value)
    if name in ("seeds", "name_pattern", "cache_dir"):
        if not isinstance(value, str):
            raise TypeError("expected a string")
        return value
    raise TypeError("unsupported")  # pragma: no cover - every field is handled above


def _per_file_ignores(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if isinstance(value, tuple):
        value = dict(value)
    if not isinstance(value, dict):
        raise TypeError('expected a table of "glob" = ["code", ...]')
    out = []
    for glob, codes in value.items():
        if isinstance(codes, str):
            codes = [c for c in re.split(r"[,\s]+", codes) if c]
        if not isinstance(codes, (list, tuple)) or not all(isinstance(c, str) for c in codes):
            raise TypeError(f"per-file-ignores for {glob!r}: expected a list of codes")
        out.append((str(glob), tuple(codes)))
    return tuple(sorted(out))


def known_selector(sel: str) -> bool:
    """A whole code, a prefix ending in '-' that some code starts with, or ALL."""
    return sel == "ALL" or sel in CODES or (sel.endswith("-") and any(c.startswith(sel) for c in CODES))


# A language tag as BCP 47 writes one: a language, then subtags ("zh-Hans", "sr-Cyrl-RS",
# "de-DE-u-co-phonebk"), or a private-use or grandfathered one ("x-klingon", "i-klingon").
_LANG_TAG = re.compile(r"(?:[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*|[xXiI](?:-[A-Za-z0-9]{1,8})+)")
# Names people type for a tag (English and endonyms of the corpus's likeliest languages).
_LANGUAGE_NAMES = {
    "persian": "fa", "farsi": "fa", "arabic": "ar", "english": "en", "chinese": "zh-Hans", "russian": "ru",
    "french": "fr", "german": "de", "spanish": "es", "portuguese": "pt", "italian": "it", "japanese": "ja",
    "korean": "ko", "turkish": "tr", "hindi": "hi", "urdu": "ur", "indonesian": "id", "malay": "ms",
    "croatian": "hr", "serbian": "sr-Latn", "bosnian": "bs", "norwegian": "no", "danish": "da", "swedish": "sv",
    "dutch": "nl", "polish": "pl", "ukrainian": "uk", "greek": "el", "hebrew": "he", "dari": "fa",
}  # fmt: skip


def _validated(s: Settings, where: str | None = None) -> Settings:
    where = where or s.config_file or "settings"
    try:
        re.compile(s.name_pattern)
    except re.error as exc:
        raise ConfigError(f"{where}: name-pattern is not a valid regular expression: {exc}") from None
    if not s.include or not all(glob.strip() for glob in s.include):
        # Else nothing on disk, and nothing INDEX.md lists, would be a document.
        raise ConfigError(f"{where}: include must hold at least one glob, such as '*.txt', got {list(s.include)}")
    for glob in s.include:
        if _leaves_folder(glob):
            raise ConfigError(f"{where}: include globs are relative to the seeds folder ('legal/*.txt'), got {glob!r}")
    if not 0.0 < s.threshold <= 1.0:
        name = "--threshold" if where == "command-line flags" else "threshold"
        raise ConfigError(f"{where}: {name} must be over 0 and at most 1 (e.g. 0.8), got {s.threshold}")
    # One message per setting, naming the flag or key the person typed and what to type instead.
    flags = where == "command-line flags"
    if s.jobs < 0:
        name = "--jobs" if flags else "jobs"
        raise ConfigError(f"{where}: {name} must be 0 (all cores) or a number of worker processes, got {s.jobs}")
    if s.max_size <= 0:
        raise ConfigError(f"{where}: max-size must be a positive number of bytes, got {s.max_size}")
    if s.min_chars < 0:
        raise ConfigError(f"{where}: min-chars must be 0 or more, got {s.min_chars}")
    if s.boilerplate_min_letters < 1 or s.boilerplate_min_docs < 2:
        raise ConfigError(f"{where}: boilerplate-min-letters must be at least 1 and boilerplate-min-docs at least 2")
    if not (0.0 <= s.boilerplate_min_share <= 1.0 and 0.0 <= s.low_text_share <= 1.0):
        raise ConfigError(f"{where}: boilerplate-min-share and low-text-share must be in [0, 1]")
    if not 0.0 <= s.containment <= 1.0:
        raise ConfigError(f"{where}: containment must be in [0, 1] (0 turns it off), got {s.containment}")
    for code, sev in s.severity:
        if code not in CODES:
            raise ConfigError(f"{where}: severity names an unknown code: {code!r}{_code_hint(code)}")
        if sev not in ("error", "warning"):
            raise ConfigError(f"{where}: severity for {code} must be 'error' or 'warning', got {sev!r}")
    for key, values in (("select", s.select), ("ignore", s.ignore)):
        for sel in values:
            if not known_selector(sel):
                name = f"--{key}" if flags else key
                raise ConfigError(f"{where}: {name} names an unknown code: {sel!r}{_code_hint(sel)}")
    for lang in s.languages:
        # A language's name ("farsi": the shape of a tag, but no tag any detector gives) is an
        # error too: every document would be "not allowed".
        if not _LANG_TAG.fullmatch(lang) or lang.lower() in _LANGUAGE_NAMES:
            name = "--languages" if flags else "languages"
            hint = f" (did you mean {_LANGUAGE_NAMES[lang.lower()]!r}?)" if lang.lower() in _LANGUAGE_NAMES else ""
            if "_" in lang and _LANG_TAG.fullmatch(lang.replace("_", "-")):
                hint = f" (did you mean {lang.replace('_', '-')!r}?)"
            raise ConfigError(
                f"{where}: {name} holds {lang!r}, which is not a BCP 47 language tag such as 'fa', 'zh-Hans' or "
                f"'sr-Cyrl'{hint}"
            )
        _check_pin_rule(lang, where, "--languages" if flags else "languages")
    for glob, codes in s.per_file_ignores:
        if _leaves_folder(glob):
            raise ConfigError(
                f"{where}: per-file-ignores globs are relative to the seeds folder ('legal/*.txt'), got {glob!r}"
            )
        for sel in codes:
            if not known_selector(sel):
                raise ConfigError(
                    f"{where}: per-file-ignores for {glob!r} names an unknown code: {sel!r}{_code_hint(sel)}"
                )
    return s


def _leaves_folder(glob: str) -> bool:
    """An absolute glob or one climbing out with `..`: a document's path is relative to the seeds
    folder, so such a glob would silently match nothing (include, per-file-ignores)."""
    return glob.startswith("/") or re.match(r"[A-Za-z]:[\\/]", glob) is not None or ".." in glob.split("/")


def _check_pin_rule(lang: str, where: str, name: str) -> None:
    """Refuse an allow-list tag that a pin in INDEX.md could not be: one rule for both
    (subtags.is_pin_tag). `zh-yue` (an extended language subtag) matched every zh-Hans and zh-Hant
    document by its first subtag, while a note's `lang: zh-yue` pinned nothing; say what to write."""
    from seedkeeper.indexmd.subtags import is_pin_tag, why_no_pin

    if is_pin_tag(lang):
        return
    why, instead = why_no_pin(lang)
    step = f"write {instead!r} instead" if instead else "leave it out"
    raise ConfigError(f"{where}: {name} holds {lang!r}, which a pin in INDEX.md refuses too ({why}); {step}")


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
    tool = data.get("tool")
    if path.name == "pyproject.toml" or (isinstance(tool, dict) and "seedkeeper" in tool):
        # A pyproject.toml, or any file holding a [tool.seedkeeper] table (`--config x.toml`): that table.
        # Beside it, in a file of ours, a setting (a key of ours, or any plain value: `threshhold = 3`)
        # would be silently left unread; another tool's table ([project]) is not ours to judge.
        mine = path.name != "pyproject.toml"
        stray = sorted(
            k
            for k, v in data.items()
            if mine and k != "tool" and (k.replace("-", "_") in _FIELDS or not isinstance(v, dict))
        )
        if stray:
            raise ConfigError(
                f"{path}: {', '.join(map(repr, stray))} outside [tool.seedkeeper], which this file has: not read "
                "(move them into that table, or drop its header and keep every key at the top level)"
            )
        data = tool.get("seedkeeper", {}) if isinstance(tool, dict) else {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [tool.seedkeeper] must be a table")
    base = Settings(config_file=str(path), base_dir=str(path.resolve().parent))
    return _validated(replace(base, **_coerce(data, source=str(path))))
