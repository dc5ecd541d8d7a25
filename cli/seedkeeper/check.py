"""`check`, the CI gate: validate + duplicates + language findings + index-outdated, read-only."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .analysis import Features
from .pipeline import CacheSpec, Progress
from .problems import Problem, make
from .settings import Settings
from .survey import Survey, survey
from .validate import Report, finish


@dataclass
class CheckReport(Report):
    """A validate Report plus what check adds: the duplicate clusters and the tags."""

    survey: Survey | None = field(default=None, repr=False)

    def to_dict(self, strict: bool = False) -> dict:
        data = super().to_dict(strict)
        if self.survey is not None and self.survey.dedup is not None:
            data["clusters"] = [c.to_dict() for c in self.survey.dedup.clusters]
        return data


def duplicate_problems(s: Survey) -> list[Problem]:
    """exact-duplicate (error) and near-duplicate (warning) for each repeat of a kept document."""
    # No line: the finding is about the whole document, and annotations land on the file itself.
    out = []
    for c in s.dedup.clusters if s.dedup else []:
        for d in c.duplicates:
            if d.kind in ("exact", "normalized"):
                how = "the same bytes as" if d.kind == "exact" else "the same normalized text as"
                out.append(make("exact-duplicate", d.file, f"{how} {d.of} (kept: {c.keep})"))
            else:
                out.append(make("near-duplicate", d.file, f"{d.similarity:.0%} similar to {d.of} (kept: {c.keep})"))
    return out


def language_problems(s: Survey) -> list[Problem]:
    """lang-undetermined, lang-mismatch (a person's pinned language differs), lang-not-allowed."""
    out = []
    allowed = set(s.settings.languages)
    entries = {d.rel: d for d in s.corpus.documents}
    for a in s.analyses:
        if not a.readable or a.lang is None or any(p.code == "empty" for p in a.problems):
            continue  # an empty document already has its finding; "und" would only repeat it
        lang = a.lang["lang"]
        doc = entries.get(a.rel)
        line = doc.entry.line if doc and doc.entry else (doc.line if doc else None)
        pinned = doc.entry.lang if doc and doc.entry else None
        if lang == "und":
            out.append(make("lang-undetermined", a.rel, "the language could not be determined (too little text)", None))
        if pinned and lang != "und" and not _same_lang(pinned, lang):
            out.append(make("lang-mismatch", a.rel, f"INDEX.md says {pinned}, detected {lang} ({a.lang['confidence']:.2f})", line))
        effective = pinned or lang
        if allowed and effective != "und" and not any(_same_lang(effective, x) for x in allowed):
            out.append(make("lang-not-allowed", a.rel, f"{effective} is not in the allowed languages ({', '.join(sorted(allowed))})"))
    return out


def _same_lang(a: str, b: str) -> bool:
    """`zh` matches `zh-Hans`, `no` matches `nb`; otherwise tags compare case-insensitively."""
    a, b = a.lower(), b.lower()
    alias = {"nb": "no", "iw": "he", "zh-cn": "zh-hans", "zh-tw": "zh-hant"}
    a, b = alias.get(a, a), alias.get(b, b)
    return a == b or a.split("-")[0] == b or b.split("-")[0] == a


def check(
    seeds: str | os.PathLike,
    settings: Settings | None = None,
    *,
    jobs: int | None = None,
    cache: CacheSpec | None = None,
    progress: Progress | None = None,
) -> CheckReport:
    """Run every check; write nothing in the seeds folder (the cache lives outside it)."""
    from .indexing import index_outdated_problem

    settings = settings or Settings()
    s = survey(seeds, settings, features=Features(dedup=True, lang=True), jobs=jobs, cache=cache, progress=progress)
    problems = s.problems() + duplicate_problems(s) + language_problems(s)
    outdated = index_outdated_problem(s)
    if outdated is not None:
        problems.append(outdated)
    base = finish(s.corpus, problems, s.analyses)
    return CheckReport(root=base.root, problems=base.problems, documents=base.documents, analyses=base.analyses, survey=s)
