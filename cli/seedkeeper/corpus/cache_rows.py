"""A cached analysis as a row: JSON for its fields plus the signature's bytes, and back.

JSON, never pickle: a cache restored from elsewhere must not be able to run code. A row of any
other shape decodes to nothing (a miss), never to an error.
"""

from __future__ import annotations

import json

import orjson

from seedkeeper.corpus.analysis import DocAnalysis
from seedkeeper.problems import Problem


def encode_row(a: DocAnalysis) -> tuple[str, bytes | None]:
    # The fields in declaration order, signature and rel left out (dataclasses.asdict, without
    # its deep copy of every value): key order kept, outputs are byte-stable.
    d = {
        "size": a.size,
        "sha256": a.sha256,
        "problems": [
            {"code": p.code, "severity": p.severity, "message": p.message, "line": p.line} for p in a.problems
        ],
        "readable": a.readable,
        "chars": a.chars,
        "words": a.words,
        "title": a.title,
        "normalized_hash": a.normalized_hash,
        "shingles": a.shingles,
        "line_fps": a.line_fps,
        "lang": a.lang,
    }
    return json.dumps(d, ensure_ascii=False), a.signature


# The stored fields: DocAnalysis's without rel (the row's key) and signature (its own column).
_KEYS = frozenset(
    (
        "size",
        "sha256",
        "problems",
        "readable",
        "chars",
        "words",
        "title",
        "normalized_hash",
        "shingles",
        "line_fps",
        "lang",
    )
)


def decode_row(rel: str, data: str, signature: bytes | None) -> DocAnalysis:
    """Rebuild an analysis; anything of the wrong shape raises ValueError (a miss, not a crash)."""
    d = orjson.loads(data)  # the fast reader; rows are written by json.dumps
    if type(d) is not dict or d.keys() != _KEYS:
        raise ValueError("cache row of another shape")
    # Exact type tests, written out (a warm run decodes one row per document): a bool is not a
    # size, and generator expressions would cost more than the tests.
    lang, normalized_hash, line_fps = d["lang"], d["normalized_hash"], d["line_fps"]
    if (
        type(d["size"]) is not int
        or type(d["sha256"]) is not str
        or type(d["readable"]) is not bool
        or type(d["chars"]) is not int
        or type(d["words"]) is not int
        or type(d["shingles"]) is not int
        or type(d["title"]) is not str
        or type(d["problems"]) is not list
        or (normalized_hash is not None and type(normalized_hash) is not str)
        or (line_fps is not None and type(line_fps) is not str)
    ):
        raise ValueError("cache row with a field of the wrong type")
    if line_fps is not None and not _packed_fingerprints(line_fps):
        raise ValueError("cache row with malformed line fingerprints")
    if lang is not None and not _valid_lang(lang):
        raise ValueError("cache row with a malformed language")
    if signature is not None and (type(signature) is not bytes or len(signature) % 4):
        raise ValueError("cache row with a malformed signature")
    problems = d["problems"]
    d["problems"] = (
        tuple(
            [
                Problem(
                    rel,
                    str(p["code"]),
                    str(p["severity"]),
                    str(p["message"]),
                    p["line"] if type(p["line"]) is int else None,
                )
                for p in problems
            ]
        )
        if problems
        else ()
    )
    return DocAnalysis(rel=rel, signature=signature, **d)


def _packed_fingerprints(hexed: str) -> bool:
    """Whether `hexed` is whole 8-byte fingerprints in hex, as boilerplate counting unpacks them.
    (fromhex is the cheapest test in a loop over every row; it skips white space, hence the
    length comparison.)"""
    try:
        return not len(hexed) % 16 and 2 * len(bytes.fromhex(hexed)) == len(hexed)
    except ValueError:
        return False


_NUMBER = (int, float)


def _valid_lang(lang) -> bool:
    """A language record of the shape LangResult.to_dict(explain=True) writes: every field a
    reader renders or reasons on (tag, confidence, others, rule, candidates, ruled_out)."""
    if type(lang) is not dict or type(lang.get("lang")) is not str or type(lang.get("confidence")) not in _NUMBER:
        return False
    others, rule = lang.get("others", []), lang.get("decided_by", "")
    candidates, excluded = lang.get("candidates", {}), lang.get("ruled_out", [])
    if type(others) is not list or type(rule) is not str or type(candidates) is not dict or type(excluded) is not list:
        return False
    for o in others:
        if type(o) is not dict or type(o.get("lang")) is not str or type(o.get("share")) not in _NUMBER:
            return False
    for top in candidates.values():
        if type(top) is not list:
            return False
        for c in top:
            if type(c) is not dict or type(c.get("lang")) is not str or type(c.get("score")) not in _NUMBER:
                return False
    return all(type(x) is str for x in excluded)


def decode_into(out: dict[str, DocAnalysis], rel: str, data: str, signature: bytes | None) -> None:
    """out[rel] = the decoded row; a damaged row is a miss (left out), never an error."""
    try:
        out[rel] = decode_row(rel, data, signature)
    except (ValueError, TypeError, KeyError, AttributeError):
        pass
