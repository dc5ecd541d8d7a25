"""Exception types raised by the seedkeeper core.

The core never prints and never exits: it raises one of these, and the shell maps them to
exit codes (usage problems to 2, the data stopping a command on purpose to 1).
"""

from __future__ import annotations


class SeedkeeperError(Exception):
    """Base class for every error the core raises on purpose."""


class UsageError(SeedkeeperError):
    """The caller asked for something that cannot be done as asked (exit code 2)."""


class ConfigError(UsageError):
    """The configuration file is malformed or names unknown keys."""


class FolderNotFoundError(UsageError):
    """The seeds folder does not exist or is not a folder."""


class UnsafePathError(SeedkeeperError):
    """A path would leave the seeds folder; it was not opened."""


class NotARegularFileError(SeedkeeperError):
    """A path names a folder, FIFO, device or socket; it was not opened."""


class IndexWriteError(SeedkeeperError):
    """INDEX.md could not be written safely: it is not a regular UTF-8 file (exit code 1: the data
    needs fixing first). Subclasses about the machine's state exit 2. Nothing was written."""


class IndexLockError(IndexWriteError, UsageError):
    """The lock on the seeds folder could not be had in time (exit code 2, as for a full disk:
    the machine's state, not the data's). Nothing was written."""


class DetectorDataError(UsageError):
    """A language detector's packaged data could not be read: a broken install (exit code 2, the
    machine's state). Raised, never turned into a tag: tags cached from a broken install would
    outlive its repair."""
