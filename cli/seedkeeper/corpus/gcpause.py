"""Pausing Python's cyclic garbage collector while a run builds its per-document records.

A survey keeps tens of thousands of small containers alive (index entries, documents, analyses
decoded from the cache) and frees almost nothing: each automatic collection walks all of them
again and finds no garbage. At 30,000 documents that walking is about a fifth of a warm run.
Nothing a survey builds forms reference cycles that must be freed early; whatever cyclic garbage
there is waits for the next full collection.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Turn automatic collection off for the block; back to what it was when the outermost
    block (of any thread) ends."""
    global _depth, _was_enabled
    entered = False
    try:
        with _lock:
            if _depth == 0:
                _was_enabled = gc.isenabled()
                gc.disable()
            _depth += 1
            entered = True
        yield
    finally:
        if entered:
            with _lock:
                _depth -= 1
                if _depth == 0 and _was_enabled:
                    # Switched back on as is, the collector would at once walk every object made
                    # during the pause (they all count as new: 0.1 s at 30,000 documents). freeze()
                    # then unfreeze() moves them to the oldest generation without walking them, where
                    # the next full collection looks at them as at any long-lived object. Not when
                    # the caller froze objects itself (a pre-fork server): unfreeze() would release
                    # them too.
                    if gc.get_freeze_count() == 0:
                        gc.freeze()
                        gc.unfreeze()
                    gc.enable()
