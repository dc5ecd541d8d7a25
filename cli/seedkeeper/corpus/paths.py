"""Turning what INDEX.md says into a safe path inside the seeds folder, and matching names."""

from __future__ import annotations

import fnmatch
import functools
import os
import re
import unicodedata
import urllib.parse
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]+:")  # two letters at least: "C:" is a drive
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")


# C0 controls (tab aside), DEL and C1 controls: a terminal or a log viewer acts on them. Bidi
# embeddings, overrides and isolates (U+202A-202E, U+2066-2069) reorder the rest of the line on
# screen (a finding's heading, a table row). ZWNJ, ZWJ, LRM and RLM are ordinary text.
_UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]")


def is_decodable(name: str) -> bool:
    """False for a name that is not valid UTF-8 on disk (Python hands it over with surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown(text: str) -> str:
    """`text` safe to print anywhere (terminal, log, XML, INDEX.md): every control character and
    every byte that is not UTF-8 (a surrogate from os.fsdecode) becomes a visible `\\xNN` escape,
    a bidi control a `\\u202e` one.
    Printable text, tabs and non-Latin scripts are unchanged."""
    if not _UNPRINTABLE.search(text):
        return text

    def esc(m: re.Match[str]) -> str:
        ch = m.group()
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
            return f"\\x{code - 0xDC00:02x}"
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    return _UNPRINTABLE.sub(esc, text)


@dataclass(frozen=True)
class Target:
    """A reference target, normalized: `rel` is the folder-relative path, or None when unsafe."""

    written: str
    rel: str | None
    unsafe_reason: str | None = None


def is_external(target: str) -> bool:
    """URLs (`https:`, `mailto:`) and in-page anchors are not document references."""
    return bool(_SCHEME.match(target)) or target.startswith("#") or target.startswith("//")


# Where a backslash separates folders (Windows), `\\x.txt` is absolute and `..\\` climbs out; on
# POSIX it is an ordinary character of a name, and such a file can be listed like any other
# (`index` writes it, and `check` must then read the row it wrote).
BACKSLASH_SEPARATES = os.sep == "\\" or os.altsep == "\\"


def normalize_target(written: str, *, from_link: bool, backslash_separates: bool = BACKSLASH_SEPARATES) -> Target:
    """Normalize a reference: percent-decoding for links, `./` stripped, unsafe forms flagged.

    Absolute paths, `~`, Windows drives and any `..` segment are unsafe: they are never resolved,
    so nothing outside the folder is even looked at. `backslash_separates`: read `\\` as the
    platform reads it (a separator on Windows only).
    """
    t = written.strip()
    if from_link:
        t = t.split("#", 1)[0].split("?", 1)[0]
        t = urllib.parse.unquote(t)
    if "\x00" in t:
        # A `%00` in a link decodes to NUL: no file system can name it, and the OS refuses it.
        return Target(written, None, "a NUL character in the path")
    if t.startswith(("/", "~")) or (backslash_separates and t.startswith("\\")) or _DRIVE.match(t):
        return Target(written, None, "absolute path")
    if any(p == ".." for p in re.split(r"[\\/]" if backslash_separates else "/", t)):
        return Target(written, None, "climbs out of the folder with '..'")
    parts = [p for p in t.split("/") if p not in ("", ".")]
    if not parts:
        return Target(written, None, "empty path")
    return Target(written, "/".join(parts))


def matches_include(rel: str, include: tuple[str, ...]) -> bool:
    """A glob without '/' matches the file name at any depth; one with '/' matches the path from
    the seeds folder down (path_glob). Both are compared composed (NFC): a glob typed
    `آرشیو/*.txt` matches the folder macOS wrote decomposed, as INDEX.md's composed spelling
    names that file (see `nfc`)."""
    rel = nfc(rel)
    name = rel.rsplit("/", 1)[-1]
    for pattern in include:
        pattern = nfc(pattern)
        if "/" in pattern:
            if path_glob(pattern).fullmatch(rel):
                return True
        elif fnmatch.fnmatchcase(name, pattern):
            return True
    return False


@functools.lru_cache(maxsize=256)
def path_glob(pattern: str) -> re.Pattern[str]:
    """A glob with '/' as a pattern on a whole folder-relative path, as .gitignore and ripgrep
    read one: anchored at the seeds folder (`legal/*.txt` names `legal/x.txt`, never
    `archive/legal/x.txt`), `*`, `?` and `[...]` stay within one folder name (`legal/x/y.txt`
    is not `legal/*.txt`), and a `**` part stands for any number of folders, none included
    (`legal/**/*.txt`). A leading `./` is the seeds folder itself (an absolute glob, or one
    climbing out with `..`, is a configuration error: settings.py)."""
    while pattern.startswith("./"):
        pattern = pattern[2:]
    out: list[str] = []
    parts = pattern.split("/")
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out.append(".*" if last else "(?:[^/]*/)*")
            continue
        out.append(_segment(part))
        if not last:
            out.append("/")
    return re.compile("".join(out), re.DOTALL)


def _segment(part: str) -> str:
    """One folder or file name of a glob as a regular expression that never crosses '/'."""
    out: list[str] = []
    i, n = 0, len(part)
    while i < n:
        c = part[i]
        i += 1
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = i + (i < n and part[i] == "!")
            j += j < n and part[j] == "]"  # a "]" first in the set is a member, as fnmatch reads it
            end = part.find("]", j)
            if end < 0:
                out.append(r"\[")  # no closing bracket: a plain "[", as fnmatch reads it
                continue
            out.append(_char_set(part[i - 1 : end + 1]))
            i = end + 1
        else:
            out.append(re.escape(c))
    return "".join(out)


def _char_set(bracketed: str) -> str:
    """A glob's `[...]` set as a regular expression that never matches '/': fnmatch's own
    translation of it, so a set reads in a path glob as in a name glob. Its edge cases (a
    reversed range `[z-a]` matching nothing, `[^x]` holding a caret, `[[]`, `[a-]`) are
    fnmatch's; a set written by hand would turn `[z-a]` into a regular-expression error."""
    translated = re.fullmatch(r"\(\?s:(.*)\)\\[Zz]", fnmatch.translate(bracketed), re.DOTALL)
    if translated is None:  # not fnmatch's shape (it has been since Python 3.7): the set literally
        return re.escape(bracketed)
    return "(?!/)" + translated.group(1)


# The seeds folder's own index: never a document, whatever the include globs say.
INDEX_NAME = "INDEX.md"


def is_document_path(rel: str, include: tuple[str, ...]) -> bool:
    """Whether a folder-relative, '/'-separated path is a document's by its name: it matches the
    include globs (matches_include), no part of it is hidden (starts with '.') and it is not
    INDEX.md. The one rule discovery finds documents by and INDEX.md's references are read by, so
    a file INDEX.md lists is a document exactly when discovery would find it."""
    # A part starting with "." is the path's start or follows a "/": two scans, not a split (one
    # call per reference of a 100,000-row INDEX.md).
    return rel != INDEX_NAME and not rel.startswith(".") and "/." not in rel and matches_include(rel, include)


def matches_glob(rel: str, pattern: str) -> bool:
    """A per-file-ignores glob on a folder-relative path, read as an include glob is
    (matches_include): without '/' it matches the file name at any depth, with '/' the path
    from the seeds folder down; both composed (NFC), so an entry typed composed accepts the
    findings of a file named decomposed."""
    return matches_include(rel, (pattern,))


def looks_like_reference(written: str, include: tuple[str, ...], name_re: re.Pattern[str], *, from_link: bool) -> bool:
    """Does this link target or list word name a document? A safe one when its folder-relative
    path is a document's, by discovery's rule (is_document_path): with `include = ["legal/*.txt"]`
    `other/x.txt` names none, as `notes.md` names none under `*.txt`. An unsafe one (absolute, or
    climbing out with `..`) has no path in the folder to match and is never read: it names a
    document when its file name fits an include glob's last part or the name pattern, so that
    `unsafe-path` says why the file it was meant to list is not read."""
    t = written.strip()
    if from_link and is_external(t):
        return False
    target = normalize_target(t, from_link=from_link)
    if target.rel is not None:
        return is_document_path(target.rel, include)
    if from_link:
        t = urllib.parse.unquote(t.split("#", 1)[0].split("?", 1)[0])
    name = t.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    if not name:
        return False
    return matches_include(name, tuple(p.rsplit("/", 1)[-1] for p in include)) or bool(name_re.fullmatch(name))


# One name, two Unicode spellings: macOS writes names decomposed (NFD: "e" + U+0301), INDEX.md is
# usually typed composed (NFC: "é"). Both name one file, unless each is a file of its own (a file
# system that compares names byte for byte, as Linux does, can hold both).


def nfc(rel: str) -> str:
    """`rel` composed (NFC). ASCII is its own NFC form (nearly every name): no table walk."""
    return rel if rel.isascii() else unicodedata.normalize("NFC", rel)


def by_nfc(files: Iterable[str]) -> dict[str, str]:
    """NFC spelling -> the one non-ASCII file of `files` with it (a spelling two files share
    names neither)."""
    groups: dict[str, list[str]] = {}
    for f in files:
        if not f.isascii():
            groups.setdefault(nfc(f), []).append(f)
    return {k: v[0] for k, v in groups.items() if len(v) == 1}


def spelled_as_file(rel: str, files: Collection[str], files_by_nfc: Mapping[str, str]) -> str:
    """The file of `files` that `rel` names: itself, or the one file it spells otherwise; else
    `rel`. (`files_by_nfc` is by_nfc(files).)"""
    if rel.isascii() or rel in files:
        return rel
    return files_by_nfc.get(nfc(rel), rel)


def spelled_otherwise(path: str | os.PathLike) -> tuple[str | None, list[str]]:
    """A path a person typed, found in the other Unicode spelling of its name: `(path to open,
    the other spellings found beside it)`.

    `path` itself when it is there (a dangling symbolic link too: it is the file named); else,
    when exactly one entry of its folder has the same NFC name, that entry, beside it ("café.txt"
    typed composed, the file decomposed as macOS wrote it); else None, with the entries that
    share the name when there are several (by_nfc's rule: a spelling two files share names
    neither). Only the last part of the path is looked up; ASCII has one spelling."""
    text = os.fspath(path)
    if os.path.lexists(text):
        return text, []
    folder, name = os.path.split(text)
    if name.isascii():
        return None, []
    try:
        entries = os.listdir(folder or ".")
    except (OSError, ValueError):
        return None, []
    others = [os.path.join(folder, e) for e in sorted(entries) if not e.isascii() and nfc(e) == nfc(name)]
    return (others[0] if len(others) == 1 else None), others


def other_spellings_note(others: list[str]) -> str:
    """Why a typed name found none of its several other spellings: " (2 entries spell this name
    otherwise: caf\\u00e9.txt, cafe\\u0301.txt; type one as the folder spells it)", each with
    its composed letters and combining marks escaped, since they print alike; "" for none."""
    if len(others) < 2:
        return ""

    def spelled(p: str) -> str:
        return "".join(
            f"\\u{ord(ch):04x}" if unicodedata.combining(ch) or unicodedata.decomposition(ch) else ch for ch in shown(p)
        )

    names = ", ".join(map(spelled, others))
    return f" ({len(others)} entries spell this name otherwise: {names}; type one as the folder spells it)"
