"""A cached analysis as a row: JSON for its fields plus the signature's bytes, and back.

JSON, never pickle: a cache restored from elsewhere must not be able to run code. A row of any
other shape decodes to nothing (a miss), never to an error.
"""

from __future__ import annotations

import json

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
        "line_fps": a.line_fps,
        "lang": a.lang,
    }
    return json.dumps(d, ensure_ascii=False), a.signature


_TYPES = {
    "size": int,
    "sha256": str,
    "readable": bool,
    "chars": int,
    "words": int,
    "title": str,
    "normalized_hash": (str, type(None)),
    "lang": (dict, type(None)),
    "line_fps": (str, type(None)),
    "problems": list,
}


_KEYS = frozenset(_TYPES)


def decode_row(rel: str, data: str, signature: bytes | None) -> DocAnalysis:
    """Rebuild an analysis; anything of the wrong shape raises ValueError (a miss, not a crash)."""
    d = json.loads(data)
    if not isinstance(d, dict) or d.keys() != _KEYS:
        raise ValueError("cache row of another shape")
    for key, kind in _TYPES.items():
        if not isinstance(d[key], kind):
            raise ValueError(f"cache row field {key} has the wrong type")
    if d["lang"] is not None and not (
        isinstance(d["lang"].get("lang"), str) and isinstance(d["lang"].get("confidence"), (int, float))
    ):
        raise ValueError("cache row with a malformed language")
    if signature is not None and (not isinstance(signature, bytes) or len(signature) % 4):
        raise ValueError("cache row with a malformed signature")
    d["problems"] = tuple(
        Problem(
            file=rel,
            code=str(p["code"]),
            severity=str(p["severity"]),
            message=str(p["message"]),
            line=p["line"] if isinstance(p["line"], int) else None,
        )
        for p in d["problems"]
    )
    return DocAnalysis(rel=rel, signature=signature, **d)


def decode_into(out: dict[str, DocAnalysis], rel: str, data: str, signature: bytes | None) -> None:
    """out[rel] = the decoded row; a damaged row is a miss (left out), never an error."""
    try:
        out[rel] = decode_row(rel, data, signature)
    except (ValueError, TypeError, KeyError, AttributeError):
        pass
