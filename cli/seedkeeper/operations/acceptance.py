"""Accepted findings: per-file-ignores in the config (globs to codes, like ruff's) and
`ignore: CODE` in a document's INDEX.md note. Shared by validate, check and stats.

An acceptance that matched no finding is reported as `unused-ignore` (like ruff's unused noqa),
but only where every check ran (check, stats) and the code was selected: otherwise "unused"
could only mean "not checked this time".
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass

from seedkeeper.corpus.paths import matches_glob
from seedkeeper.corpus.survey import Survey
from seedkeeper.indexmd.notes import entry_ignores
from seedkeeper.problems import CODES, Problem, apply_policy, make, matches
from seedkeeper.settings import known_selector


@dataclass
class _Rule:
    selector: str
    file: str | None  # the document a note is about; None for a config glob
    glob: str | None = None
    line: int | None = None
    used: bool = False

    def covers(self, rel: str) -> bool:
        if self.file is not None:
            return rel == self.file
        # A glob without "/" also matches the file name anywhere below the folder, as in ruff.
        return matches_glob(rel, self.glob or "")


def _rules(s: Survey) -> list[_Rule]:
    rules = [_Rule(sel, None, glob=glob) for glob, codes in s.settings.per_file_ignores for sel in codes]
    documents = {doc.rel for doc in s.corpus.documents}
    seen: dict[str, set[str]] = {}  # document -> selectors it has a rule for already
    # Every listing of a document accepts: `index` merges a file's listings into one row, notes
    # and all, so a later listing's `ignore:` must count before `index` has run, too.
    index = s.corpus.index
    # An INDEX.md without the word "ignore" (nearly all) accepts nothing: one search, not a
    # look at every listing.
    for entry in index.entries if index is not None and "ignore" in index.text else ():
        if entry.rel is None:
            continue
        rel = s.corpus.named(entry.rel)
        accepted = entry_ignores(entry) if rel in documents else ()
        if accepted:  # rare: most entries accept nothing
            have = seen.setdefault(rel, set())
            rules.extend(_Rule(sel, rel, line=entry.line) for sel in accepted if sel not in have)
            have.update(accepted)
    return rules


def accept(s: Survey, problems: Iterable[Problem], *, report_unused: bool) -> list[Problem]:
    """Drop the accepted findings; with report_unused, add unused-ignore for acceptances that
    matched nothing although their codes were checked and selected."""
    rules = _rules(s)
    if not rules:
        return list(problems)
    # Notes are per document (a dict lookup); config globs are few and are tried on each file once.
    by_note: dict[str, list[_Rule]] = {}
    for r in rules:
        if r.file is not None:
            by_note.setdefault(r.file, []).append(r)
    globs = [r for r in rules if r.file is None]
    by_file: dict[str, list[_Rule]] = {}
    kept = []
    for p in problems:
        if p.file is not None:
            if p.file not in by_file:
                by_file[p.file] = by_note.get(p.file, []) + [r for r in globs if r.covers(p.file)]
            hits = [r for r in by_file[p.file] if matches(p.code, [r.selector])]
            if hits:
                for r in hits:
                    r.used = True
                continue
        kept.append(p)
    if report_unused:
        kept.extend(_unused(s, rules))
    return kept


def _unused(s: Survey, rules: list[_Rule]) -> list[Problem]:
    st = s.settings
    selected = {p.code for p in apply_policy([make(c, None, "") for c in CODES], st.select, st.ignore)}
    config = _config_place(s)
    out = []
    for r in rules:
        if r.used:
            continue
        file, line, where = r.file, r.line, "the INDEX.md note"
        if r.file is None:
            # On the config file, where the fix goes (a path relative to the seeds folder, as
            # every `file` is), with the line of the glob in the message: the line of a finding
            # with this code is an INDEX.md line.
            file, text = config
            at = _line_of(text, r.glob or "")
            where = f"per-file-ignores {r.glob!r}" + (f" (line {at})" if at else "")
        if not known_selector(r.selector):
            out.append(make("unused-ignore", file, f"{where} ignores {r.selector!r}, which is no code", line))
        elif any(matches(c, [r.selector]) for c in selected if c != "unused-ignore"):
            out.append(make("unused-ignore", file, f"{where} ignores {r.selector}, which no finding needs", line))
    return out


def _config_place(s: Survey) -> tuple[str | None, str]:
    """(the config file relative to the seeds folder, its text) for findings about it; (None, "")
    when there is none or it cannot be read."""
    path = s.settings.config_file
    if not path:
        return None, ""
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(s.root)).replace(os.sep, "/")
    try:
        with open(path, encoding="utf-8") as fh:
            return rel, fh.read()
    except (OSError, UnicodeDecodeError):
        return rel, ""


# The per-file-ignores table's header ([per-file-ignores], [tool.seedkeeper.per-file-ignores]),
# its inline form (per-file-ignores = {...}) or a dotted key (per-file-ignores."x/*.txt" = [...]).
_PFI = r"""(?:tool\s*\.\s*seedkeeper\s*\.\s*)?["']?per[-_]file[-_]ignores["']?"""
_PFI_START = re.compile(rf"\s*(?:\[\s*{_PFI}\s*\]|{_PFI}\s*(?:=|\.))")


def _line_of(text: str, glob: str) -> int | None:
    """The 1-based line where `glob` is written as a key of per-file-ignores, if found: the
    quoted glob followed by `=`, from the table's start on, so that the same glob written
    earlier as a value (`include = ["*.txt"]`) or in a comment does not take its place."""
    lines = text.splitlines()
    start = next((n for n, line in enumerate(lines) if _PFI_START.match(line)), 0)
    # After the start of a line, an inline table's `{` or `,`, or a dotted key's `.`.
    key = re.compile(rf"""(?:^|[{{,.])\s*(?:"{re.escape(glob)}"|'{re.escape(glob)}')\s*=""")
    for n in range(start, len(lines)):
        if not lines[n].lstrip().startswith("#") and key.search(lines[n]):
            return n + 1
    return None


def reported(s: Survey, problems: Iterable[Problem], *, report_unused: bool = False) -> list[Problem]:
    """`problems` as `check` reports them: accepted ones dropped (accept), then the settings'
    select/ignore/severity policy applied. One rule for check, validate, stats and tag."""
    st = s.settings
    return apply_policy(accept(s, problems, report_unused=report_unused), st.select, st.ignore, st.severities)
