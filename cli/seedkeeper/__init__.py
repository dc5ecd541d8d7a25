"""seedkeeper: keep a corpus of multilingual seed documents healthy.

The package is a pure library: every command of the `seedkeeper` CLI is one function here that
returns values and raises `seedkeeper.errors.SeedkeeperError` subclasses. See README.md.
"""

__version__ = "0.1.0"
