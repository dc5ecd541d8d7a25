"""The package version, in one place (pyproject.toml reads it from here)."""

__version__ = "0.1.0"


def package_version(name: str) -> str:
    """Installed version of another distribution (a detector, the Markdown parser), "unknown"
    for vendored or unusual installs: part of the cache keys whose results it changes."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"
