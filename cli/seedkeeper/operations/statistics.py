"""`stats`: a summary of the corpus: counts, languages, sizes, duplicates, findings by code."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass

from seedkeeper.corpus.analysis import Features
from seedkeeper.corpus.pool import CacheSpec, Progress
from seedkeeper.corpus.survey import survey
from seedkeeper.problems import has_errors
from seedkeeper.settings import Settings

from .acceptance import reported
from .findings import corpus_findings, reported_clusters

# Size buckets in characters, for the distribution.
BUCKETS = (0, 100, 500, 1_000, 2_000, 5_000, 10_000, 50_000, 100_000)


@dataclass
class StatsReport:
    documents: int
    listed: int
    on_disk: int
    languages: dict[str, int]
    chars: dict[str, int]
    words_total: int
    size_buckets: list[dict]  # of the documents with text; the others are `no_text`
    no_text: int  # documents with no characters to count (binary, too large, unreadable)
    duplicates: dict[str, int]
    findings: dict[str, int]
    ok: bool

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "listed": self.listed,
            "on_disk": self.on_disk,
            "languages": self.languages,
            "chars": self.chars,
            "words_total": self.words_total,
            "size_buckets": self.size_buckets,
            "no_text": self.no_text,
            "duplicates": self.duplicates,
            "findings": self.findings,
            "ok": self.ok,
        }


def _percentile(sorted_values: list[int], q: float) -> int:
    if not sorted_values:
        return 0
    k = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[k]


def stats(
    seeds: str | os.PathLike,
    settings: Settings | None = None,
    *,
    jobs: int | None = None,
    cache: CacheSpec | None = None,
    progress: Progress | None = None,
) -> StatsReport:
    """Summarise the corpus (runs the same checks as `check`; writes nothing)."""
    s = survey(
        seeds,
        settings,
        features=Features(dedup=True, lang=True, quality=(settings or Settings()).quality_settings()),
        jobs=jobs,
        cache=cache,
        progress=progress,
    )
    problems = reported(s, corpus_findings(s, cache), report_unused=True)
    readable = [a for a in s.analyses if a.readable]
    # Every document has a language, as `tag` gives it: `und` for one with no text (binary, too
    # large, unreadable), so the languages add up to `documents`.
    langs = Counter(a.lang["lang"] if a.readable and a.lang else "und" for a in s.analyses)
    sizes = sorted(a.chars for a in readable)
    buckets = []
    for lo, hi in zip(BUCKETS, BUCKETS[1:] + (None,)):
        n = sum(1 for c in sizes if c >= lo and (hi is None or c < hi))
        buckets.append({"from": lo, "to": hi, "documents": n})
    # The duplicates dedup reports: an accepted one (or one of a code the config ignores) is no
    # more counted here than it is reported there or by check.
    clusters = reported_clusters(s.dedup, problems).clusters if s.dedup else []
    dups = Counter(d.kind for c in clusters for d in c.duplicates)
    # "listed": the documents INDEX.md lists (a list item, a table row or a link names them), so
    # that listed + unlisted = documents. An entry that names no readable file (missing, a folder,
    # a FIFO, an outward symlink, `..`, an absolute path) is a finding, counted under `findings`,
    # not a listed document; a document listed twice, or in both Unicode spellings, is one.
    listed = sum(1 for d in s.corpus.documents if d.entry is not None)
    return StatsReport(
        documents=len(s.analyses),
        listed=listed,
        on_disk=len(s.corpus.on_disk),
        languages=dict(sorted(langs.items(), key=lambda kv: (-kv[1], kv[0]))),
        chars={
            "total": sum(sizes),
            "min": sizes[0] if sizes else 0,
            "median": _percentile(sizes, 0.5),
            "p90": _percentile(sizes, 0.9),
            "max": sizes[-1] if sizes else 0,
        },
        words_total=sum(a.words for a in readable),
        size_buckets=buckets,
        no_text=len(s.analyses) - len(readable),
        duplicates={
            "clusters": len(clusters),
            **{k: dups.get(k, 0) for k in ("exact", "normalized", "near", "contained")},
            "too_short": len(s.dedup.too_short) if s.dedup else 0,
        },
        findings=dict(sorted(Counter(p.code for p in problems).items())),
        ok=not has_errors(problems),
    )
