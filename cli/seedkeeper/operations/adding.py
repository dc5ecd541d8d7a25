"""`add`: ingest new documents: decode, clean (UTF-8, NFC, LF), name, refuse duplicates (also a
file whose text is contained in a corpus document), tag, write atomically and list them in
INDEX.md. A new file that contains an existing document is added with a warning: the older one
becomes the duplicate at the next `dedup --apply`."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from seedkeeper.corpus.analysis import Features, language_for
from seedkeeper.corpus.atomic import folder_lock, write_atomic
from seedkeeper.corpus.content_checks import check_content
from seedkeeper.corpus.decoding import check_encoding, clean, decode
from seedkeeper.corpus.paths import matches_include, other_spellings_note, spelled_otherwise
from seedkeeper.corpus.pool import CacheSpec
from seedkeeper.corpus.survey import survey
from seedkeeper.errors import IndexWriteError, UsageError
from seedkeeper.problems import apply_policy
from seedkeeper.settings import Settings

from .add_duplicates import AddWarning, Refused, duplicate_verdict, duplicates_of_new
from .findings import DUPLICATE_CODES
from .index_rows import adopted_files, current_text, require_managed, write_rows


@dataclass
class Added:
    source: str
    file: str  # the new name inside the seeds folder
    lang: str
    confidence: float
    encoding: str
    warnings: list[AddWarning] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {**self.__dict__, "warnings": [str(w) for w in self.warnings]}


@dataclass
class AddReport:
    added: list[Added] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    dry_run: bool = False
    index_written: bool = False
    adopted: list[str] = field(default_factory=list)  # hand-written entries moved into managed tables
    index_diff: str = ""  # the change to INDEX.md, when hand-written entries were adopted

    def to_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "index_written": self.index_written,
            "adopted": self.adopted,
            "index_diff": self.index_diff,
            "added": [a.to_dict() for a in self.added],
            "refused": [r.__dict__ for r in self.refused],
        }


def next_number(names: Sequence[str]) -> tuple[int, int]:
    """The next document number after the highest `NNN_` prefix, and the digits to pad to."""
    nums = [m.group(1) for n in names if (m := re.match(r"(\d+)_", n.rsplit("/", 1)[-1]))]
    if not nums:
        return 0, 3
    return max(int(n) for n in nums) + 1, max(3, max(len(n) for n in nums))


def _read_source(source: str, src: Path, root: Path, settings: Settings, encoding: str):
    """(clean UTF-8 bytes, encoding used, warnings, its content findings) for the input file `source` (as
    typed), read from `src` (the path on disk: see on_disk), or why it is Refused."""
    if src.resolve().is_relative_to(root.resolve()):
        # As the bare command runs; the shell names the folder where that would not find it
        # (typed from inside the folder, or another one: `seedkeeper index ../seeds`).
        return Refused(
            source, "already-in-folder", "already inside the seeds folder; list it with `seedkeeper index` instead"
        )
    try:
        if not os.path.lexists(src):
            return Refused(source, "missing-file", "no such file")
        if not src.is_file():
            return Refused(source, "not-a-file", "not a regular file")
        if src.stat().st_size > settings.max_size:
            return Refused(source, "too-large", f"over the limit of {settings.max_size} bytes")
        raw = src.read_bytes()
    except OSError as exc:
        return Refused(source, "missing-file", f"cannot read: {exc.strerror}")
    try:
        text, used = decode(raw, encoding)
    except (UnicodeDecodeError, ValueError) as exc:
        code = "binary" if "binary" in str(exc) else "not-utf8"
        hint = "" if encoding == "auto" else " (try --encoding auto)"
        verdict = getattr(exc, "verdict", None)
        candidates = [c.to_dict() for c in verdict.candidates[:5]] if verdict is not None else []
        return Refused(source, code, f"cannot decode as {encoding}: {exc}{hint}", candidates)
    data = clean(text).encode("utf-8")
    result = check_content(src.name, data, settings.min_chars, in_folder=False)
    # What cannot be a document (empty, binary...) is refused whatever the config says; the
    # warnings are reported as check will report them: selected codes, configured severities.
    errors = [p for p in result.problems if p.severity == "error"]
    if errors:
        return Refused(source, errors[0].code, errors[0].message)
    found = apply_policy(result.problems, settings.select, settings.ignore, settings.severities)
    return data, used, [AddWarning(p.code, p.message, p.severity) for p in found], result.problems


def on_disk(source: str | os.PathLike) -> Path | None:
    """The file an input names: itself, or the one file beside it spelling its name otherwise
    ("café.txt" typed composed, the file decomposed as macOS wrote it); None when neither."""
    found, _ = spelled_otherwise(source)
    return None if found is None else Path(found)


def check_inputs(files: Sequence[str | os.PathLike]) -> None:
    """Inputs that are not there (in neither Unicode spelling of their name), or a folder among
    them, are usage errors (exit 2) that say what to type instead; nothing is read or written
    then. The commands suggested run on the folder the bare command finds (suggested.py: the
    shell names another one)."""
    missing = []
    for f in files:
        found, others = spelled_otherwise(f)
        if found is None:
            missing.append(f"{f}{other_spellings_note(others)}")
    if missing:
        raise UsageError(
            f"no such file: {', '.join(missing)} (check the path; `seedkeeper add` takes the files to copy in)"
        )
    for f in files:
        if on_disk(f).is_dir():
            others = " ".join(str(o) for o in files if o is not f) or "FILE..."
            raise UsageError(
                f"{f} is a folder, not a file. To add files into it as the seeds folder, type: "
                f"`seedkeeper add {others} --seeds {f}` (to add the files in it: `seedkeeper add {f}/*.txt`)"
            )


def _taken(root: Path, settings: Settings, on_disk: list[str] | None = None) -> list[str]:
    """Names whose numbers are taken: the documents on disk and every quarantined one (a later
    restore must not collide)."""
    from seedkeeper.corpus.discovery import discover
    from seedkeeper.corpus.quarantine import list_quarantined

    on_disk = discover(root, settings.include) if on_disk is None else on_disk
    return on_disk + [e.file for e in list_quarantined(root, include_restored=True)]


def _check_index_writable(root: Path) -> None:
    """INDEX.md must be rewritable before anything is written: otherwise a new document would be
    left behind unlisted when the index step refuses it."""
    from seedkeeper.indexmd.files import read_index_bytes

    raw_index = read_index_bytes(root)
    if raw_index is not None:
        try:
            raw_index.decode("utf-8")
        except UnicodeDecodeError:
            raise IndexWriteError("INDEX.md is not UTF-8; fix it before adding documents") from None


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
    from seedkeeper.lang.allowed import settle_allowed
    from seedkeeper.similarity.clustering import analyze_text

    settings = settings or Settings()
    root = Path(seeds)
    check_inputs(files)
    check_encoding(encoding)
    _check_index_writable(root)
    s = survey(root, settings, features=Features(dedup=True), cache=cache)
    report = AddReport(dry_run=dry_run)
    number, width = next_number(_taken(root, settings, s.corpus.on_disk))
    if not matches_include(f"{number:0{width}d}_{'0' * 16}.txt", settings.include):
        raise UsageError(
            f"new documents are named NNN_<hash>.txt, which the include globs "
            f"({', '.join(settings.include)}) do not match; add '*.txt' to include"
        )
    pending: list[tuple[str, bytes, str, list, tuple]] = []  # (source, data, encoding, warnings, findings)
    new_items, new_shingles = [], {}
    named: set[str] = set()
    for source in files:
        key = str(source)  # keyed by the source path until accepted: a refused file takes no number
        src = on_disk(source)  # check_inputs found it, in one spelling or the other
        if os.path.abspath(src) in named:
            report.refused.append(Refused(key, "duplicate-entry", "named twice on the command line; added once"))
            continue
        named.add(os.path.abspath(src))
        outcome = _read_source(key, src, root, settings, encoding)
        if isinstance(outcome, Refused):
            report.refused.append(outcome)
            continue
        data, used, warnings, findings = outcome
        text = data.decode("utf-8")
        item, sh = analyze_text(key, 10**9 + len(new_items), data, text)
        # Its size is its shingle count, as the corpus documents' (DocAnalysis.shingles) are.
        new_items.append(item)
        new_shingles[key] = sh
        pending.append((key, data, used, warnings, findings))
    # Duplicates against the corpus and among the new files themselves (same machinery as dedup).
    dup_of, contains = duplicates_of_new(s, settings, cache, new_items, new_shingles)
    to_write = []
    for source, data, used, warnings, findings in pending:
        verdict = duplicate_verdict(dup_of.get(source), contains.get(source, []), settings, force)
        if isinstance(verdict, str):
            report.refused.append(Refused(source, DUPLICATE_CODES[dup_of[source][1]], verdict))
            continue
        warnings = warnings + verdict
        name = f"{number:0{width}d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
        number += 1
        # As `tag` will report it: from the same findings (mojibake: und) before the config filters
        # them (it chooses what is reported, not what the text is), an open vote settled by the
        # allow-list where it can be. Tagged only once accepted: a refused copy is never tagged.
        lang = settle_allowed(language_for(data.decode("utf-8"), findings), settings.languages)
        report.added.append(Added(source, name, lang["lang"], lang["confidence"], used, warnings))
        to_write.append((report.added[-1], data))
    if to_write:
        require_managed(s)  # a dry run says so too: the real run would stop here
    if dry_run or not to_write:
        return report
    written: list[Path] = []
    try:
        with folder_lock(root):
            # The numbers are taken again under the lock, from the folder as it is now: two adds
            # running at once then never hand out the same number.
            number, width = next_number(_taken(root, settings))
            for added, data in to_write:
                added.file = f"{number:0{width}d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
                number += 1
                if os.path.lexists(root / added.file):
                    raise UsageError(f"{added.file} already exists in {root}; not overwriting")
                # Counted as written before it is: an interrupt after the rename, before the
                # append, would otherwise leave this copy behind unlisted.
                written.append(root / added.file)
                write_atomic(root / added.file, data, mode=0o644)

        def relist():
            return survey(root, settings, features=Features(dedup=True, lang=True), cache=cache)

        relisted = relist()
        new_names = {added.file for added, _ in to_write}
        report.adopted = [f for f in adopted_files(relisted) if f not in new_names]
        old = current_text(relisted)
        report.index_written, text = write_rows(relisted, old, resurvey=relist)
        if report.adopted:
            from seedkeeper.indexmd.files import unified_diff

            report.index_diff = unified_diff(old, text)
    except (OSError, IndexWriteError, KeyboardInterrupt):
        # A full disk, INDEX.md that `index` refuses to rewrite (its table would be hidden), or
        # Ctrl-C: the copies this run just made go again (the inputs are untouched), so nothing is
        # left half-added and running the same `add` again works. Not once INDEX.md lists them
        # (an interrupt just after it was written): then they are added, and stay.
        if not _listed(root, written):
            for path in written:
                with contextlib.suppress(OSError):
                    os.unlink(path)
        raise
    return report


def _listed(root: Path, written: list[Path]) -> bool:
    """Whether INDEX.md as it is on disk names any of the documents this run wrote."""
    try:
        index = (root / "INDEX.md").read_bytes()
    except OSError:
        return False
    return any(path.name.encode() in index for path in written)
