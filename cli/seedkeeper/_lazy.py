"""Package attributes imported on first use (PEP 562), so that importing a package stays cheap.

Type checkers do not run `__getattr__`: each package also imports its names under
`typing.TYPE_CHECKING`, so `from seedkeeper.lang import detect_language` keeps its type.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable


def lazy_exports(
    package: str, where: dict[str, str], namespace: dict[str, object]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """A module `__getattr__` for `package` that imports `where[name]` (a submodule's name,
    relative to the package) the first time `name` is asked for and returns its attribute, and
    a `__dir__` that lists the package's own names (its globals, `namespace`) together with those."""

    def __getattr__(name: str) -> object:
        if name in where:
            return getattr(importlib.import_module(f".{where[name]}", package), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(where))

    return __getattr__, __dir__
