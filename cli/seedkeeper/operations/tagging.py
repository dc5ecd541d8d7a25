"""`tag`: each document's language, as a report (read-only)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from seedkeeper.corpus.analysis import NOT_TEXT_CODES, Features
from seedkeeper.corpus.pool import CacheSpec, Progress
from seedkeeper.corpus.survey import Survey, survey
from seedkeeper.problems import Problem
from seedkeeper.settings import Settings


@dataclass
class TagReport:
    """One entry per document, sorted by file: lang, confidence, and extras (others, pinned)."""

    documents: list[dict] = field(default_factory=list)
    # The lang-undetermined findings as `check` reports them: its words, the config's policy and
    # acceptances (and, as there, none for a document whose own finding, not-utf8 or mojibake,
    # already says why it has no language).
    undetermined: list[Problem] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"documents": self.documents}


# The explanation keys of a cached language record (LangResult.to_dict(explain=True)).
EXPLAIN_KEYS = ("decided_by", "candidates", "ruled_out")


def tag_report(s: Survey, explain: bool = False) -> TagReport:
    """Build the report from a survey made with Features(lang=True).

    With `explain`, each document also has "decided_by" (the rule that settled its tag),
    "candidates" (each detector's top languages and scores) and, for an "und" among close
    languages, "ruled_out" (those its own words rule out)."""
    pinned = {d.rel: d.pinned for d in s.corpus.documents if d.pinned}
    docs = []
    for a in sorted(s.analyses, key=lambda a: a.rel):
        if a.readable and a.lang is not None:
            entry = {"file": a.rel, **{k: v for k, v in a.lang.items() if explain or k not in EXPLAIN_KEYS}}
            not_text = sorted({p.code for p in a.problems if p.code in NOT_TEXT_CODES})
            if a.lang.get("decided_by") == "not-text" and not_text:
                entry["error"] = ", ".join(not_text)
        else:
            codes = sorted({p.code for p in a.problems if p.severity == "error"}) or ["unreadable"]
            entry = {"file": a.rel, "lang": "und", "confidence": 0.0, "error": ", ".join(codes)}
        if explain and "decided_by" not in entry:
            # Read, but not text (binary): "not-text", as for not-UTF-8 and mojibake; never read
            # (too large, not a file, gone): "unreadable".
            not_text = any(p.code in NOT_TEXT_CODES for p in a.problems)
            entry.update(decided_by="not-text" if not_text else "unreadable", candidates={})
        if a.rel in pinned:
            entry["pinned"] = pinned[a.rel]
        docs.append(entry)
    from .acceptance import reported
    from .findings import language_problems

    # As check reports them: accepted ones (per-file-ignores, `ignore:` notes) and codes the config
    # does not select left out, each at its configured severity; sorted by file.
    und = reported(s, [p for p in language_problems(s) if p.code == "lang-undetermined"])
    return TagReport(docs, und)


def tag(
    seeds: str | os.PathLike,
    settings: Settings | None = None,
    *,
    jobs: int | None = None,
    cache: CacheSpec | None = None,
    progress: Progress | None = None,
    explain: bool = False,
) -> TagReport:
    """Detect every document's language. Writes nothing in the seeds folder.

    `explain` adds each document's "decided_by" and "candidates" (see tag_report)."""
    s = survey(seeds, settings, features=Features(lang=True), jobs=jobs, cache=cache, progress=progress)
    return tag_report(s, explain)


def tag_files(
    paths: Sequence[str | os.PathLike],
    settings: Settings | None = None,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
    explain: bool = False,
) -> TagReport:
    """Detect the language of files named one by one, outside any seeds folder (no INDEX.md,
    no cache). Each keeps the name it was given in "file"; one that does not exist or is not a
    regular file is "und" with its finding in "error". Reads the files, writes nothing."""
    from seedkeeper.corpus.loose import survey_files

    s = survey_files(paths, settings, features=Features(lang=True), jobs=jobs, progress=progress)
    return tag_report(s, explain)
