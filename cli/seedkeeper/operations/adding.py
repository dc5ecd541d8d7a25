"""`add`: ingest new documents: decode, clean (UTF-8, NFC, LF), name, refuse duplicates, tag,
write atomically and list them in INDEX.md."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from seedkeeper.corpus.analysis import Features
from seedkeeper.corpus.atomic import folder_lock, write_atomic
from seedkeeper.corpus.content_checks import check_content, looks_binary
from seedkeeper.corpus.paths import matches_include
from seedkeeper.corpus.pool import CacheSpec
from seedkeeper.corpus.survey import cluster, survey
from seedkeeper.errors import UsageError
from seedkeeper.settings import Settings

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


# Tie-break for equally scored guesses: the legacy encodings most text actually comes in.
_PREFERENCE = [
    "utf_8",
    "cp1252",
    "cp1256",
    "cp1251",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_kr",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp874",
    "iso8859_15",
    "latin_1",
    "cp1250",
    "cp1257",
    "koi8_r",
    "mac_roman",
]


@dataclass
class Added:
    source: str
    file: str  # the new name inside the seeds folder
    lang: str
    confidence: float
    encoding: str
    warnings: list[str] = field(default_factory=list)


@dataclass
class Refused:
    source: str
    code: str
    message: str


@dataclass
class AddReport:
    added: list[Added] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    dry_run: bool = False
    index_written: bool = False

    def to_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "index_written": self.index_written,
            "added": [a.__dict__ for a in self.added],
            "refused": [r.__dict__ for r in self.refused],
        }


def decode(raw: bytes, encoding: str) -> tuple[str, str]:
    """Decode input bytes: strict UTF-8 by default; 'auto' tries BOMs, UTF-8, then
    charset-normalizer's best guess; any other value is a codec name. Raises ValueError."""
    if encoding.lower() in ("utf-8", "utf8"):
        return raw.decode("utf-8-sig"), "utf-8"
    if encoding.lower() != "auto":
        try:
            return raw.decode(encoding), encoding
        except LookupError:
            raise UsageError(f"unknown encoding: {encoding}") from None
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return raw.decode(name), name
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if looks_binary(raw):
        raise ValueError("binary data, not text")
    from charset_normalizer import from_bytes

    # The default chaos threshold (0.2) rejects real text with many format characters (ZWNJ in
    # cp1256 Persian scores 0.15-0.3); a second, more tolerant pass still ranks by chaos.
    matches = list(from_bytes(raw)) or list(from_bytes(raw, threshold=0.5))
    if not matches:
        raise ValueError("no text encoding fits these bytes")
    # charset-normalizer often scores several code pages the same (cp1250, cp1252 and cp1257
    # all decode French with equal chaos and coherence); among the best-scored, take the most
    # widely used one rather than the first listed.
    low = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= low + 1e-6]
    high = max(m.coherence for m in tied)
    tied = [m for m in tied if m.coherence >= high - 1e-6]
    best = min(
        tied,
        key=lambda m: (_PREFERENCE.index(m.encoding) if m.encoding in _PREFERENCE else len(_PREFERENCE), m.encoding),
    )
    return str(best), best.encoding


def clean(text: str) -> str:
    """UTF-8-ready text: no BOM, LF line endings, Unicode NFC."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def next_number(names: Sequence[str]) -> tuple[int, int]:
    """The next document number after the highest `NNN_` prefix, and the digits to pad to."""
    nums = [m.group(1) for n in names if (m := re.match(r"(\d+)_", n.rsplit("/", 1)[-1]))]
    if not nums:
        return 0, 3
    return max(int(n) for n in nums) + 1, max(3, max(len(n) for n in nums))


def add(
    files: Sequence[str | os.PathLike],
    seeds: str | os.PathLike,
    settings: Settings | None = None,
    *,
    encoding: str = "utf-8",
    force: bool = False,
    dry_run: bool = False,
    cache: CacheSpec | None = None,
) -> AddReport:
    """Add documents to the corpus. Refused ones are reported, never half-written."""
    from seedkeeper.lang import detect_language
    from seedkeeper.operations.indexing import index
    from seedkeeper.similarity.clustering import analyze_text

    settings = settings or Settings()
    root = Path(seeds)
    # INDEX.md must be rewritable before anything is written: otherwise a new document would be
    # left behind unlisted when the index step refuses it.
    from seedkeeper.indexmd.files import read_index_bytes

    raw_index = read_index_bytes(root)
    if raw_index is not None:
        try:
            raw_index.decode("utf-8")
        except UnicodeDecodeError:
            raise UsageError("INDEX.md is not UTF-8; fix it before adding documents") from None
    s = survey(root, settings, features=Features(dedup=True), cache=cache)
    report = AddReport(dry_run=dry_run)
    from seedkeeper.corpus.quarantine import list_quarantined

    # Quarantined documents keep their numbers: a later restore must not collide.
    taken = s.corpus.on_disk + [e.file for e in list_quarantined(root, include_restored=True)]
    number, width = next_number(taken)
    if not matches_include(f"{number:0{width}d}_{'0' * 16}.txt", settings.include):
        raise UsageError(
            f"new documents are named NNN_<hash>.txt, which the include globs "
            f"({', '.join(settings.include)}) do not match; add '*.txt' to include"
        )
    pending: list[tuple[str, bytes, str, list[str]]] = []  # (source, data, encoding, warnings)
    new_items, new_shingles = [], {}
    root_real = root.resolve()
    for source in files:
        src = Path(source)
        if src.resolve().is_relative_to(root_real):
            report.refused.append(
                Refused(
                    str(source),
                    "already-in-folder",
                    "already inside the seeds folder; list it with `seedkeeper index` instead",
                )
            )
            continue
        try:
            if not src.is_file():
                report.refused.append(Refused(str(source), "not-a-file", "not a regular file"))
                continue
            if src.stat().st_size > settings.max_size:
                report.refused.append(Refused(str(source), "too-large", f"over the limit of {settings.max_size} bytes"))
                continue
            raw = src.read_bytes()
        except OSError as exc:
            report.refused.append(Refused(str(source), "missing-file", f"cannot read: {exc.strerror}"))
            continue
        try:
            text, used = decode(raw, encoding)
        except (UnicodeDecodeError, ValueError) as exc:
            code = "binary" if "binary" in str(exc) else "not-utf8"
            hint = "" if encoding == "auto" else " (try --encoding auto)"
            report.refused.append(Refused(str(source), code, f"cannot decode as {encoding}: {exc}{hint}"))
            continue
        data = clean(text).encode("utf-8")
        result = check_content(src.name, data, settings.min_chars)
        errors = [p for p in result.problems if p.severity == "error"]
        if errors:
            report.refused.append(Refused(str(source), errors[0].code, errors[0].message))
            continue
        # Keyed by the source path until accepted: a refused file takes no number.
        key = str(source)
        if key in new_shingles:
            continue  # the same file named twice
        item, sh = analyze_text(key, 10**9 + len(new_items), data, data.decode("utf-8"))
        new_items.append(item)
        new_shingles[key] = sh
        pending.append((key, data, used, [f"{p.code}: {p.message}" for p in result.problems]))
    # Duplicates against the corpus and among the new files themselves (same machinery as dedup).
    dup_of: dict[str, tuple[str, str, float]] = {}
    if new_items:
        res = cluster(s.corpus, s.analyses, settings.threshold, cache, extra=new_items, extra_shingles=new_shingles)
        for c in res.clusters:
            for d in c.duplicates:
                if d.file in new_shingles:
                    dup_of[d.file] = (d.of, d.kind, d.similarity)
    to_write = []
    for source, data, used, warnings in pending:
        if source in dup_of and not force:
            of, kind, sim = dup_of[source]
            code = "near-duplicate" if kind == "near" else "exact-duplicate"
            report.refused.append(
                Refused(source, code, f"{kind} duplicate ({sim:.2f}) of {of}; use --force to add it anyway")
            )
            continue
        name = f"{number:0{width}d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
        number += 1
        lang = detect_language(data.decode("utf-8"))
        report.added.append(Added(source, name, lang.lang, lang.confidence, used, warnings))
        to_write.append((name, data))
    if dry_run or not to_write:
        return report
    with folder_lock(root):
        for name, data in to_write:
            if os.path.lexists(root / name):
                raise UsageError(f"{name} already exists in {root}; not overwriting")
            write_atomic(root / name, data, mode=0o644)
    report.index_written = index(root, settings, cache=cache).written
    return report
