"""Which quarantined document a name typed to `restore` means: the manifest's name for it,
however it was typed (relative to the seeds folder or the current folder, absolute, `./`, or in
another Unicode spelling), the entry of an earlier restore that already put it back, or a
UsageError that lists what the quarantine holds and the name probably meant. Reads manifest
entries only (quarantine_manifest.QuarantineEntry); moves nothing.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from seedkeeper.errors import UsageError


def recorded_name(seeds: Path, file: str, waiting, restored=()):
    """The name the manifest records for `file` (however it was typed); else, when an earlier
    restore put it back, that restore's manifest entry (`restored`: the manifest's restored
    entries); else a UsageError that says what is in the quarantine and which name was probably
    meant."""
    known = {name for e in waiting for name in (e.file, e.quarantined)}
    candidates = [file, file.removeprefix("./")]
    typed = Path(file)
    for base in (Path.cwd(), seeds):
        path = typed if typed.is_absolute() else base / typed
        try:
            candidates.append(path.resolve().relative_to(seeds.resolve()).as_posix())
        except (ValueError, OSError):
            pass
    for c in candidates:
        if c in known:
            return c
    # Typed in another Unicode spelling than the folder's ("café.txt" composed, recorded as macOS
    # wrote it, decomposed): the same name, when it is one recorded name's only other spelling.
    from seedkeeper.corpus.paths import by_nfc, spelled_as_file

    known_by_nfc = by_nfc(known)
    for c in candidates:
        if (recorded := spelled_as_file(c, known, known_by_nfc)) in known:
            return recorded
    # A second restore of the same file: the manifest records when the first one put it back.
    gone = {name: e for e in restored for name in (e.file, e.quarantined)}
    gone_by_nfc = by_nfc(set(gone))
    for c in candidates:
        entry = gone.get(spelled_as_file(c, gone, gone_by_nfc))
        if entry is not None:
            return entry
    if not waiting:
        raise UsageError(
            f"{file} is not in the quarantine: nothing is (`seedkeeper dedup --apply` moves duplicates there)"
        )
    close = difflib.get_close_matches(candidates[-1], sorted(known), n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}? " if close else ""
    listed = ", ".join(sorted(e.file for e in waiting)[:5]) + (" ..." if len(waiting) > 5 else "")
    raise UsageError(f"{file} is not in the quarantine; {hint}quarantined documents: {listed}")
