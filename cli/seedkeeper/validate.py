"""`validate`: the index checks plus the content checks of every listed document."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .analysis import DocAnalysis, Features
from .corpus import Corpus, load_corpus
from .pipeline import Progress, run_analysis
from .problems import Problem, apply_policy, has_errors
from .settings import Settings


@dataclass
class Report:
    """Findings about a seeds folder, already filtered by select/ignore and sorted."""

    root: Path
    problems: list[Problem]
    documents: int  # how many documents were checked
    analyses: list[DocAnalysis] = field(default_factory=list)

    def ok(self, strict: bool = False) -> bool:
        return not has_errors(self.problems, strict)

    def counts(self) -> dict[str, int]:
        errors = sum(p.severity == "error" for p in self.problems)
        return {"documents": self.documents, "errors": errors, "warnings": len(self.problems) - errors}

    def to_dict(self, strict: bool = False) -> dict:
        return {"ok": self.ok(strict), "problems": [p.to_dict() for p in self.problems], "summary": self.counts()}


def finish(corpus: Corpus, problems: list[Problem], analyses: list[DocAnalysis]) -> Report:
    """Apply the settings' select/ignore/severity policy and build the report."""
    s = corpus.settings
    kept = apply_policy(problems, s.select, s.ignore, s.severities)
    return Report(root=corpus.root, problems=kept, documents=len(corpus.documents), analyses=analyses)


def validate(
    seeds: str | os.PathLike,
    settings: Settings | None = None,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> Report:
    """Check INDEX.md against the folder and every listed document's content.

    Raises FolderNotFoundError if `seeds` is not a folder. Reads only; writes nothing."""
    settings = settings or Settings()
    corpus = load_corpus(seeds, settings)
    problems = list(corpus.problems)
    analyses = []
    for a in run_analysis(corpus.documents, max_size=settings.max_size, min_chars=settings.min_chars,
                          features=Features(), jobs=settings.effective_jobs() if jobs is None else jobs,
                          progress=progress):
        problems.extend(a.problems)
        analyses.append(a)
    return finish(corpus, problems, analyses)
