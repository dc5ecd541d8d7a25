"""Package attributes imported on first use (PEP 562), so that importing a package stays cheap.

Type checkers do not run `__getattr__`: each package also imports its names under
`typing.TYPE_CHECKING`, so `from seedkeeper.lang import detect_language` keeps its type.
Once resolved, a name is an ordinary global of its package: to replace it (a test's
monkeypatch), patch the package's attribute, not the submodule that defines it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable


def lazy_exports(
    package: str, where: dict[str, str], namespace: dict[str, object]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """A module `__getattr__` for `package` that imports `where[name]` (a submodule's name,
    relative to the package) the first time `name` is asked for, keeps its attribute in the
    package's globals (`namespace`) and returns it, and
    a `__dir__` that lists the package's own names (its globals, `namespace`) together with those."""

    def __getattr__(name: str) -> object:
        if name in where:
            value = getattr(importlib.import_module(f".{where[name]}", package), name)
            # Kept as an ordinary global: later look-ups (once per document in a hot loop) do
            # not come back here.
            namespace[name] = value
            return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(where))

    return __getattr__, __dir__
