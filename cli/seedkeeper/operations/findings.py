"""The findings the operations share, built from a survey: duplicates, languages, and whether
INDEX.md is what `seedkeeper index` would write. `corpus_findings` is every finding of `check`."""

from __future__ import annotations

from seedkeeper.corpus.discovery import INDEX_NAME
from seedkeeper.corpus.survey import Survey
from seedkeeper.problems import Problem, make

from .index_rows import current_text, render_for


def duplicate_problems(s: Survey) -> list[Problem]:
    """exact-duplicate (error), near-duplicate and contained-duplicate (warnings) for each repeat
    of a kept document."""
    # No line: the finding is about the whole document, and annotations land on the file itself.
    out = []
    for c in s.dedup.clusters if s.dedup else []:
        for d in c.duplicates:
            if d.kind in ("exact", "normalized"):
                how = "the same bytes as" if d.kind == "exact" else "the same normalized text as"
                out.append(make("exact-duplicate", d.file, f"{how} {d.of} (kept: {c.keep})"))
            elif d.kind == "contained":
                msg = f"{d.similarity:.0%} of its text is in the longer {d.of} (kept: {c.keep})"
                out.append(make("contained-duplicate", d.file, msg))
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
        if pinned and lang != "und" and not same_lang(pinned, lang):
            msg = f"INDEX.md says {pinned}, detected {lang} ({a.lang['confidence']:.2f})"
            out.append(make("lang-mismatch", a.rel, msg, line))
        effective = pinned or lang
        if allowed and effective != "und" and not any(same_lang(effective, x) for x in allowed):
            msg = f"{effective} is not in the allowed languages ({', '.join(sorted(allowed))})"
            out.append(make("lang-not-allowed", a.rel, msg))
    return out


def same_lang(a: str, b: str) -> bool:
    """`zh` matches `zh-Hans`, `no` matches `nb`; otherwise tags compare case-insensitively."""
    a, b = a.lower(), b.lower()
    alias = {"nb": "no", "iw": "he", "zh-cn": "zh-hans", "zh-tw": "zh-hant"}
    a, b = alias.get(a, a), alias.get(b, b)
    return a == b or a.split("-")[0] == b or b.split("-")[0] == a


def index_outdated() -> Problem:
    """The index-outdated finding (on INDEX.md, about the whole file)."""
    return make(
        "index-outdated",
        INDEX_NAME,
        "INDEX.md is not what `seedkeeper index` would write; run `seedkeeper index`",
        None,
    )


def index_outdated_problem(s: Survey) -> Problem | None:
    """index-outdated when INDEX.md differs from what `seedkeeper index` would write."""
    if s.corpus.index is None:
        return None  # index-missing / index-unreadable already say so
    old = current_text(s)
    return index_outdated() if render_for(s, old) != old else None


def corpus_findings(s: Survey) -> list[Problem]:
    """Every finding of `check` for a survey made with dedup and lang (no policy applied yet)."""
    problems = s.problems() + duplicate_problems(s) + language_problems(s)
    outdated = index_outdated_problem(s)
    if outdated is not None:
        problems.append(outdated)
    return problems
