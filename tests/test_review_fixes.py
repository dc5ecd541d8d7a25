"""Regression tests for the review fixes: safe INDEX.md / manifest handling in `dedup --apply` and
`restore`, notes that survive apply + restore, which copy is kept, symlinked duplicates, linear
diff excerpts, empty documents, `add` refusals and numbering, cache-folder placement, flag errors,
GitHub annotations, and line numbers in `check` JSON.

Every CLI call goes through typer's CliRunner with `--no-cache` (or a cache outside the folder via
the `isolated_env` fixture, for `restore`, which has no cache) and `--jobs 1` where the command
takes it, so these tests stay fast and never touch the repository's state.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dedup_fixtures import doc
from helpers import call_with_timeout, doc_name, index_for, make_seeds, snapshot
from seedkeeper.shell.app import app

pytestmark = pytest.mark.usefixtures("isolated_env")

MANIFEST = ".seedkeeper/quarantine.jsonl"
QDIR = ".seedkeeper/quarantine"

EN = doc("en", [0, 1, 2, 3])
FA = doc("fa", [0, 1, 2, 3])
ZH = doc("zh", [0, 1, 2, 3])
N1, N2, N3, N4, N5 = (doc_name(i) for i in range(1, 6))
SECRET = "TOP-SECRET-OUTSIDE-7f3a9c"


@pytest.fixture
def sk(tmp_path, monkeypatch):
    """Run `seedkeeper ARGS...` in-process, from tmp_path (so no config of the repo is found)."""
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args, env=None):
        return runner.invoke(app, [str(a) for a in args], env=env)

    return invoke


def jout(result) -> dict:
    """The one JSON object a --format json run prints on stdout."""
    return json.loads(result.stdout)


def everything_under(root: Path) -> bytes:
    """All bytes of all regular files under root (symlinks not followed), concatenated."""
    out = b""
    for dirpath, _dirs, files in os.walk(root, followlinks=False):
        for name in files:
            p = Path(dirpath, name)
            if p.is_file() and not p.is_symlink():
                out += p.read_bytes()
    return out


def rows_of(index_text: str) -> dict[str, dict[str, str]]:
    """The managed table: file name -> {header: cell text}."""
    lines = index_text.splitlines()
    begin = next(i for i, ln in enumerate(lines) if "seedkeeper:index:begin" in ln)
    header_i = next(i for i in range(begin, len(lines)) if lines[i].startswith("| File"))
    headers = [c.strip() for c in lines[header_i].strip().strip("|").split("|")]
    out = {}
    for ln in lines[header_i + 2 :]:
        if not ln.startswith("|"):
            break
        cells = [c.strip() for c in ln.strip().strip("|").split("|")]
        m = re.match(r"\[([^\]]+)\]", cells[0])
        out[m.group(1) if m else cells[0]] = dict(zip(headers, cells))
    return out


def set_row_cells(root: Path, file: str, **cells: str) -> None:
    """Edit the managed-table row of `file` the way a person would: fill some cells."""
    path = root / "INDEX.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    header = next(ln for ln in lines if ln.startswith("| File"))
    headers = [c.strip() for c in header.strip().strip("|").split("|")]
    for i, ln in enumerate(lines):
        if ln.startswith(f"| [{file}]"):
            parts = [c.strip() for c in ln.strip().strip("|").split("|")]
            for k, v in cells.items():
                parts[headers.index(k)] = v
            lines[i] = "| " + " | ".join(parts) + " |"
            break
    else:  # pragma: no cover - the setup itself is wrong
        raise AssertionError(f"no row for {file}")
    path.write_text("\n".join(lines), encoding="utf-8")


# ------------------------------------------------------------ 1, 2: INDEX.md not a regular file


def _dup_corpus(tmp_path: Path, index=None) -> Path:
    return make_seeds(tmp_path, {N1: EN, N2: FA, N3: EN}, index=index)


def test_apply_refuses_index_symlinked_outside(sk, tmp_path):
    outside = tmp_path / "elsewhere" / "notes.md"
    outside.parent.mkdir()
    # The outside file even looks like a valid index of the folder, with a secret in it.
    outside_bytes = f"# Private\n\n{SECRET}\n\n- {N1}\n- {N2}\n- {N3}\n".encode()
    outside.write_bytes(outside_bytes)
    root = _dup_corpus(tmp_path)
    (root / "INDEX.md").unlink()
    os.symlink(outside, root / "INDEX.md")
    before = snapshot(root)

    for fmt in ("text", "json"):
        r = sk("dedup", root, "--apply", "--format", fmt, "--no-cache", "--jobs", "1")
        assert r.exit_code == 2, (r.stdout, r.stderr)
        assert "INDEX.md" in r.stderr and r.stderr.strip()
        assert SECRET not in r.stdout and SECRET not in r.stderr
    assert snapshot(root) == before  # nothing moved, nothing written, no .seedkeeper/
    assert (root / N3).is_file() and not (root / ".seedkeeper").exists()
    assert os.path.islink(root / "INDEX.md") and os.readlink(root / "INDEX.md") == str(outside)
    assert outside.read_bytes() == outside_bytes
    assert SECRET.encode() not in everything_under(root)


def test_apply_refuses_index_fifo_without_hanging(sk, tmp_path):
    root = _dup_corpus(tmp_path)
    (root / "INDEX.md").unlink()
    os.mkfifo(root / "INDEX.md")
    before = snapshot(root)
    r = call_with_timeout(
        lambda: sk("dedup", root, "--apply", "--no-cache", "--jobs", "1"), 10, fifo_paths=[root / "INDEX.md"]
    )
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert "INDEX.md" in r.stderr
    assert snapshot(root) == before
    assert (root / N3).is_file()


def test_apply_refuses_index_folder(sk, tmp_path):
    root = _dup_corpus(tmp_path)
    (root / "INDEX.md").unlink()
    (root / "INDEX.md").mkdir()
    (root / "INDEX.md" / "keep.md").write_text(f"- {N1}\n", encoding="utf-8")
    before = snapshot(root)
    r = sk("dedup", root, "--apply", "--no-cache", "--jobs", "1")
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert "INDEX.md" in r.stderr
    assert snapshot(root) == before
    assert (root / "INDEX.md").is_dir() and (root / N3).is_file()


def test_restore_refuses_index_symlinked_outside(sk, tmp_path):
    root = _dup_corpus(tmp_path)
    assert sk("dedup", root, "--apply", "--no-cache", "--jobs", "1").exit_code == 0
    outside = tmp_path / "private.md"
    outside_bytes = f"{SECRET}\n- {N1}\n".encode()
    outside.write_bytes(outside_bytes)
    (root / "INDEX.md").unlink()
    os.symlink(outside, root / "INDEX.md")
    before = snapshot(root)
    r = sk("restore", N3, "--seeds", root)
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert "INDEX.md" in r.stderr and SECRET not in r.stdout + r.stderr
    assert snapshot(root) == before  # still quarantined, manifest untouched
    assert outside.read_bytes() == outside_bytes and os.path.islink(root / "INDEX.md")


# ------------------------------------------------------------ 3: tampered manifest


@pytest.mark.parametrize("variant", ["absolute", "dotdot", "quarantine-dotdot", "quarantine-dotdot-out", "symlink"])
def test_restore_refuses_manifest_pointing_outside(sk, tmp_path, variant):
    root = _dup_corpus(tmp_path)
    r = sk("dedup", root, "--apply", "--no-cache", "--jobs", "1")
    assert r.exit_code == 0, (r.stdout, r.stderr)
    assert not (root / N3).exists() and (root / QDIR / N3).is_file()

    outside = tmp_path / "outside.txt"
    victim_bytes = b"a file that is not the seeds' to take\n" * 3
    outside.write_bytes(victim_bytes)
    inside_x = root / "x"
    if variant == "absolute":
        target, victim = str(outside), outside
    elif variant == "dotdot":
        target, victim = "../outside.txt", outside
    elif variant == "quarantine-dotdot":
        # Resolves to DIR/x: inside the folder, but not in the quarantine.
        inside_x.write_bytes(victim_bytes)
        target, victim = f"{QDIR}/../../x", inside_x
    elif variant == "quarantine-dotdot-out":
        target, victim = f"{QDIR}/../../../outside.txt", outside
    else:
        # The manifest is untouched, but the quarantined copy was replaced by a symlink out.
        (root / QDIR / N3).unlink()
        os.symlink(outside, root / QDIR / N3)
        target, victim = None, outside

    manifest = root / MANIFEST
    recs = [json.loads(x) for x in manifest.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert [rec["file"] for rec in recs] == [N3]
    if target is not None:
        recs[0]["quarantined"] = target
        manifest.write_text("".join(json.dumps(rec) + "\n" for rec in recs), encoding="utf-8")
    before = snapshot(root)

    r = sk("restore", N3, "--seeds", root)
    assert r.exit_code == 2, (variant, r.stdout, r.stderr)
    assert r.stderr.strip()
    assert victim.read_bytes() == victim_bytes  # still there, unchanged
    assert not (root / N3).exists() and not os.path.lexists(root / N3)
    assert snapshot(root) == before  # nothing appeared, nothing changed (manifest included)


def test_restore_refuses_manifest_file_through_a_symlinked_subfolder(sk, tmp_path):
    root = _dup_corpus(tmp_path)
    assert sk("dedup", root, "--apply", "--no-cache", "--jobs", "1").exit_code == 0
    outdir = tmp_path / "outdir"
    outdir.mkdir()
    os.symlink(outdir, root / "link")
    manifest = root / MANIFEST
    rec = json.loads(manifest.read_text(encoding="utf-8"))
    rec["file"] = f"link/{N3}"
    manifest.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    before = snapshot(root)
    r = sk("restore", f"link/{N3}", "--seeds", root)
    assert list(outdir.iterdir()) == []  # nothing written outside the seeds folder
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert snapshot(root) == before


def test_restore_refuses_a_quarantine_folder_symlinked_outside(sk, tmp_path):
    root = _dup_corpus(tmp_path)
    assert sk("dedup", root, "--apply", "--no-cache", "--jobs", "1").exit_code == 0
    outdir = tmp_path / "qout"
    os.rename(root / QDIR, outdir)
    victim_bytes = b"outside data that is not the folder's to take\n" * 2
    (outdir / N3).write_bytes(victim_bytes)
    os.symlink(outdir, root / QDIR)
    before = snapshot(root)
    r = sk("restore", N3, "--seeds", root)
    assert (outdir / N3).is_file(), "the outside file was moved into the seeds folder"
    assert (outdir / N3).read_bytes() == victim_bytes  # the outside file stays where it was
    assert not (root / N3).exists()
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert snapshot(root) == before


def test_apply_refuses_a_seedkeeper_folder_symlinked_outside(sk, tmp_path):
    root = _dup_corpus(tmp_path)
    outdir = tmp_path / "skout"
    outdir.mkdir()
    os.symlink(outdir, root / ".seedkeeper")
    before = snapshot(root)
    r = sk("dedup", root, "--apply", "--no-cache", "--jobs", "1")
    assert sorted(outdir.rglob("*")) == []  # nothing written outside the seeds folder
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert snapshot(root) == before


# ------------------------------------------------------------ 4: notes survive apply + restore

NOTE = "IMPORTANT: from the 1998 archive"


def test_managed_table_notes_and_pinned_survive_apply_and_restore(sk, tmp_path):
    root = _dup_corpus(tmp_path)
    assert sk("index", root, "--no-cache", "--jobs", "1").exit_code == 0
    set_row_cells(root, N3, Pinned="en-GB", Notes=NOTE)
    row = rows_of((root / "INDEX.md").read_text(encoding="utf-8"))[N3]
    assert (row["Pinned"], row["Notes"]) == ("en-GB", NOTE)  # the edit itself is what we meant

    r = sk("dedup", root, "--apply", "--no-cache", "--jobs", "1")
    assert r.exit_code == 0, (r.stdout, r.stderr)
    assert not (root / N3).exists()
    assert N3 not in rows_of((root / "INDEX.md").read_text(encoding="utf-8"))

    r = sk("restore", N3, "--seeds", root)
    assert r.exit_code == 0, (r.stdout, r.stderr)
    assert (root / N3).read_bytes() == EN.encode()
    r = sk("index", root, "--no-cache", "--jobs", "1")
    assert r.exit_code == 0, (r.stdout, r.stderr)
    rows = rows_of((root / "INDEX.md").read_text(encoding="utf-8"))
    assert rows[N3]["Pinned"] == "en-GB"
    assert rows[N3]["Notes"] == NOTE
    assert rows[N1]["Notes"] == "" and rows[N2]["Pinned"] == ""


def test_hand_list_note_survives_apply_and_restore(sk, tmp_path):
    line3 = f"- {N3} — {NOTE} (lang: en-GB)"
    index = f"# Seeds\n\n- {N1}\n- {N2}\n{line3}\n"
    root = _dup_corpus(tmp_path, index=index)

    r = sk("dedup", root, "--apply", "--no-cache", "--jobs", "1")
    assert r.exit_code == 0, (r.stdout, r.stderr)
    assert N3 not in (root / "INDEX.md").read_text(encoding="utf-8")

    r = sk("restore", N3, "--seeds", root)
    assert r.exit_code == 0, (r.stdout, r.stderr)
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    relisted = [ln for ln in text.splitlines() if N3 in ln]
    assert len(relisted) == 1, text
    assert relisted[0].lstrip().startswith(("-", "*")) and relisted[0].split()[1] == N3
    assert NOTE in relisted[0] and "lang: en-GB" in relisted[0]

    # And indexing it afterwards carries both into the managed table.
    assert sk("index", root, "--no-cache", "--jobs", "1").exit_code == 0
    row = rows_of((root / "INDEX.md").read_text(encoding="utf-8"))[N3]
    assert row["Pinned"] == "en-GB" and NOTE in row["Notes"]


def test_adopted_hand_list_note_survives_apply_restore_index(sk, tmp_path):
    index = f"# Seeds\n\n- {N1}\n- {N2}\n- {N3} — {NOTE} (lang: en-GB)\n"
    root = _dup_corpus(tmp_path, index=index)
    assert sk("index", root, "--no-cache", "--jobs", "1").exit_code == 0
    row = rows_of((root / "INDEX.md").read_text(encoding="utf-8"))[N3]
    assert row["Pinned"] == "en-GB" and NOTE in row["Notes"]

    assert sk("dedup", root, "--apply", "--no-cache", "--jobs", "1").exit_code == 0
    assert sk("restore", N3, "--seeds", root).exit_code == 0
    assert sk("index", root, "--no-cache", "--jobs", "1").exit_code == 0
    row = rows_of((root / "INDEX.md").read_text(encoding="utf-8"))[N3]
    assert row["Pinned"] == "en-GB" and NOTE in row["Notes"]


# ------------------------------------------------------------ 5: prose link does not decide


def test_prose_link_does_not_decide_which_copy_is_kept(sk, tmp_path):
    # A is listed first but named after B, so neither "first mention" nor "first by name" keeps A.
    a, b = N5, N4
    index = f"See [the copy]({b}) first.\n\n- {a}\n- {b}\n"
    root = make_seeds(tmp_path, {a: EN, b: EN}, index=index)
    r = sk("dedup", root, "--format", "json", "--no-cache", "--jobs", "1")
    assert r.exit_code == 1, (r.stdout, r.stderr)
    clusters = jout(r)["clusters"]
    assert [c["keep"] for c in clusters] == [a]
    assert [(d["file"], d["kind"]) for d in clusters[0]["duplicates"]] == [(b, "exact")]


# ------------------------------------------------------------ 6: symlinked duplicate


def test_symlinked_duplicate_is_skipped_not_moved(sk, tmp_path):
    root = make_seeds(tmp_path, {N1: EN, N2: FA, N3: EN})
    os.symlink(N1, root / N4)  # a relative link, inside the folder, to the kept document
    (root / "INDEX.md").write_text(index_for([N1, N2, N3, N4]), encoding="utf-8")

    r = sk("dedup", root, "--apply", "--format", "json", "--no-cache", "--jobs", "1")
    assert r.exit_code == 0, (r.stdout, r.stderr)
    data = jout(r)
    assert N4 in {d["file"] for c in data["clusters"] for d in c["duplicates"]}
    assert [s["file"] for s in data.get("skipped", [])] == [N4]
    assert [m["file"] for m in data.get("moved", [])] == [N3]
    assert os.path.islink(root / N4) and os.readlink(root / N4) == N1
    assert (root / N1).read_bytes() == EN.encode()
    assert not (root / N3).exists() and (root / QDIR / N3).read_bytes() == EN.encode()
    assert not os.path.lexists(root / QDIR / N4)
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert f"- {N4}" in text and f"- {N3}" not in text


# ------------------------------------------------------------ 7: large near duplicates


def _big_pair(newlines: bool) -> tuple[str, str]:
    rnd = random.Random(1234)
    vocab = ["".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(3, 9))) for _ in range(3000)]
    words, size = [], 0
    while size < 200_000:
        words.append(rnd.choice(vocab))
        size += len(words[-1]) + 1
    changed = [f"zq{i}x" if i % 500 == 250 else w for i, w in enumerate(words)]

    def join(ws):
        if not newlines:
            return " ".join(ws)
        return "".join(" ".join(ws[i : i + 12]) + "\n" for i in range(0, len(ws), 12))

    return join(words), join(changed)


@pytest.mark.parametrize("newlines", [True, False], ids=["lines", "one-line"])
def test_large_near_duplicates_finish_fast_with_an_excerpt(tmp_path, newlines):
    a, b = _big_pair(newlines)
    assert len(a.encode()) > 190_000 and (a.count("\n") > 1000) == newlines
    root = make_seeds(tmp_path, {N1: a, N2: b})
    # A subprocess, so that a quadratic diff is killed at the deadline instead of hanging the suite.
    t0 = time.monotonic()
    try:
        p = subprocess.run(
            [sys.executable, "-m", "seedkeeper", "dedup", str(root), "--no-cache", "--jobs", "1"],
            capture_output=True,
            text=True,
            timeout=10,
            cwd=tmp_path,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("dedup of two 200 KB near duplicates did not finish within 10 s")
    elapsed = time.monotonic() - t0
    assert p.returncode == 1, (p.stdout, p.stderr)
    assert elapsed < 10, f"dedup took {elapsed:.1f} s"
    assert re.search(rf"near\s+0\.9\d\s+{N2}", p.stdout), p.stdout
    excerpt = [ln.strip() for ln in p.stdout.splitlines() if ln.strip().startswith(("- ", "+ "))]
    assert any(ln.startswith("- ") for ln in excerpt) and any(ln.startswith("+ ") for ln in excerpt), p.stdout
    # The first difference is word 250 of b; it opens the bracketed part of the excerpt.
    assert "[zq250x" in " ".join(p.stdout.split()), p.stdout


# ------------------------------------------------------------ 8: empty documents


def test_empty_documents_are_not_duplicates_of_each_other(sk, tmp_path):
    bom_only, blank = N2, N3
    zero1, zero2 = N4, N5  # byte-identical empty files are not duplicates either
    root = make_seeds(tmp_path, {N1: EN, bom_only: b"\xef\xbb\xbf", blank: " \n\t\n  \n", zero1: b"", zero2: b""})
    r = sk("check", root, "--format", "json", "--no-cache", "--jobs", "1")
    assert r.exit_code == 1, (r.stdout, r.stderr)
    data = jout(r)
    for f in (bom_only, blank, zero1, zero2):
        got = {p["code"] for p in data["problems"] if p["file"] == f}
        assert "empty" in got, data
        assert not got & {"exact-duplicate", "near-duplicate", "lang-undetermined"}, (f, got)
    assert not [p for p in data["problems"] if p["code"] == "exact-duplicate"]
    assert data.get("clusters", []) == []


# ------------------------------------------------------------ 9: add refusals


@pytest.mark.parametrize("how", ["absolute", "dotted", "relative-from-inside"])
def test_add_refuses_a_file_already_in_the_folder(sk, tmp_path, monkeypatch, how):
    root = make_seeds(tmp_path, {N1: EN})
    (root / "drafts").mkdir()
    draft = root / "drafts" / "new.txt"
    draft.write_text(FA, encoding="utf-8")
    if how == "absolute":
        arg = draft
    elif how == "dotted":
        arg = f"{root}/drafts/../drafts/new.txt"
    else:
        monkeypatch.chdir(root / "drafts")
        arg = "new.txt"
    before = snapshot(root)
    r = sk("add", arg, "--seeds", root, "--format", "json", "--no-cache")
    assert r.exit_code == 1, (r.stdout, r.stderr)
    data = jout(r)
    assert data["added"] == [] and data["refused"][0]["code"] == "already-in-folder"
    assert snapshot(root) == before


def test_add_with_include_not_matching_new_names_is_a_usage_error(sk, tmp_path):
    root = make_seeds(tmp_path, {"001_" + "a" * 16 + ".md": EN})
    (tmp_path / "seedkeeper.toml").write_text('include = ["*.md"]\n', encoding="utf-8")
    new = tmp_path / "incoming.txt"
    new.write_text(FA, encoding="utf-8")
    before = snapshot(root)
    r = sk("add", new, "--seeds", root, "--no-cache")
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert "*.md" in r.stderr and "include" in r.stderr
    assert snapshot(root) == before
    assert new.read_text(encoding="utf-8") == FA


@pytest.mark.parametrize("kind", ["symlink", "fifo", "folder"])
def test_add_with_unusable_index_writes_nothing(sk, tmp_path, kind):
    root = make_seeds(tmp_path, {N1: EN})
    (root / "INDEX.md").unlink()
    if kind == "symlink":
        (root / "real.md").write_text(index_for([N1]), encoding="utf-8")
        os.symlink("real.md", root / "INDEX.md")
    elif kind == "fifo":
        os.mkfifo(root / "INDEX.md")
    else:
        (root / "INDEX.md").mkdir()
    new = tmp_path / "new.txt"
    new.write_text(FA, encoding="utf-8")
    before = snapshot(root)
    r = call_with_timeout(lambda: sk("add", new, "--seeds", root, "--no-cache"), 10, fifo_paths=[root / "INDEX.md"])
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert "INDEX.md" in r.stderr
    assert snapshot(root) == before  # no new document either


# ------------------------------------------------------------ 10: cache inside the seeds folder


@pytest.mark.parametrize("command", ["check", "dedup", "tag", "index", "stats", "add"])
@pytest.mark.parametrize("via", ["flag", "env"])
def test_cache_inside_the_seeds_folder_is_refused(sk, tmp_path, command, via):
    root = make_seeds(tmp_path, {N1: EN, N2: FA})
    new = tmp_path / "new.txt"
    new.write_text(ZH, encoding="utf-8")
    before = snapshot(root)
    if command == "add":
        args = ["add", new, "--seeds", root]
    else:
        args = [command, root, "--jobs", "1"]
    if via == "flag":
        r = sk(*args, "--cache-dir", root / ".cache")
        made = root / ".cache"
    else:
        r = sk(*args, env={"SEEDKEEPER_CACHE_DIR": str(root / "sub")})
        made = root / "sub"
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert "cache" in r.stderr and "inside the seeds folder" in r.stderr
    assert not os.path.lexists(made)
    assert snapshot(root) == before


# ------------------------------------------------------------ 11: bad flag values


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--threshold", "1.5"),
        ("check", "--jobs", "-3"),
        ("dedup", "--threshold", "1.5"),
        ("tag", "--jobs", "-3"),
    ],
)
def test_bad_flag_value_names_the_flags_not_the_config(sk, tmp_path, args):
    (tmp_path / "pyproject.toml").write_text("[tool.seedkeeper]\nthreshold = 0.9\n", encoding="utf-8")
    root = make_seeds(tmp_path, {N1: EN})
    r = sk(args[0], root, *args[1:], "--no-cache")
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert "flags" in r.stderr
    assert "pyproject.toml" not in r.stderr
    assert args[1].lstrip("-") in r.stderr


def test_bad_config_value_names_the_config_file(sk, tmp_path):
    # The counterpart: the same bad value written in the config names that file.
    (tmp_path / "pyproject.toml").write_text("[tool.seedkeeper]\nthreshold = 1.5\n", encoding="utf-8")
    root = make_seeds(tmp_path, {N1: EN})
    r = sk("check", root, "--no-cache")
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert "pyproject.toml" in r.stderr and "flags" not in r.stderr


# ------------------------------------------------------------ 12: add numbering


def test_add_numbering_skips_quarantined_documents(sk, tmp_path):
    one, two = "001_" + "1" * 16 + ".txt", "002_" + "2" * 16 + ".txt"
    root = make_seeds(tmp_path, {one: EN, two: EN})
    assert sk("index", root, "--no-cache", "--jobs", "1").exit_code == 0  # add never adopts a hand-written list
    r = sk("dedup", root, "--apply", "--no-cache", "--jobs", "1")
    assert r.exit_code == 0, (r.stdout, r.stderr)
    assert not (root / two).exists() and (root / QDIR / two).is_file()

    new = tmp_path / "fresh.txt"
    new.write_text(FA, encoding="utf-8")
    r = sk("add", new, "--seeds", root, "--format", "json", "--no-cache")
    assert r.exit_code == 0, (r.stdout, r.stderr)
    added = jout(r)["added"]
    assert len(added) == 1 and added[0]["file"].startswith("003_"), added
    assert (root / added[0]["file"]).is_file()
    assert not list(root.glob("002_*.txt"))
    # The quarantined 002 can still come back without colliding.
    assert sk("restore", two, "--seeds", root).exit_code == 0
    assert (root / two).read_bytes() == EN.encode()


# ------------------------------------------------------------ 13: github annotations

_GH = re.compile(r"^::(error|warning) ([^:]*)::(.*)$")


def _annotations(stdout: str) -> list[tuple[str, dict[str, str], str]]:
    out = []
    for line in stdout.splitlines():
        m = _GH.match(line)
        assert m, f"not a workflow command: {line!r}"
        pairs = [p.split("=", 1) for p in m.group(2).split(",")]
        assert all(len(kv) == 2 for kv in pairs), f"unescaped comma in the properties: {line!r}"
        props = dict(pairs)
        out.append((m.group(1), props, m.group(3)))
    return out


def test_dedup_github_annotations(sk, tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    near = EN.replace("lighthouse", "beacon", 1)
    comma = "copy,of,one.txt"
    files = {N1: EN, N2: FA, N3: EN, N4: EN.replace("\n", "\r\n"), N5: near, comma: EN}
    root = make_seeds(tmp_path, files)
    r = sk("dedup", root, "--format", "github", "--no-cache", "--jobs", "1")
    assert r.exit_code == 1, (r.stdout, r.stderr)
    got = {props["file"]: (level, props.get("title"), "line" in props) for level, props, _ in _annotations(r.stdout)}
    assert got == {
        f"seeds/{N3}": ("error", "exact-duplicate", False),
        f"seeds/{N4}": ("error", "exact-duplicate", False),  # a normalized duplicate
        f"seeds/{N5}": ("warning", "near-duplicate", False),
        "seeds/copy%2Cof%2Cone.txt": ("error", "exact-duplicate", False),
    }, r.stdout


def test_tag_github_annotations(sk, tmp_path, monkeypatch):
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    und = "1234 5678 9012 3456 7890 1234 5678 9012 3456 7890\n"
    files = {N1: EN, N2: und, "sub/n,o.txt": und}
    root = make_seeds(tmp_path, files)
    r = sk("tag", root, "--format", "github", "--no-cache", "--jobs", "1")
    assert r.exit_code == 0, (r.stdout, r.stderr)
    got = {props["file"]: (level, props.get("title")) for level, props, _ in _annotations(r.stdout)}
    assert got == {
        f"seeds/{N2}": ("warning", "lang-undetermined"),
        "seeds/sub/n%2Co.txt": ("warning", "lang-undetermined"),
    }, r.stdout


# ------------------------------------------------------------ 14: index with INDEX.md a symlink inside


def test_index_refuses_index_symlinked_inside(sk, tmp_path):
    root = make_seeds(tmp_path, {N1: EN, N2: FA}, index=None)
    real = root / "docs" / "real.md"
    real.parent.mkdir()
    real.write_text(index_for([N1]), encoding="utf-8")
    (root / "INDEX.md").unlink()
    os.symlink("docs/real.md", root / "INDEX.md")
    before = snapshot(root)
    r = sk("index", root, "--no-cache", "--jobs", "1")
    assert r.exit_code == 2, (r.stdout, r.stderr)
    msg = r.stderr.strip()
    assert msg and "\n" not in msg and "Traceback" not in msg and "INDEX.md" in msg
    assert snapshot(root) == before
    assert os.path.islink(root / "INDEX.md") and real.read_text(encoding="utf-8") == index_for([N1])


# ------------------------------------------------------------ 15: line numbers in check JSON


def test_check_json_lines_for_duplicates_and_lang_mismatch(sk, tmp_path):
    index = (
        "# Seeds\n"  # 1
        "\n"  # 2
        f"Background: see [this one]({N2}).\n"  # 3
        "\n"  # 4
        f"- {N1}\n"  # 5
        f"- {N2} (lang: fa)\n"  # 6
        f"- {N3}\n"  # 7
    )
    root = make_seeds(tmp_path, {N1: EN, N2: ZH, N3: EN}, index=index)
    r = sk("check", root, "--format", "json", "--no-cache", "--jobs", "1")
    assert r.exit_code == 1, (r.stdout, r.stderr)
    probs = jout(r)["problems"]
    dup = [p for p in probs if p["code"] == "exact-duplicate"]
    assert [(p["file"], p["line"]) for p in dup] == [(N3, None)], probs
    mism = [p for p in probs if p["code"] == "lang-mismatch"]
    assert [(p["file"], p["line"]) for p in mism] == [(N2, 6)], probs
