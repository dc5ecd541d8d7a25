"""langdetect's language profiles as one dense table per script group.

langdetect ships one JSON file per language; merging a group's files into a table (a row per
n-gram, a column per language) costs ~0.15 s, most of a process that tags one changed document.
The merged tables are kept in the user's cache folder (see model_store): a later process reads the
n-gram list and memory-maps the table. The numbers are langdetect's own either way: the copy is
a float64 array written and read back bit for bit, and a table that does not match its n-gram
list is not used.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

import numpy as np

from .. import model_store
from .._version import package_version

# Script group -> langdetect profile names. Other scripts are settled without a model.
GROUPS: dict[str, tuple[str, ...]] = {
    "latin": (
        "af",
        "ca",
        "cs",
        "cy",
        "da",
        "de",
        "en",
        "es",
        "et",
        "fi",
        "fr",
        "hr",
        "hu",
        "id",
        "it",
        "lt",
        "lv",
        "nl",
        "no",
        "pl",
        "pt",
        "ro",
        "sk",
        "sl",
        "so",
        "sq",
        "sv",
        "sw",
        "tl",
        "tr",
        "vi",
    ),
    "cyrillic": ("bg", "mk", "ru", "uk"),
    "arabic": ("ar", "fa", "ur"),
    "devanagari": ("hi", "mr", "ne"),
}

# The layout of the cached copy; part of its folder's name, so a new layout is built beside an old one.
_FORMAT = "1"


@dataclass(frozen=True)
class ProfileTable:
    """One group's profiles: `matrix[row_of[ngram], i]` is P(ngram | langs[i])."""

    langs: tuple[str, ...]
    row_of: dict[str, int]
    matrix: np.ndarray


def build_table(group: str) -> ProfileTable:
    """Merge the group's profiles from langdetect's own files, as its DetectorFactory does."""
    from langdetect.detector_factory import PROFILES_DIRECTORY

    langs = tuple(sorted(GROUPS[group]))
    columns: dict[str, list[float]] = {}
    # Profiles are read in sorted order and each probability is computed as langdetect's
    # add_profile computes it (1.0 * freq / n_words[len - 1]), so the floats are the same.
    for index, name in enumerate(langs):
        with open(os.path.join(PROFILES_DIRECTORY, name), encoding="utf-8") as fh:
            profile = json.load(fh)
        n_words = profile["n_words"]
        for word, freq in profile["freq"].items():
            row = columns.get(word)
            if row is None:
                row = columns[word] = [0.0] * len(langs)
            if 1 <= len(word) <= 3:
                row[index] = 1.0 * freq / n_words[len(word) - 1]
    words = sorted(columns)
    matrix = np.array([columns[w] for w in words], dtype=np.float64).reshape(len(words), len(langs))
    return ProfileTable(langs, {w: i for i, w in enumerate(words)}, matrix)


def load_table(group: str) -> ProfileTable:
    """The group's table from the cached copy, made on first use; built in memory if the copy
    cannot be made or read (a read-only home, a damaged file)."""
    name = model_store.copy_name(f"langdetect-{package_version('langdetect')}-profiles", GROUPS, _FORMAT)
    return model_store.load(name, _write_all, lambda folder: _read(folder, group), lambda: build_table(group))


def _read(folder: str, group: str) -> ProfileTable | None:
    with open(os.path.join(folder, f"{group}.json"), encoding="utf-8") as fh:
        meta = json.load(fh)
    matrix = np.load(os.path.join(folder, f"{group}.npy"), mmap_mode="r", allow_pickle=False)
    langs, words = tuple(meta["langs"]), meta["words"]
    # The array file carries no checksum: a copy cut short is caught by its shape.
    expected = tuple(sorted(GROUPS[group]))
    if matrix.shape != (len(words), len(langs)) or matrix.dtype != np.float64 or langs != expected:
        return None
    # A plain ndarray view of the mapped file: numpy's memmap subclass slows every indexing.
    return ProfileTable(langs, {w: i for i, w in enumerate(words)}, np.asarray(matrix))


def _write_all(folder: str) -> None:
    for group in GROUPS:
        table = build_table(group)
        with open(os.path.join(folder, f"{group}.json"), "w", encoding="utf-8") as fh:
            json.dump({"langs": list(table.langs), "words": list(table.row_of)}, fh, ensure_ascii=False)
        np.save(os.path.join(folder, f"{group}.npy"), table.matrix)
