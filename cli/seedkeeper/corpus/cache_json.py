"""JSON read back from the cache: anything damaged is one ValueError, never another exception.

Cache blobs are written by this package, but a cache file can be damaged, truncated or written by
another version; every reader treats what it cannot use as a miss. The standard json module lets
some damage through as other errors (NaN and Infinity become floats that int() refuses with
OverflowError; deep nesting raises RecursionError), so blobs are read with orjson, which refuses
both with its JSONDecodeError, a ValueError.
"""

from __future__ import annotations

import json

import orjson


def loads(blob: bytes) -> object:
    """The JSON value in `blob`; ValueError for anything that is not strict UTF-8 JSON."""
    return orjson.loads(blob)


def loads_lenient(blob: bytes) -> object:
    """loads, but text holding lone surrogates (written with surrogatepass, which orjson refuses
    to read) is read with the json module; NaN, Infinity and deep nesting still raise ValueError."""
    try:
        return orjson.loads(blob)
    except orjson.JSONDecodeError:
        pass
    try:
        return json.loads(blob.decode("utf-8", "surrogatepass"), parse_constant=_refuse)
    except RecursionError as exc:
        raise ValueError("JSON nested too deeply") from exc


def _refuse(name: str):
    raise ValueError(f"{name} is not a value this cache writes")
