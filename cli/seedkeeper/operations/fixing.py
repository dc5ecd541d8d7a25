"""`fix`: repair the mechanical findings in place (bom, crlf, not-nfc, control-char, and with an
encoding, not-utf8), atomically, then refresh the managed table in INDEX.md (fix_index.py; a dry
run says, and a diff shows, what that refresh would write too).

Like `ruff --fix`: only selected codes are repaired, a dry run or a diff writes nothing, and what
cannot be repaired with confidence is reported, never guessed. A document whose bytes changed
between the survey and the write is left alone.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from seedkeeper.corpus.analysis import Features
from seedkeeper.corpus.atomic import folder_lock, write_atomic
from seedkeeper.corpus.content_checks import check_content
from seedkeeper.corpus.discovery import INDEX_NAME
from seedkeeper.corpus.paths import shown
from seedkeeper.corpus.pool import CacheSpec, Progress
from seedkeeper.corpus.repair import CHANGES_LETTERS, FIXABLE, Repair, repair
from seedkeeper.corpus.safe_read import read_bytes
from seedkeeper.corpus.survey import survey
from seedkeeper.errors import NotARegularFileError
from seedkeeper.problems import Problem, apply_policy, make
from seedkeeper.settings import Settings

from . import fix_index
from .acceptance import accept


@dataclass
class Fixed:
    file: str
    codes: list[str]
    encoding: str | None = None  # the encoding the document was read from, when not UTF-8

    def to_dict(self) -> dict:
        out: dict = {"file": self.file, "codes": self.codes}
        if self.encoding is not None:
            out["encoding"] = self.encoding
        return out


@dataclass
class Unfixed:
    file: str
    code: str
    message: str

    def to_dict(self) -> dict:
        return {"file": self.file, "code": self.code, "message": self.message}


@dataclass
class FixReport:
    """What `fix` repaired (or would), what it refused, and the fixable findings left."""

    fixed: list[Fixed] = field(default_factory=list)
    refused: list[Unfixed] = field(default_factory=list)
    remaining: list[Unfixed] = field(default_factory=list)
    dry_run: bool = False
    index_written: bool = False
    index_changed: bool = False  # INDEX.md was rewritten or, in a dry run, would be
    adopted: list[str] = field(default_factory=list)  # hand-written entries moved into a managed table
    diff: str = ""

    @property
    def ok(self) -> bool:
        """True when nothing fixable is left (a dry run that would change something is not ok)."""
        return not self.refused and not self.remaining and not (self.dry_run and self.fixed)

    def to_dict(self) -> dict:
        return {
            "ok": self.ok,
            "dry_run": self.dry_run,
            "index_written": self.index_written,
            "index_changed": self.index_changed,
            "adopted": self.adopted,
            "fixed": [f.to_dict() for f in self.fixed],
            "refused": [r.to_dict() for r in self.refused],
            "remaining": [r.to_dict() for r in self.remaining],
        }


def unfixed_findings(report: FixReport, settings: Settings) -> list[Problem]:
    """What `fix` refused or left (and, in a dry run, what it would repair: nothing is fixed
    yet, and the run fails on it), as findings at each code's severity as `check` gives it (the
    config's `severity` table; `fix` still fails on any of them, as `dedup` on any duplicate)."""
    found = [make(r.code, r.file, r.message) for r in report.refused + report.remaining]
    if report.dry_run:
        found += [make(code, f.file, "`seedkeeper fix` would repair it") for f in report.fixed for code in f.codes]
        if report.index_changed:
            found.append(make("index-outdated", INDEX_NAME, f"`seedkeeper fix` would {_index_change(report)}"))
    return apply_policy(found, severities=settings.severities)


def wanted_codes(settings: Settings) -> tuple[set[str], set[str]]:
    """(the fixable codes the settings select, the ones to repair): a repair that changes
    letters is selected by ALL or a prefix, but repaired only when named."""
    selected = {c for c in FIXABLE if apply_policy([make(c, None, "")], settings.select, settings.ignore)}
    return selected, {c for c in selected if c not in CHANGES_LETTERS or c in settings.select}


def fix(
    seeds: str | os.PathLike,
    settings: Settings | None = None,
    *,
    encoding: str | None = None,
    dry_run: bool = False,
    diff: bool = False,
    cache: CacheSpec | None = None,
    progress: Progress | None = None,
) -> FixReport:
    """Repair the selected mechanical findings in every document; with dry_run, write nothing.

    `encoding` ("auto" or a codec name) allows converting non-UTF-8 documents (legacy code pages,
    UTF-16) to UTF-8; without it they are refused. Raises FolderNotFoundError, and UsageError for
    an encoding no codec has."""
    settings = settings or Settings()
    if encoding is not None:
        from seedkeeper.corpus.decoding import check_encoding

        check_encoding(encoding)  # before anything is read, as add checks it
    s = survey(seeds, settings, features=Features(), cache=cache, progress=progress)
    selected, wanted = wanted_codes(settings)
    report = FixReport(dry_run=dry_run or diff)
    infos = {d.rel: d.info for d in s.corpus.documents}
    accepted = _accepted(s)
    plans: list[tuple[str, str, Repair]] = []  # (rel, sha256 of the bytes read, repair)
    for a in s.analyses:
        # An accepted finding (per-file-ignores, `ignore:` note) is left as it is, as ruff's
        # --fix leaves a noqa'd line.
        skip = accepted.get(a.rel, set())
        codes = {p.code for p in a.problems} & set(FIXABLE) - skip
        if not codes & selected or a.rel not in infos or "not-utf8" in skip:
            continue
        try:
            raw = read_bytes(infos[a.rel], settings.max_size + 1)
        except (OSError, NotARegularFileError) as exc:
            report.refused.append(Unfixed(a.rel, sorted(codes)[0], f"cannot read: {exc}"))
            continue
        r = repair(raw, wanted - skip, encoding, mojibake_accepted="mojibake" in skip)
        report.refused.extend(Unfixed(a.rel, code, why) for code, why in r.refused)
        if r.data is not None:
            plans.append((a.rel, hashlib.sha256(raw).hexdigest(), r))
            report.fixed.append(Fixed(a.rel, r.codes, r.encoding))
        if not r.refused:
            left = r.data if r.data is not None else raw
            report.remaining.extend(_remaining(a.rel, left, selected - skip, settings, r.kept))
    if diff:
        report.diff = "".join(_diff(rel, r) for rel, _, r in plans)
    managed = s.corpus.index is not None and s.corpus.index.managed_span is not None
    if not plans or (report.dry_run and not managed):
        return report
    if report.dry_run:
        # What the refresh below would write, from the repaired bytes (nothing is written).
        change = fix_index.preview(s.root, settings, {rel: r.data for rel, _, r in plans}, cache)
        report.index_changed, report.adopted = change.changed, change.adopted
        if diff and change.changed:
            report.diff += f"# {INDEX_NAME}: {_index_change(report, verb=False)}\n{change.diff}"
        return report
    _write(s.root, infos, plans, report, settings.max_size + 1)
    if managed:
        change = fix_index.refresh(s.root, settings, cache, [f.file for f in report.fixed])
        report.index_written = report.index_changed = change.changed
        report.adopted = change.adopted
    return report


def _index_change(report: FixReport, *, verb: bool = True) -> str:
    """`rewrite the managed table, adopting x.txt` (or without the verb: `managed table refreshed, ...`)."""
    out = "rewrite the managed table" if verb else "managed table refreshed"
    return out + (f", adopting {', '.join(report.adopted)}" if report.adopted else "")


def _accepted(s) -> dict[str, set[str]]:
    """Per document, the content codes it has that per-file-ignores or its INDEX.md note accept."""
    found = s.problems()
    kept = {(p.file, p.code) for p in accept(s, found, report_unused=False)}
    out: dict[str, set[str]] = {}
    for p in found:
        if p.file is not None and (p.file, p.code) not in kept:
            out.setdefault(p.file, set()).add(p.code)
    return out


def _remaining(rel: str, data: bytes, selected: set[str], settings: Settings, why: dict[str, str]) -> list[Unfixed]:
    """The selected fixable findings the repaired bytes still have (checked again, not assumed);
    `why` says, by code, why the repair left some of it."""
    left = {p.code for p in check_content(rel, data, settings.min_chars).problems} & selected
    out = []
    for code in sorted(left):
        hint = " (changes letters: select it by name, --select mojibake)" if code in CHANGES_LETTERS else ""
        out.append(Unfixed(rel, code, why.get(code, f"not repaired{hint}")))
    return out


def _write(root: Path, infos: dict, plans: list[tuple[str, str, Repair]], report: FixReport, limit: int) -> None:
    """Write each repaired document atomically, unless its bytes changed since they were read."""
    with folder_lock(root):
        for rel, sha, r in plans:
            try:
                now = read_bytes(infos[rel], limit)
            except (OSError, NotARegularFileError):
                now = b""
            if hashlib.sha256(now).hexdigest() != sha:
                report.fixed = [f for f in report.fixed if f.file != rel]
                report.refused.append(Unfixed(rel, r.codes[0], "changed while fixing; not written, run fix again"))
                continue
            write_atomic(infos[rel].path, r.data)


# Format characters that are ordinary text (ZWNJ and ZWJ in Persian or Hindi words, LRM and RLM):
# shown as they are, not escaped, in a diff; other invisible characters are escaped.
_SHOWN_AS_IS = "\t\u200c\u200d\u200e\u200f"


def _diff(rel: str, r: Repair) -> str:
    """A unified diff of one document; invisible changes (CR, BOM, controls) are shown escaped."""
    import difflib

    def visible(text: str) -> list[str]:
        # Lines as the file has them: split at LF only (splitlines also splits at CR, FF, VT, NEL,
        # LS and PS, which are shown escaped inside their line).
        lines = text.split("\n")
        if lines[-1] == "":
            lines.pop()
        out = []
        for body in lines:
            body = body.replace("\r", "\\r").replace("\ufeff", "\\ufeff")
            body = "".join(ch if ch in _SHOWN_AS_IS or ch.isprintable() else f"\\u{ord(ch):04x}" for ch in body)
            out.append(body + "\n")
        return out

    old = visible(r.old_text)
    new = visible(r.new_text)
    head = f"# {shown(rel)}: {', '.join(r.codes)}" + (f" (read as {r.encoding})" if r.encoding else "")
    if "not-nfc" in r.codes:
        head += " (not-nfc: changed lines differ in how their letters are encoded, not in how they look)"
    head += "\n"
    rel = shown(rel)
    body = "".join(difflib.unified_diff(old, new, f"a/{rel}", f"b/{rel}"))
    if not body:  # only the normalization changed: same visible text
        body = f"--- a/{rel}\n+++ b/{rel}\n(only bytes change: {', '.join(r.codes)})\n"
    return head + body
