"""`add`'s duplicate policy: which new files repeat a corpus document or each other (the same
clustering as `dedup`), and what `add` does about it: refuse a duplicate whose code the config
checks, add with a warning one it does not (or with --force), and warn when a new file contains
an older document, which `dedup --apply` will then move out."""

from __future__ import annotations

from dataclasses import dataclass, field

from seedkeeper.corpus.duplicate_clusters import cluster
from seedkeeper.problems import CODES, Severity, is_selected
from seedkeeper.settings import Settings

from .findings import DUPLICATE_CODES


@dataclass(frozen=True)
class AddWarning:
    """A finding about a document `add` added, at its configured severity; str() is
    "code: message", as JSON gives it."""

    code: str
    message: str
    severity: Severity = "warning"

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


@dataclass
class Refused:
    source: str
    code: str
    message: str
    # With --encoding auto and no clear choice: each candidate encoding with an excerpt.
    candidates: list[dict] = field(default_factory=list)


def duplicates_of_new(s, settings: Settings, cache, new_items, new_shingles):
    """Duplicates against the corpus and among the new files themselves (same machinery as
    dedup): {new file: (of, kind, similarity)}, and {new file: [(corpus document it contains,
    share)]}."""
    dup_of: dict[str, tuple[str, str, float]] = {}
    contains: dict[str, list[tuple[str, float]]] = {}
    if not new_items:
        return dup_of, contains
    res = cluster(
        s.corpus,
        s.analyses,
        settings.threshold,
        cache,
        extra=new_items,
        extra_shingles=new_shingles,
        containment=settings.containment,
    )
    for c in res.clusters:
        for d in c.duplicates:
            if d.file in new_shingles:
                dup_of[d.file] = (d.of, d.kind, d.similarity)
            elif d.kind == "contained" and d.of in new_shingles:
                contains.setdefault(d.of, []).append((d.file, d.similarity))
    return dup_of, contains


def duplicate_verdict(
    dup: tuple[str, str, float] | None, contains: list[tuple[str, float]], settings: Settings, force: bool
) -> str | list[AddWarning]:
    """What `add` does with one new file given what it duplicates (`dup`: of, kind, similarity)
    and the corpus documents it contains: the refusal message, or the warnings it is added with."""
    checked = _checked(settings)
    warnings: list[AddWarning] = []
    if dup is not None and not force:
        if checked(DUPLICATE_CODES[dup[1]]):
            return f"{_duplicate(*dup)}; use --force to add it anyway"
        warnings.append(_not_checked(*dup))
    if checked("contained-duplicate"):  # else dedup --apply will not move the older one
        severity = settings.severities.get("contained-duplicate", CODES["contained-duplicate"][0])
        for old, share in contains:
            message = (
                f"contains {share:.0%} of {old}, which becomes a contained duplicate "
                "at the next `seedkeeper dedup --apply`"
            )
            warnings.append(AddWarning("contained-duplicate", message, severity))
    return warnings


def _checked(settings: Settings):
    return lambda code: is_selected(code, select=settings.select, ignore=settings.ignore)


def _duplicate(of: str, kind: str, sim: float) -> str:
    if kind == "contained":
        return f"contained duplicate: {sim:.0%} of its text is in {of}"
    return f"{kind} duplicate ({sim:.2f}) of {of}"


def _not_checked(of: str, kind: str, sim: float) -> AddWarning:
    """A duplicate added because the config does not check its code (`ignore = ["near-duplicate"]`):
    check and dedup will never report it, so refusing it would contradict the corpus's own policy.
    Still said once, as a warning: a person adding a file wants to know it repeats another."""
    code = DUPLICATE_CODES[kind]
    return AddWarning(code, f"{_duplicate(of, kind, sim)}; added: {code} is not checked (select/ignore in the config)")
