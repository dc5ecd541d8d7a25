"""The findings the operations share, built from a survey: duplicates, languages, and whether
INDEX.md is what `seedkeeper index` would write. `corpus_findings` is every finding of `check`."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from seedkeeper.corpus.discovery import INDEX_NAME
from seedkeeper.corpus.pool import CacheSpec
from seedkeeper.corpus.safe_moves import movable
from seedkeeper.corpus.survey import Survey
from seedkeeper.lang.result import ranked_candidates
from seedkeeper.lang.tags import same_lang
from seedkeeper.problems import Problem, make

from .index_rows import current_text, quarantined_mentions, render_for, row_values

if TYPE_CHECKING:  # pragma: no cover
    from seedkeeper.similarity.results import DedupResult


# The finding each kind of duplicate gets: the one mapping, for check, dedup and add.
DUPLICATE_CODES = {
    "exact": "exact-duplicate",
    "normalized": "exact-duplicate",
    "near": "near-duplicate",
    "contained": "contained-duplicate",
}


def duplicate_problems(s: Survey) -> list[Problem]:
    """exact-duplicate (error), near-duplicate and contained-duplicate (warnings) for each repeat
    of a kept document (DUPLICATE_CODES)."""
    # No line: the finding is about the whole document, and annotations land on the file itself.
    out = []
    for c in s.dedup.clusters if s.dedup else []:
        for d in c.duplicates:
            if d.kind in ("exact", "normalized"):
                how = "the same bytes as" if d.kind == "exact" else "the same normalized text as"
                msg = f"{how} {d.of} (kept: {c.keep})"
            elif d.kind == "contained":
                # Not "the longer": an edited copy of about the same length is contained in
                # the earlier listed one too (similarity.clustering).
                msg = f"{d.similarity:.0%} of its text is in {d.of} (kept: {c.keep})"
            else:
                msg = f"{d.similarity:.0%} similar to {d.of} (kept: {c.keep})"
            code = DUPLICATE_CODES[d.kind]
            out.append(make(code, d.file, f"{msg}; {duplicate_hint(code, movable(s.root / d.file))}"))
    return out


def duplicate_hint(code: str, moves: bool = True) -> str:
    """What resolves a duplicate finding: move the copy out (restorably) or accept it in INDEX.md
    (README "Accepting findings"), so the finding itself says what to type next. A symlink, which
    `dedup --apply` leaves in place (`moves` False), is removed instead."""
    accept = f"accept it with `ignore: {code}` in its note"
    if not moves:
        return f"a symlink, which `seedkeeper dedup --apply` leaves in place: remove the link, or {accept}"
    return f"`seedkeeper dedup --apply` moves it out (restorable), or {accept}"


def reported_clusters(result: DedupResult, reported: Iterable[Problem]) -> DedupResult:
    """`result` with only the duplicates whose finding is in `reported` (the findings left after
    acceptances and the select/ignore policy), clusters left without one dropped: the clusters
    `check` and `stats` show are the ones `dedup` reports and `dedup --apply` moves."""
    if not result.clusters:
        return result
    from seedkeeper.similarity.results import Cluster, DedupResult

    codes = set(DUPLICATE_CODES.values())
    kept = {(p.file, p.code) for p in reported if p.code in codes}
    clusters = [
        Cluster(c.keep, [d for d in c.duplicates if (d.file, DUPLICATE_CODES[d.kind]) in kept]) for c in result.clusters
    ]
    return DedupResult([c for c in clusters if c.duplicates], result.too_short, result.confirmed)


def language_problems(s: Survey) -> list[Problem]:
    """lang-undetermined, lang-mismatch (a person's pinned language differs), lang-not-allowed."""
    out = []
    allowed = set(s.settings.languages)
    entries = {d.rel: d for d in s.corpus.documents}
    for a in s.analyses:
        if not a.readable or a.lang is None or any(p.code in _SAID_ALREADY for p in a.problems):
            continue  # an empty or garbled document already has its finding; "und" would only repeat it
        lang = a.lang["lang"]
        doc = entries.get(a.rel)
        pinned = doc.pinned if doc else None
        # Where the pin is written, which a lang-mismatch asks to fix (a later listing's, maybe).
        at = doc.pin or doc.entry if doc else None
        line = at.line if at is not None else (doc.line if doc else None)
        if lang == "und":
            out.append(make("lang-undetermined", a.rel, _undetermined(a.lang), None))
        if pinned and lang != "und" and not same_lang(pinned, lang):
            msg = f"INDEX.md says {pinned}, detected {lang} ({a.lang['confidence']:.2f})"
            names = candidate_langs(a.lang, limit=4)
            if names:
                msg += f"; candidates: {', '.join(names)}"
            out.append(make("lang-mismatch", a.rel, msg, line))
        effective = pinned or lang
        if allowed and effective != "und" and not any(same_lang(effective, x) for x in allowed):
            msg = f"{effective} is not in the allowed languages ({', '.join(sorted(allowed))})"
            out.append(make("lang-not-allowed", a.rel, msg))
    return out


# Findings that already explain why a document has no language: empty, not UTF-8, garbled.
_SAID_ALREADY = ("empty", "not-utf8", "mojibake")


def _undetermined(lang: dict) -> str:
    """The lang-undetermined message: too little text, or the detectors' disagreeing candidates."""
    ruled_out = [str(x) for x in lang.get("ruled_out") or () if isinstance(x, str)]
    # A language the text's own words rule out is no candidate (`tag --explain` says so too): what
    # is left is the very list `tag` shows as the und's candidates (its "others"), every one.
    names = [n for n in candidate_langs(lang) if n not in ruled_out]
    rule = lang.get("decided_by")
    also = f"; its words rule out {', '.join(ruled_out)}" if ruled_out else ""
    if rule == "disagreement" and names:
        return f"the language could not be determined (the detectors disagree: {', '.join(names)}{also})"
    if rule in ("close-pair-undecided", "sh-undecided", "script-shared") and names:
        # The detectors may agree: the text is one that close languages write alike.
        return f"the language could not be determined (close languages write it alike: {', '.join(names)}{also})"
    why = _WHY_UND.get(str(rule).split(":")[0], "too little text")
    if str(rule).startswith("tagger-error"):
        why += f" ({str(rule).split(': ', 1)[-1]}); please report it"
    return f"the language could not be determined ({why})"


# Why an "und" that is neither a disagreement nor a close pair (decided_by -> words).
_WHY_UND = {
    "zh-variant-unknown": "Chinese that writes no character only Simplified or only Traditional has",
    "han-ja-or-zh": "kanji that Japanese and Chinese both write, with no kana",
    "unknown-script": "a script none of the detectors knows",
    "tagger-error": "the tagger failed on this text",
}


def candidate_langs(lang: dict, limit: int | None = None) -> list[str]:
    """Distinct languages the detectors proposed, in the one order `tag` shows an `und`'s
    candidates in (result.ranked_candidates: best score first, ties by tag); at most `limit`.

    `lang` is a cached LangResult.to_dict(explain=True); records without candidates give []."""
    candidates = lang.get("candidates")
    tops = [top for top in candidates.values() if isinstance(top, list)] if isinstance(candidates, dict) else []
    pairs = ([(str(c.get("lang")), float(c.get("score") or 0.0)) for c in top if isinstance(c, dict)] for top in tops)
    return [name for name, _ in ranked_candidates(pairs)][:limit]


def index_outdated() -> Problem:
    """The index-outdated finding (on INDEX.md, about the whole file)."""
    return make(
        "index-outdated",
        INDEX_NAME,
        "INDEX.md is not what `seedkeeper index` would write; run `seedkeeper index`",
        None,
    )


# Bump when the table `seedkeeper index` writes may change for the same rows and INDEX.md text.
# 5: a CRLF INDEX.md keeps CRLF; NFC/NFD spellings are one row. 6: markers inside a raw HTML
# block (`<pre>`, `<script>`, ...) are text; a new table goes before a block left open at the end.
# 7: the pin is entries.first_pins. 8: a link in the other Unicode spelling is the file's name
# (adoption copies no name into Notes); a note is read with its continuation lines. 9: index
# refuses a placement that hides its table (the finding then carries the reason). 10: a hand
# table's Status (Words, SHA-256...) cell holding a person's words is carried into Notes.
# 11: a pin is a tag of registered subtags (entries.is_pin_tag), so a note's "no-nonsense" stays a note.
# 12: a hand table's Pinned column wins over its Language column (row_pins.lang_from_cells).
# 13: a carried cell whose `Header: text` would pin is written `Header — text` (hand_cells._labelled).
# 14: a `lang:` in a hand table's Language column moves to Pinned with its label.
# 15: a Pinned cell shaped like a tag pins, registered or not.
# 16: a person's words in the Language column of a table shaped like ours, outside the markers,
# are carried into Notes. 18 (17 was a reverted rule): a `lang:` there pins for check too.
# 19: a label a person typed before a pin ("Status: lang: fa") stays in Notes.
# 20: a Title cell of a table shaped like ours outside the markers that is not the title index
# writes, a second column of a name (Notes, Pinned, Title), in the managed table too, and the
# words beside a File cell's name; a header whose rows all went into the table goes when no
# column name is lost (indexmd/rescued.py).
# 21: a person's words in the managed table's computed cells are carried into Notes (what the
# tool never writes there; a Title, Words or Chars cell edited while the row's hash is the text's).
# 22: a document link's title carried into Notes, and a footnote reference after a file name
# read as GitHub shows it (link_titles, footnotes).
# 23: both of the above together (a memo of either alone is stale).
# 24: a person's words beside the link in the managed table's File cell are carried into Notes;
# also, a link target with parentheses read whole (a note no longer carries half of it).
# 25: a hand table's File cell `[x.txt](x.txt) — from Sara` carries "from Sara", not the name too.
# 26: all of the above together (a memo of any alone is stale).
# 27: a pin moved out of "note (lang: fa), more" leaves "note, more" (entries.without_pinned_lang).
# 28: a hand table row listing several documents gives each its own row, which names the others
# in Notes (`Header: name`); a row also listing a document not on disk stays for it (row_refs.py).
# 29: a later cell naming a document another listing lists is a mention: none of its row's
# words go into that document's Notes (indexmd/row_refs.settle_later_cells); a row's pin goes
# only into its first document's Pinned, and out of the others' Notes (pinned_notes.adopted_fields);
# an adopted table in a blockquote loses its header as any other does (rescued._cells, row_body).
# 30: a person's list item or table row typed between the markers naming a file not on disk moves
# above the begin marker (with its table's header) instead of being dropped (indexmd/rescued.py).
# 31: `lang：fa` (and the other marks of Persian/Arabic and CJK punctuation) pins and moves to
# Pinned with its seam, as `lang: fa` does (entries.COLONS, COMMAS...).
# 32: an entry outside the include globs (matched on its path) is no document's row.
# 33: a glob with '/' is anchored at the seeds folder, `*` within one folder name, a `**` part
# zero or more folders (paths.path_glob).
# 34: a bidi control in a file name is written escaped (`\u202e`) in the File cell's text (paths.shown).
# 35: a line break in a file name is written `\x0a` in its File link's text, not a space (table.file_link).
# 36: a `[...]` set in a glob with '/' reads as fnmatch reads it (paths._char_set).
_OUTDATED_MEMO_VERSION = "36"


def index_outdated_problem(s: Survey, cache: CacheSpec | None = None) -> Problem | None:
    """index-outdated when INDEX.md differs from what `seedkeeper index` would write.

    With a cache, the answer is kept by everything the rendered text depends on (INDEX.md's
    text, every row, the settings that name documents, the versions): a warm run of an
    unchanged corpus does not render the whole table again to compare it. And when INDEX.md is
    the text last found up to date and a listed document's short hash has changed since, the
    answer is yes without rendering: that hash is a cell of the document's row."""
    from seedkeeper.errors import IndexWriteError

    try:
        return _index_outdated_problem(s, cache)
    except IndexWriteError as exc:
        # `index` would refuse to write (its table would not stay put): INDEX.md needs a person,
        # and `check` says so as a finding, never by stopping.
        return make("index-outdated", INDEX_NAME, str(exc).removeprefix("INDEX.md: "), None)


def _index_outdated_problem(s: Survey, cache: CacheSpec | None) -> Problem | None:
    if s.corpus.index is None:
        return None  # index-missing / index-unreadable already say so
    if s.corpus.index.managed_span is None:
        # No managed table yet (a hand-written list): `index` would add one, whatever the rows.
        # Unless it would refuse to (an HTML block that could hide its table): then say why.
        from seedkeeper.indexmd.hiding_blocks import may_hide_markers

        if may_hide_markers(s.corpus.index.text):
            render_for(s, current_text(s), rows=_rows(row_values(s)))  # raises IndexWriteError
        return index_outdated()
    old = current_text(s)
    values = row_values(s)
    if cache is None or old is None:
        return index_outdated() if render_for(s, old, rows=_rows(values)) != old else None
    from seedkeeper.corpus.cache import Cache
    from seedkeeper.corpus.index_memo import text_digest

    h = text_digest(old, s.settings.include, s.settings.name_pattern, f"outdated-{_OUTDATED_MEMO_VERSION}")
    text_key = "uptodate-" + h.copy().hexdigest()
    # Every field of every row, as one repr of plain tuples (a dataclass repr per row costs more).
    h.update(("\x00" + repr(values)).encode("utf-8", "surrogatepass"))
    mentions = quarantined_mentions(s)
    if mentions:  # what the quarantine holds changes how later cells read (row_refs.as_mentions)
        h.update(("\x00" + repr(sorted(mentions))).encode("utf-8", "surrogatepass"))
    key = "outdated-" + h.hexdigest()
    store = Cache(cache.folder)
    try:
        known = store.get_blob(key, "index-outdated")
        if known in (b"0", b"1"):
            outdated = known == b"1"
        else:
            outdated = _hash_changed(store.get_blob(text_key, "index-uptodate"), values)
            if not outdated:
                outdated = render_for(s, old, rows=_rows(values)) != old
            if not outdated:
                shas = json.dumps({v[0]: v[4] for v in values}, sort_keys=True).encode()
                store.put_blobs("index-uptodate", [(text_key, shas)])
            store.put_blobs("index-outdated", [(key, b"1" if outdated else b"0")])
    finally:
        store.close()
    return index_outdated() if outdated else None


def _hash_changed(blob: bytes | None, values) -> bool:
    """True when a document of `values` (row_values) had another short hash when this INDEX.md
    was up to date."""
    try:
        then = json.loads(blob) if blob else None
    except ValueError:
        return False  # a damaged memo decides nothing: the table is rendered
    if not isinstance(then, dict):
        return False
    return any(then.get(v[0], v[4]) != v[4] for v in values)


def _rows(values) -> list:
    from seedkeeper.indexmd.table import IndexRow

    return [IndexRow(*v) for v in values]


def corpus_findings(s: Survey, cache: CacheSpec | None = None) -> list[Problem]:
    """Every finding of `check` for a survey made with dedup and lang (no policy applied yet);
    `cache` (the survey's) keeps whether INDEX.md is outdated."""
    problems = s.problems() + duplicate_problems(s) + language_problems(s)
    outdated = index_outdated_problem(s, cache)
    if outdated is not None:
        problems.append(outdated)
    return problems
