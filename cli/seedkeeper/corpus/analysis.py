"""Per-document work: read once, then content checks, hashes, sizes, title, and (on request) the
dedup signature and the language. The result is a small picklable record, so it can come back
from a worker process and be stored in the cache; the text itself is not kept.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from seedkeeper.corpus.content_checks import check_content
from seedkeeper.corpus.model import CorpusDocument
from seedkeeper.corpus.safe_read import read_bytes
from seedkeeper.corpus.titles import short_title
from seedkeeper.errors import NotARegularFileError
from seedkeeper.problems import Problem, make

# Bump when anything this module computes may change for the same bytes (a cache key part).
# 24: a line longer than 16,000 characters is judged on its beginning (misread.py).
# 23: letters listed in title case and capitals ("Àèìòù ÀÈÌÒÙ") are no misreading (readings.py).
# 22: pages of one script that read a line alike but for a letter are told apart by the words
# that letter is in ("Άρθρο" in ISO-8859-7, "¶ρθρο" in cp1253) (misread.py).
# 21: letters listed in both cases ("ÅÄÖ åäö", "ñÑ çÇ") are no misreading (misread.py).
# 20: a line of symbols without a letter ("•—•—•", "·«·") is no DOS Cyrillic or Thai misread;
# a page the first misread line reads alike with another is settled by the whole text.
# 19: review: a letter list split into short words ("ÀÈÌÒÙ àèìòù") is no misreading; one letter
# three times in a word ("СССР") is no stretched letter.
# 18: DOS Cyrillic (cp866) read as cp1252, half symbols, is mojibake too (misread.py).
# 17: where the judge leaves several code pages, the words of each reading decide (misread.py):
# a finding names one page where it named several.
# 16: misread.py refuses letter lists ("ÄÖÜäöüß" was read as Greek), stretched letters and words
# that mix Latin with another script ("Été" was read as "Йtй").
# 15: another script's code page read as cp1252 ("ÇááÛÉ", "Ìîñêâà") is mojibake (corpus.misread).
# 14: emoji variation selectors are no letters of any script (lang.scripts.script_of), which the
# mojibake judgement (corpus.textsigns) reads too.
# 13: too-short says "1 character". 12: both of the below together (a cache of either alone is stale).
# 11: the findings `fix` repairs (bom, crlf, control-char, not-nfc, mojibake) end with that
# command, and empty with what resolves it (cached messages would lack them).
# 11 (also): the mojibake sample shows ZWNJ, ZWJ, LRM and RLM as themselves (quality.masking.quoted).
# 10: the mojibake finding's sample masks personal data (a cached message would print it).
# 9: `shingles`, dedup's size of a document (word counts were off for ZWNJ-rich text).
# 8: not-utf8 ends with the `fix --encoding auto` that repairs it. 7: not-utf8 says "byte N of
# the line"; 6: too-short counts no format characters; 5: not-valid text is und, explanations
# cached, UTF-16 is not-utf8.
ANALYSIS_VERSION = "24"


# A "word": a run of letters/digits (ZWNJ/ZWJ keep Persian words whole), or one CJK character,
# since Chinese and Japanese do not separate words with spaces.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_WORD = re.compile(rf"[{_CJK}]|(?:[^\W{_CJK}]|[\u200c\u200d])+")

# Text that is not what its author wrote (bytes that are not UTF-8, binary, mojibake): a language
# "detected" there describes the wrong decoding, not the document (cp1252 Arabic reads as ro/da).
NOT_TEXT_CODES = ("not-utf8", "binary", "mojibake")


@dataclass(frozen=True)
class Features:
    """Which parts of the analysis to compute (what the command needs)."""

    dedup: bool = False
    lang: bool = False
    # Content quality and personal data (seedkeeper.quality.QualitySettings), None for off.
    quality: object | None = None


@dataclass
class DocAnalysis:
    """What one document yields. `readable` is False when it could not be read as text."""

    rel: str
    size: int
    sha256: str = ""
    problems: tuple[Problem, ...] = ()
    readable: bool = False
    chars: int = 0
    words: int = 0
    title: str = ""
    normalized_hash: str | None = None
    # Distinct shingles of the normalized text, 0 without dedup: the size containment candidates
    # are screened on. Not `words`, which keeps "می‌خواهم" one word where normalization makes two.
    shingles: int = 0
    signature: bytes | None = None  # MinHash signature bytes; None when too short to compare
    line_fps: str | None = None  # boilerplate line fingerprints (quality.pack_fingerprints, hex)
    lang: dict | None = None  # LangResult.to_dict(explain=True): the explanation is cached too


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def analyze_bytes(rel: str, raw: bytes, min_chars: int, features: Features, sha256: str | None = None) -> DocAnalysis:
    """Analyse a document's bytes (the pure part: no file system access)."""
    result = check_content(rel, raw, min_chars)
    sha256 = sha256 or hashlib.sha256(raw).hexdigest()
    a = DocAnalysis(rel=rel, size=len(raw), sha256=sha256, problems=tuple(result.problems))
    text = result.text
    if text is None:
        return a
    if text.startswith("\ufeff"):
        text = text[1:]
    a.readable = True
    a.chars = len(text)
    a.words = count_words(text)
    a.title = short_title(text)
    if features.dedup:
        from seedkeeper.similarity.clustering import analyze_text

        item, sh = analyze_text(rel, 0, raw, text)
        a.normalized_hash = item.normalized_hash
        a.shingles = int(sh.size)
        a.signature = None if item.signature is None else item.signature.tobytes()
    if features.lang:
        a.lang = language_for(text, a.problems)
    if features.quality is not None:
        _add_quality(a, text, features.quality)
    return a


def language_for(text: str, problems: Iterable[Problem]) -> dict:
    """The tag a document with these findings (check_content's, before select/ignore) carries:
    `und` decided by "not-text" when one says the text is not what its author wrote, else
    language_of(text). `tag`, the INDEX.md row and `add` all take it from here."""
    from seedkeeper.lang import LangResult

    if any(p.code in NOT_TEXT_CODES for p in problems):
        return LangResult("und", 0.0, decided_by="not-text").to_dict(explain=True)
    return language_of(text)


def language_of(text: str) -> dict:
    """detect_language(text) as a cached record (LangResult.to_dict(explain=True)), never raising.

    A defect of the tagger on one text (a RecursionError once) makes that document "und", with
    the reason in `tag --explain`, and the others are still tagged. The same text fails the same
    way, so caching it is right; running out of memory, or a detector's data missing from a
    broken install, is the machine's state, and is raised."""
    from seedkeeper.errors import DetectorDataError
    from seedkeeper.lang import LangResult, detect_language

    try:
        return detect_language(text).to_dict(explain=True)
    except (MemoryError, DetectorDataError):
        raise  # the machine's state, not the text's: never cached as the text's tag
    except Exception as exc:  # noqa: BLE001 - one document must never stop the run
        return LangResult("und", 0.0, decided_by=f"tagger-error: {type(exc).__name__}").to_dict(explain=True)


def _add_quality(a: DocAnalysis, text: str, settings) -> None:
    """The per-document quality findings, and the line fingerprints boilerplate counts across the corpus."""
    from seedkeeper.quality import document_quality, pack_fingerprints

    dq = document_quality(text, settings)
    # The bytes of a document that is not UTF-8 were decoded as U+FFFD, which is no letter: its
    # share of letters says nothing (its not-utf8 or binary finding says what is wrong).
    undecodable = any(p.code in ("not-utf8", "binary") for p in a.problems)
    found = [f for f in dq.findings if not (undecodable and f.code == "low-text")]
    a.problems = a.problems + tuple(make(f.code, a.rel, f.message, f.line) for f in found)
    a.line_fps = pack_fingerprints(dq.fingerprints).hex()


Lookup = Callable[[str, str], "DocAnalysis | None"]


def analyze_document(
    doc: CorpusDocument, max_size: int, min_chars: int, features: Features, lookup: Lookup | None = None
) -> DocAnalysis:
    """Read one corpus document safely and analyse it. Never raises for bad content.

    `lookup(rel, sha256)` may return a cached analysis for these exact bytes: then only the
    read and the hash are paid."""
    info = doc.info
    if info.size > max_size:
        return DocAnalysis(
            rel=doc.rel,
            size=info.size,
            problems=(make("too-large", doc.rel, f"{info.size} bytes, over the limit of {max_size}; not read", None),),
        )
    try:
        raw = read_bytes(info, max_size + 1)
    except NotARegularFileError as exc:
        return DocAnalysis(
            rel=doc.rel, size=info.size, problems=(make("not-a-file", doc.rel, f"{exc}; not opened", doc.line),)
        )
    except OSError as exc:
        return DocAnalysis(
            rel=doc.rel,
            size=info.size,
            problems=(make("missing-file", doc.rel, f"cannot read: {exc.strerror}", doc.line),),
        )
    if len(raw) > max_size:  # grew since stat
        return DocAnalysis(
            rel=doc.rel,
            size=len(raw),
            problems=(make("too-large", doc.rel, f"over the limit of {max_size} bytes; not read whole", None),),
        )
    sha256 = hashlib.sha256(raw).hexdigest()
    if lookup is not None:
        hit = lookup(doc.rel, sha256)
        if hit is not None:
            return hit
    return analyze_bytes(doc.rel, raw, min_chars, features, sha256)
