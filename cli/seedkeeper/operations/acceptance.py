"""Accepted findings: per-file-ignores in the config (globs to codes, like ruff's) and
`ignore: CODE` in a document's INDEX.md note. Shared by validate, check and stats.

An acceptance that matched no finding is reported as `unused-ignore` (like ruff's unused noqa),
but only where every check ran (check, stats) and the code was selected: otherwise "unused"
could only mean "not checked this time".
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import dataclass

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
        name = rel.rsplit("/", 1)[-1]
        return fnmatch.fnmatchcase(rel, self.glob) or ("/" not in self.glob and fnmatch.fnmatchcase(name, self.glob))


def _rules(s: Survey) -> list[_Rule]:
    rules = [_Rule(sel, None, glob=glob) for glob, codes in s.settings.per_file_ignores for sel in codes]
    for doc in s.corpus.documents:
        accepted = entry_ignores(doc.entry)
        if accepted:  # rare: most entries accept nothing
            line = doc.entry.line if doc.entry is not None else doc.line
            rules.extend(_Rule(sel, doc.rel, line=line) for sel in accepted)
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
    out = []
    for r in rules:
        if r.used:
            continue
        where = f"per-file-ignores {r.glob!r}" if r.file is None else "the INDEX.md note"
        if not known_selector(r.selector):
            out.append(make("unused-ignore", r.file, f"{where} ignores {r.selector!r}, which is no code", r.line))
        elif any(matches(c, [r.selector]) for c in selected if c != "unused-ignore"):
            out.append(make("unused-ignore", r.file, f"{where} ignores {r.selector}, which no finding needs", r.line))
    return out
