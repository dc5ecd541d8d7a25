"""Helpers shared by the tests: `from helpers import make_seeds, doc_name, ...` (tests/ is on
sys.path because it has no __init__.py). conftest.py holds only fixtures.

`make_seeds(tmp_path, files, index=None)` builds `tmp_path / "seeds"`:
  * `files` maps a folder-relative path ("001_<16 hex>.txt", "sub/002_....txt") to its content:
    `str` is written as UTF-8 exactly as given (no newline added), `bytes` as is.
  * `index=None` writes an INDEX.md listing every file as `- name`, in the dict's order;
    `index="..."` (str, written as UTF-8) or `index=b"..."` (bytes) writes exactly that;
    `index=NO_INDEX` writes no INDEX.md at all.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from seedkeeper.similarity.clustering import DedupResult, analyze_text, find_duplicates


def dedup_texts(docs: Sequence[tuple[str, bytes]], threshold: float = 0.8) -> DedupResult:
    """Find duplicates among (file, raw bytes) pairs given in INDEX.md order.

    Bytes are decoded as UTF-8 with undecodable bytes replaced (U+FFFD), so this never fails on
    bad input; the exact-duplicate hash is always over the raw bytes.
    """
    items, sets = [], {}
    for order, (file, raw) in enumerate(docs):
        item, sh = analyze_text(file, order, raw, raw.decode("utf-8", errors="replace"))
        items.append(item)
        sets[file] = sh
    return find_duplicates(items, threshold, sets.__getitem__)


NO_INDEX = object()


def doc_name(n: int, salt: str = "") -> str:
    """A file name that follows the default pattern: `NNN_<16 lowercase hex>.txt`."""
    return f"{n:03d}_{hashlib.sha256(f'{n}:{salt}'.encode()).hexdigest()[:16]}.txt"


def index_for(names, title: str = "Seeds") -> str:
    """An INDEX.md text listing `names` as `- name` items."""
    return f"# {title}\n\n" + "".join(f"- {n}\n" for n in names)


def make_seeds(tmp_path: Path, files: Mapping[str, bytes | str], index: Any = None, *, folder: str = "seeds") -> Path:
    root = Path(tmp_path) / folder
    root.mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    if index is NO_INDEX:
        return root
    if index is None:
        index = index_for(files)
    (root / "INDEX.md").write_bytes(index.encode("utf-8") if isinstance(index, str) else index)
    return root


def snapshot(root: Path, hash_limit: int = 16 * 1024 * 1024) -> dict[str, tuple]:
    """Every path under `root` (not following symlinks) -> (type, size, mtime_ns, content hash or
    link target). Regular files over `hash_limit` (sparse giants) are not read."""
    out: dict[str, tuple] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in sorted(dirnames + filenames):
            p = os.path.join(dirpath, name)
            st = os.lstat(p)
            rel = os.path.relpath(p, root)
            if stat.S_ISLNK(st.st_mode):
                extra: Any = os.readlink(p)
            elif stat.S_ISREG(st.st_mode) and st.st_size <= hash_limit:
                with open(p, "rb") as fh:
                    extra = hashlib.sha256(fh.read()).hexdigest()
            else:
                extra = None
            out[rel] = (stat.S_IFMT(st.st_mode), st.st_size, st.st_mtime_ns, extra)
    return out


def call_with_timeout(fn: Callable[[], Any], timeout: float, fifo_paths=()) -> Any:
    """Run `fn` in a daemon thread; fail (instead of hanging the suite) if it takes longer than
    `timeout`. If it hangs, open the FIFOs for writing so that a blocked reader is released."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller
            box["error"] = exc

    t = threading.Thread(target=target, daemon=True)
    t.start()
    t.join(timeout)
    if t.is_alive():
        for f in fifo_paths:
            try:
                fd = os.open(f, os.O_WRONLY | os.O_NONBLOCK)
                os.close(fd)
            except OSError:
                pass
        t.join(2)
        pytest.fail(f"did not finish within {timeout} s (hung on a FIFO?)")
    if "error" in box:
        raise box["error"]
    return box.get("value")


def suggested_commands(text: str) -> list[str]:
    """Every `seedkeeper ...` command a text suggests, as written between backticks (the text's
    line breaks, a terminal's wrapping, read as spaces)."""
    return re.findall(r"`(seedkeeper [^`]+)`", " ".join(text.split()))


def codes(report_or_problems) -> list[str]:
    problems = getattr(report_or_problems, "problems", report_or_problems)
    return [p.code for p in problems]


def find(report_or_problems, code: str, file: str | None = ...) -> list:
    """The problems with `code` (and `file`, when given)."""
    problems = getattr(report_or_problems, "problems", report_or_problems)
    return [p for p in problems if p.code == code and (file is ... or p.file == file)]


_WORKFLOW_COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def github_annotations(stdout: str) -> list[tuple[str, dict[str, str], str]]:
    """Parse `--format github` output: each line must be a workflow command
    `::level key=value,key=value::message`; returns (level, properties, message) per line. Fails if a
    line is not a command or if a property value contains an unescaped comma."""
    out = []
    for line in stdout.splitlines():
        m = _WORKFLOW_COMMAND.match(line)
        assert m, f"not a workflow command: {line!r}"
        pairs = [p.split("=", 1) for p in m.group(2).split(",")]
        assert all(len(kv) == 2 for kv in pairs), f"unescaped comma in the properties: {line!r}"
        out.append((m.group(1), dict(pairs), m.group(3)))
    return out


def assert_exit(result, code: int) -> None:
    """`result` (a CliRunner Result) ended with exit `code`, deliberately: no Python exception escaped.

    CliRunner reports an escaped exception as exit code 1, so `exit_code == 1` alone would also pass
    on a crash. A deliberate non-zero exit shows up as `result.exception` being a SystemExit with that
    code (that is how click ends a standalone run); exit 0 leaves `result.exception` None."""
    exc = result.exception
    assert exc is None or isinstance(exc, SystemExit), f"exception escaped: {exc!r}\n{result.output}"
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    if code == 0:
        assert exc is None
    else:
        assert exc.code == code


MANAGED_COLUMNS = ["File", "Language", "Pinned", "Chars", "Words", "SHA-256", "Status", "Title", "Notes"]


def managed_rows(root: Path) -> dict[str, dict[str, str]]:
    """The managed table's rows of `root`/INDEX.md by file, read with a plain split (not
    seedkeeper's parser, which the tests using this check); a file listed twice fails."""
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    block = text.split("<!-- seedkeeper:index:begin -->", 1)[1].split("<!-- seedkeeper:index:end -->", 1)[0]
    out: dict[str, dict[str, str]] = {}
    for ln in block.splitlines():
        if ln.startswith("| ["):
            cells = dict(zip(MANAGED_COLUMNS, (c.strip() for c in re.split(r"(?<!\\)\|", ln.strip()[1:-1]))))
            name = re.sub(r"^\[.*\]\((.*)\)$", r"\1", cells["File"])
            assert name not in out, f"{name} listed twice"
            out[name] = cells
    return out
