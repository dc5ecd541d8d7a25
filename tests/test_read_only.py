"""A seeds folder (or cache folder) this user cannot write: every writing command stops with one
line naming the path it could not write and what to do, exit 2 (the machine's state, as a full
disk), and leaves the folder exactly as it was; read-only commands are not stopped by a cache
they cannot write.

As root, permissions do not stop a write: the folder is then made read-only by refusing, with
EACCES as the kernel would, every call that creates, replaces or removes a name inside it.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import assert_exit, doc_name, index_for, make_seeds, snapshot

pytestmark = pytest.mark.usefixtures("isolated_env")

TEXT = "The river runs through the old town and past the mill before it reaches the sea.\n"
OTHER = "Mountains rise to the north, where snow stays on the peaks for most of the year.\n"
CRLF = "The market opens at dawn;\r\nfishermen sell their catch before the sun is high.\r\n"
NEW = "Bread is baked before sunrise in the small bakery on the corner of the square.\n"
ORIG, COPY, GONE, LINE_ENDS = doc_name(0), doc_name(1), doc_name(2), doc_name(3)
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _inside(folder: Path, path) -> bool:
    try:
        return Path(os.path.abspath(os.fsdecode(path))).is_relative_to(folder)
    except TypeError:  # a descriptor, not a path
        return False


def make_read_only(monkeypatch, folder: Path) -> None:
    """Make `folder` (and everything under it) unwritable for the rest of the test: chmod when not
    root, else every name-changing call inside it fails with EACCES, as it would for a user."""
    folder = folder.resolve()
    if os.geteuid() != 0:
        for dirpath, _, _ in os.walk(folder):
            os.chmod(dirpath, 0o555)
        return
    real = {name: getattr(os, name) for name in ("open", "link", "rename", "replace", "mkdir", "unlink", "rmdir")}

    def denied(path):
        return PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))

    def open_(path, flags, *a, **k):
        if flags & _WRITE_FLAGS and _inside(folder, path):
            raise denied(path)
        return real["open"](path, flags, *a, **k)

    def two_names(name):
        def call(src, dst, *a, **k):
            if _inside(folder, src) or _inside(folder, dst):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(src), None, os.fsdecode(dst))
            return real[name](src, dst, *a, **k)

        return call

    def one_name(name):
        def call(path, *a, **k):
            if _inside(folder, path):
                if name == "mkdir" and os.path.lexists(path):
                    raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), os.fsdecode(path))
                raise denied(path)
            return real[name](path, *a, **k)

        return call

    monkeypatch.setattr(os, "open", open_)
    for name in ("link", "rename", "replace"):
        monkeypatch.setattr(os, name, two_names(name))
    for name in ("mkdir", "unlink", "rmdir"):
        monkeypatch.setattr(os, name, one_name(name))


@pytest.fixture
def writable_again(tmp_path):
    """Give the test's folders their write permission back at the end (tmp_path cleanup)."""
    yield
    if os.geteuid() != 0:
        for dirpath, _, _ in os.walk(tmp_path):
            os.chmod(dirpath, 0o755)


def _every_write_pending(cli, tmp_path: Path) -> Path:
    """A folder where each writing command has work: a quarantined document (restore), a copy
    (dedup --apply), an unlisted document (index), CRLF line endings (fix), a name off the
    pattern (rename)."""
    files = {ORIG: TEXT, GONE: TEXT, LINE_ENDS: CRLF}
    root = make_seeds(tmp_path, files, index_for(files))
    assert_exit(cli("index", root), 0)  # a managed table, which `add` needs
    assert_exit(cli("dedup", root, "--apply"), 0)  # GONE, a copy of ORIG, is quarantined
    (root / COPY).write_text(TEXT)
    (root / "misnamed.txt").write_text("Snow falls early in the high valleys; the passes close by October.\n")
    (tmp_path / "new.txt").write_text(NEW)
    return root


WRITING = [
    ("dedup", ["dedup", "{root}", "--apply"]),
    ("index", ["index", "{root}"]),
    ("rename", ["rename", "{root}"]),
    ("add", ["add", "{tmp}/new.txt", "--seeds", "{root}"]),
    ("fix", ["fix", "{root}"]),
    ("restore", ["restore", GONE, "--seeds", "{root}"]),
]


@pytest.mark.parametrize(("name", "args"), WRITING, ids=[w[0] for w in WRITING])
def test_a_read_only_seeds_folder_is_one_line_exit_2_and_nothing_changes(
    cli, tmp_path, monkeypatch, writable_again, name, args
):
    root = _every_write_pending(cli, tmp_path)
    before = snapshot(root)
    make_read_only(monkeypatch, root)
    r = cli(*(a.format(root=root, tmp=tmp_path) for a in args))
    assert_exit(r, 2)
    assert "internal error" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
    line = r.stderr.strip()
    assert line.startswith("seedkeeper: error: permission denied: "), line
    assert "nothing was half-written" in line and "writable" in line, line
    # It names the place it could not write, inside the folder, never a temp file of ours.
    assert str(root.name) in line and ".tmp" not in line, line
    assert snapshot(root) == before


def test_a_read_only_folder_still_checks(cli, tmp_path, monkeypatch, writable_again):
    root = _every_write_pending(cli, tmp_path)
    make_read_only(monkeypatch, root)
    for args in (["check", root], ["validate", root], ["stats", root], ["tag", root], ["index", root, "--check"]):
        r = cli(*args)
        assert r.exit_code in (0, 1) and "permission" not in r.stderr, (args, r.output)


def test_the_message_names_the_target_not_the_temp_file(tmp_path, monkeypatch):
    from seedkeeper.corpus.atomic import write_atomic

    folder = tmp_path / "seeds"
    folder.mkdir()
    make_read_only(monkeypatch, folder)
    with pytest.raises(PermissionError) as caught:
        write_atomic(folder / "INDEX.md", b"# Seeds\n")
    assert caught.value.filename == str(folder / "INDEX.md")
    monkeypatch.undo()
    assert os.listdir(folder) == []  # no temp file left behind


def test_a_permission_error_becomes_exit_2_not_3(capsys):
    from seedkeeper.shell.runner import EXIT_USAGE, exit_code_of

    for code in (errno.EACCES, errno.EPERM, errno.EROFS):
        exc = OSError(code, os.strerror(code), "seeds/INDEX.md")
        assert exit_code_of(exc, False) == EXIT_USAGE
        what = os.strerror(code).lower()
        err = capsys.readouterr().err
        assert err.startswith(f"seedkeeper: error: {what}: seeds/INDEX.md; nothing was half-written"), err
    exc = PermissionError(errno.EACCES, "Permission denied", "seeds/.seedkeeper/quarantine/a.txt", None, "seeds/a.txt")
    assert exit_code_of(exc, False) == EXIT_USAGE
    assert "seeds/.seedkeeper/quarantine/a.txt -> seeds/a.txt;" in capsys.readouterr().err


def test_restore_puts_the_document_back_in_the_quarantine_when_it_cannot_record_it(cli, tmp_path, monkeypatch):
    import seedkeeper.corpus.quarantine as q

    root = make_seeds(tmp_path, {ORIG: TEXT, COPY: TEXT})
    assert_exit(cli("dedup", root, "--apply"), 0)
    before = snapshot(root)

    def _files(snap):  # the folders' mtimes say a name came and went; the files are what matter
        return {rel: v for rel, v in snap.items() if not stat.S_ISDIR(v[0])}

    def denied(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied", str(root / ".seedkeeper" / "quarantine.jsonl"))

    monkeypatch.setattr(q, "write_manifest", denied)
    r = cli("restore", COPY, "--seeds", root)
    assert_exit(r, 2)
    assert "permission denied" in r.stderr
    assert _files(snapshot(root)) == _files(before)  # the move is undone: still quarantined, restorable
    monkeypatch.undo()
    assert_exit(cli("restore", COPY, "--seeds", root), 0)
    assert (root / COPY).read_text() == TEXT


def _unprivileged() -> list[str] | None:
    """A command prefix that runs without the right to ignore file permissions, or None."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    caps = "-dac_override,-dac_read_search,-fowner"
    prefix = [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}"]
    probe = subprocess.run([*prefix, "true"], capture_output=True)
    return prefix if probe.returncode == 0 else None


@pytest.mark.skipif(_unprivileged() is None, reason="running as root without setpriv")
def test_a_read_only_cache_folder_does_not_stop_read_only_commands(tmp_path):
    root = make_seeds(tmp_path, {ORIG: TEXT, COPY: OTHER})
    cache = tmp_path / "cache"
    env = {**os.environ, "SEEDKEEPER_CACHE_DIR": str(cache), "PYTHONPATH": os.pathsep.join(sys.path)}

    def run(*args):
        return subprocess.run(
            [*_unprivileged(), sys.executable, "-m", "seedkeeper", *map(str, args)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    assert run("index", root).returncode == 0  # fills the cache
    try:
        os.chmod(cache, 0o555)
        os.chmod(cache / "cache.sqlite3", 0o444)
        for args in (["check", root], ["tag", root], ["stats", root], ["dedup", root]):
            r = run(*args)
            assert r.returncode == 0 and "error" not in r.stderr, (args, r.stderr)
        r = run("cache", "clear", root)
        assert r.returncode == 2 and "internal" not in r.stderr, r.stderr
        assert r.stderr.startswith("seedkeeper: error: permission denied: "), r.stderr
        assert (cache / "cache.sqlite3").exists()
    finally:
        os.chmod(cache, 0o755)
