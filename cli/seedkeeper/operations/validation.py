"""`validate` and `check`: findings reports over one survey of the seeds folder.

`validate` runs the index and content checks; `check`, the CI gate, adds duplicates, languages
and `index-outdated`. Both are read-only: nothing is written in the seeds folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from seedkeeper.corpus.analysis import DocAnalysis, Features
from seedkeeper.corpus.gcpause import paused_gc
from seedkeeper.corpus.pool import CacheSpec, Progress
from seedkeeper.corpus.survey import Survey, survey
from seedkeeper.problems import Problem, has_errors
from seedkeeper.settings import Settings

from .acceptance import reported
from .findings import corpus_findings, reported_clusters


@dataclass
class Report:
    """Findings about a seeds folder, already filtered by select/ignore and sorted.

    `survey` is the pass the findings came from (check reports also carry the duplicate clusters)."""

    root: Path
    problems: list[Problem]
    documents: int  # how many documents were checked
    analyses: list[DocAnalysis] = field(default_factory=list)
    survey: Survey | None = field(default=None, repr=False)
    # check: the duplicate clusters whose findings it reports (findings.reported_clusters), as
    # `dedup` reports them: without what an acceptance or the select/ignore policy leaves out.
    clusters: list | None = None

    def ok(self, strict: bool = False) -> bool:
        return not has_errors(self.problems, strict)

    def counts(self) -> dict[str, int]:
        errors = sum(p.severity == "error" for p in self.problems)
        return {"documents": self.documents, "errors": errors, "warnings": len(self.problems) - errors}

    def to_dict(self, strict: bool = False) -> dict:
        data = {"ok": self.ok(strict), "problems": [p.to_dict() for p in self.problems], "summary": self.counts()}
        if self.clusters is not None:
            data["clusters"] = [c.to_dict() for c in self.clusters]
        return data


# Kept for library users: a check report is a Report that carries its clusters.
CheckReport = Report


def report_for(s: Survey, problems: list[Problem], *, report_unused: bool = True) -> Report:
    """Drop accepted findings (per-file-ignores, `ignore:` notes), apply the settings'
    select/ignore/severity policy and build the report. `report_unused` adds unused-ignore: only
    when every check ran (check), since validate cannot tell "unused" from "not checked"."""
    kept = reported(s, problems, report_unused=report_unused)
    clusters = reported_clusters(s.dedup, kept).clusters if s.dedup is not None else None
    return Report(
        root=s.root, problems=kept, documents=len(s.corpus.documents), analyses=s.analyses, survey=s, clusters=clusters
    )


def _quality(settings: Settings | None):
    return (settings or Settings()).quality_settings()


def validate(
    seeds: str | os.PathLike,
    settings: Settings | None = None,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> Report:
    """Check INDEX.md against the folder and every listed document's content.

    Raises FolderNotFoundError if `seeds` is not a folder. Reads only; writes nothing."""
    s = survey(seeds, settings, features=Features(quality=_quality(settings)), jobs=jobs, progress=progress)
    report = report_for(s, s.problems(), report_unused=False)
    report.survey = None  # validate reports no clusters
    return report


def check(
    seeds: str | os.PathLike,
    settings: Settings | None = None,
    *,
    jobs: int | None = None,
    cache: CacheSpec | None = None,
    progress: Progress | None = None,
) -> Report:
    """Run every check; write nothing in the seeds folder (the cache lives outside it)."""
    with paused_gc():  # the findings of every document are built here too
        s = survey(
            seeds,
            settings,
            features=Features(dedup=True, lang=True, quality=_quality(settings)),
            jobs=jobs,
            cache=cache,
            progress=progress,
        )
        return report_for(s, corpus_findings(s, cache))
