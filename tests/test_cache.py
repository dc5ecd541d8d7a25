"""The incremental cache ("Speed at scale"): stat shortcut, hash fallback, fingerprint, robustness
against corrupt/foreign caches, location rules (never inside the seeds folder), `cache clear`,
`--no-cache`, JSON-only entries."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import sqlite3
from pathlib import Path

import pytest

from dedup_fixtures import NEAR_EDITS, doc
from helpers import assert_exit, doc_name, make_seeds, snapshot
from multilingual import CLEAN
from seedkeeper.corpus.analysis import Features
from seedkeeper.corpus.cache import CACHE_FILE, Cache
from seedkeeper.corpus.pool import CacheSpec, RunStats
from seedkeeper.corpus.survey import survey
from seedkeeper.operations.tagging import tag
from seedkeeper.operations.validation import check
from seedkeeper.settings import Settings

pytestmark = pytest.mark.usefixtures("isolated_env")

ALL = Features(dedup=True, lang=True, quality=Settings().quality_settings())  # what check computes


# ---------------------------------------------------------------- helpers


def corpus_files() -> dict[str, bytes | str]:
    """Clean multilingual documents plus a few that carry findings (so results are not trivial)."""
    files: dict[str, bytes | str] = {doc_name(i, lang): text for i, (lang, text) in enumerate(CLEAN.items())}
    n = len(files)
    files[doc_name(n, "short")] = "Too short.\n"  # too-short (depends on min_chars)
    files[doc_name(n + 1, "crlf")] = CLEAN["en"].replace("\n", "\r\n")  # crlf + normalized duplicate
    files[doc_name(n + 2, "copy")] = CLEAN["fa"]  # exact duplicate
    files[doc_name(n + 3, "binary")] = b"\x00\x01\x02binary\x00" * 20  # unreadable
    files["sub/" + doc_name(n + 4, "long")] = doc("en", [0, 1, 2, 3])
    files[doc_name(n + 5, "near")] = near_copy(doc("en", [0, 1, 2, 3]))  # near duplicate (shingle cache)
    return files


def near_copy(text: str) -> str:
    for old, new in NEAR_EDITS["en"][2]:
        text = text.replace(old, new)
    return text


@pytest.fixture
def seeds(tmp_path):
    return make_seeds(tmp_path, corpus_files())


@pytest.fixture
def spec(tmp_path):
    return CacheSpec(tmp_path / "the-cache")


def run_survey(root, spec, settings=None, features=ALL) -> RunStats:
    return survey(root, settings or Settings(), features=features, jobs=1, cache=spec).stats


def problems_of(report) -> list[dict]:
    return [p.to_dict() for p in report.problems]


def outcome(root, cache, settings=None) -> tuple:
    """Everything a user sees from check and tag, as plain data (dict equality, key order aside)."""
    settings = settings or Settings()
    c = check(root, settings, jobs=1, cache=cache)
    t = tag(root, settings, jobs=1, cache=cache)
    return problems_of(c), c.to_dict().get("clusters"), t.to_dict()


def all_docs(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.txt") if ".seedkeeper" not in p.parts)


# ---------------------------------------------------------------- hits and misses


def test_second_run_answers_every_document_from_the_stat_shortcut(seeds, spec):
    first = run_survey(seeds, spec)
    n = len(corpus_files())
    assert (first.total, first.stat_hits, first.hash_hits, first.computed) == (n, 0, 0, n)
    assert (spec.folder / CACHE_FILE).is_file()
    second = run_survey(seeds, spec)
    assert (second.total, second.stat_hits, second.hash_hits, second.computed) == (n, n, 0, 0)


def test_cached_results_are_identical_to_an_uncached_run(seeds, spec):
    uncached = outcome(seeds, None)
    cold = outcome(seeds, spec)
    warm = outcome(seeds, spec)
    assert cold == uncached
    assert warm == uncached
    problems, clusters, tags = uncached
    # The comparison is not vacuous: there are findings, clusters and tags to compare.
    codes = {p["code"] for p in problems}
    assert {"too-short", "crlf", "exact-duplicate", "near-duplicate", "binary"} <= codes
    assert clusters and tags["documents"]


def test_touched_mtimes_fall_back_to_the_hash_without_recomputing(seeds, spec):
    run_survey(seeds, spec)
    for p in all_docs(seeds):
        st = p.stat()
        os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns - 5_000_000_000))
    s = run_survey(seeds, spec)
    assert (s.stat_hits, s.hash_hits, s.computed) == (0, s.total, 0)
    # ...and the stat keys were refreshed: the run after that is all stat hits again.
    s = run_survey(seeds, spec)
    assert (s.stat_hits, s.computed) == (s.total, 0)


def test_fresh_checkout_elsewhere_uses_hash_hits_and_gives_the_same_results(seeds, spec, tmp_path):
    before = outcome(seeds, spec)
    clone = tmp_path / "checkout" / "seeds"
    clone.parent.mkdir()
    shutil.copytree(seeds, clone, copy_function=shutil.copy)  # new inodes, new mtimes
    s = run_survey(clone, spec)
    assert (s.stat_hits, s.hash_hits, s.computed) == (0, s.total, 0)
    assert outcome(clone, spec) == before


def test_changing_one_document_recomputes_exactly_one(seeds, spec):
    run_survey(seeds, spec)
    target = seeds / doc_name(0, "en")
    target.write_text(CLEAN["de"] + "Noch ein Satz, damit sich der Inhalt ändert.\n", encoding="utf-8")
    s = run_survey(seeds, spec)
    assert (s.stat_hits, s.hash_hits, s.computed) == (s.total - 1, 0, 1)
    tags = {d["file"]: d["lang"] for d in tag(seeds, jobs=1, cache=spec).documents}
    assert tags[target.name] == "de"  # the new content, not a stale cached answer


def test_replaced_file_with_same_size_and_mtime_is_caught_by_the_inode(seeds, spec):
    """An editor's atomic save (new inode) that keeps size and mtime must not be a stat hit."""
    run_survey(seeds, spec)
    target = seeds / doc_name(0, "en")
    old = target.read_text(encoding="utf-8")
    new = old.replace("library", "LIBRARY")
    assert len(new.encode()) == len(old.encode()) and new != old
    st = target.stat()
    tmp = seeds / ".tmp-save"
    tmp.write_text(new, encoding="utf-8")
    os.utime(tmp, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(tmp, target)
    assert target.stat().st_ino != st.st_ino or pytest.skip("the file system reused the inode")
    s = run_survey(seeds, spec)
    assert (s.stat_hits, s.hash_hits + s.computed) == (s.total - 1, 1)
    assert s.computed == 1


def test_a_new_document_is_the_only_one_computed(seeds, spec):
    run_survey(seeds, spec)
    new = doc_name(99, "new")
    (seeds / new).write_text(CLEAN["ru"] + "Это совершенно новый документ.\n", encoding="utf-8")
    (seeds / "INDEX.md").write_text((seeds / "INDEX.md").read_text(encoding="utf-8") + f"- {new}\n", encoding="utf-8")
    s = run_survey(seeds, spec)
    assert (s.stat_hits, s.computed) == (s.total - 1, 1)


def test_a_setting_that_changes_results_invalidates_the_cache(seeds, spec):
    run_survey(seeds, spec)
    s = run_survey(seeds, spec, Settings(min_chars=5))
    assert (s.stat_hits, s.hash_hits, s.computed) == (0, 0, s.total)
    # The result follows the setting: the short document is no longer too short.
    short = doc_name(len(CLEAN), "short")
    with_default = {p.file for p in check(seeds, Settings(), jobs=1, cache=spec).problems if p.code == "too-short"}
    with_low = {
        p.file for p in check(seeds, Settings(min_chars=5), jobs=1, cache=spec).problems if p.code == "too-short"
    }
    assert short in with_default and short not in with_low
    # A setting that does not change per-document results (threshold) keeps the cache.
    s = run_survey(seeds, spec, Settings(threshold=0.9))
    assert (s.stat_hits, s.computed) == (s.total, 0)


def test_features_and_tool_version_are_part_of_the_key(seeds, spec, monkeypatch):
    run_survey(seeds, spec, features=Features(lang=True))
    s = run_survey(seeds, spec, features=Features(dedup=True))
    assert s.computed == s.total  # a dedup-only analysis is not a language analysis
    import seedkeeper.corpus.pool as pipeline

    monkeypatch.setattr(pipeline, "__version__", "999.0.0-test")
    s = run_survey(seeds, spec, features=Features(dedup=True))
    assert s.computed == s.total


# ---------------------------------------------------------------- corrupt, foreign, unusable caches


def _garbage(folder: Path) -> None:
    (folder / CACHE_FILE).write_bytes(bytes(range(256)) * 40)


def _foreign(folder: Path) -> None:
    db = sqlite3.connect(folder / CACHE_FILE)
    db.executescript(
        "CREATE TABLE users (id INTEGER, name TEXT); INSERT INTO users VALUES (1, 'x');"
        "CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('schema', 'someone-else-1');"
        "CREATE TABLE analyses (x INTEGER);"
    )
    db.commit()
    db.close()


def _truncated_header(folder: Path) -> None:
    (folder / CACHE_FILE).write_bytes(b"SQLite format 3\x00\x10\x00\x01\x01")


@pytest.mark.parametrize(
    "damage", [_garbage, _foreign, _truncated_header], ids=["garbage", "foreign", "truncated-header"]
)
def test_corrupt_or_foreign_cache_is_ignored_and_rebuilt(seeds, spec, damage):
    expected = outcome(seeds, None)
    spec.folder.mkdir()
    damage(spec.folder)
    assert outcome(seeds, spec) == expected  # no crash, right results
    s = run_survey(seeds, spec)
    assert (s.stat_hits, s.computed) == (s.total, 0)  # rebuilt: the next run is served from it
    db = sqlite3.connect(spec.folder / CACHE_FILE)
    assert db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0].startswith("seedkeeper-cache")
    db.close()


def test_cache_truncated_mid_file_is_ignored_and_rebuilt(seeds, spec):
    expected = outcome(seeds, spec)
    path = spec.folder / CACHE_FILE
    data = path.read_bytes()
    assert len(data) > 4096
    path.write_bytes(data[: len(data) // 2 + 17])
    assert outcome(seeds, spec) == expected
    s = run_survey(seeds, spec)
    assert (s.stat_hits, s.computed) == (s.total, 0)


def test_a_directory_where_the_cache_file_should_be(seeds, spec):
    expected = outcome(seeds, None)
    (spec.folder / CACHE_FILE).mkdir(parents=True)
    assert outcome(seeds, spec) == expected
    s = run_survey(seeds, spec)
    assert s.computed == s.total and s.stat_hits == 0  # no cache, but no crash either
    assert (spec.folder / CACHE_FILE).is_dir()  # and nothing of the user's was removed


def test_cache_folder_that_cannot_be_created(seeds, tmp_path):
    expected = outcome(seeds, None)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    bad = CacheSpec(blocker / "cache")
    assert outcome(seeds, bad) == expected
    assert blocker.read_text() == "not a folder"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write to a read-only folder")
def test_unwritable_cache_folder(seeds, tmp_path):
    expected = outcome(seeds, None)
    folder = tmp_path / "ro-cache"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert outcome(seeds, CacheSpec(folder)) == expected
    finally:
        folder.chmod(0o700)


def test_unwritable_cache_through_the_cli(cli, seeds, tmp_path):
    expected = json.loads(cli("tag", seeds, "--format", "json", "--no-cache").stdout)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    r = cli("tag", seeds, "--format", "json", "--cache-dir", blocker / "sub")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == expected


def test_garbage_cache_through_the_cli_is_not_a_crash(cli, seeds, tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    _garbage(folder)
    ref = cli("check", seeds, "--format", "json", "--no-cache")
    r = cli("check", seeds, "--format", "json", "--cache-dir", folder)
    assert_exit(r, 1)  # findings (duplicates, binary), not a crash
    assert_exit(ref, 1)
    assert "internal error" not in r.stderr
    assert json.loads(r.stdout) == json.loads(ref.stdout)


def test_cache_row_with_wrongly_typed_json_is_a_miss(cli, seeds, tmp_path):
    """Regression: cache._decode accepted wrongly typed JSON (lang as a string) and tag crashed with exit 3."""
    folder = tmp_path / "c"
    expected = json.loads(cli("tag", seeds, "--format", "json", "--no-cache").stdout)
    assert cli("tag", seeds, "--cache-dir", folder).exit_code == 0
    db = sqlite3.connect(folder / CACHE_FILE)
    rows = db.execute("SELECT rowid, data FROM analyses").fetchall()
    for rowid, data in rows:
        d = json.loads(data)
        d["lang"] = "fa"  # a string where a mapping belongs
        db.execute("UPDATE analyses SET data = ? WHERE rowid = ?", (json.dumps(d), rowid))
    db.commit()
    db.close()
    r = cli("tag", seeds, "--format", "json", "--cache-dir", folder)
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout) == expected


def test_a_fresh_cache_is_not_reported_as_corrupt(seeds, spec):
    """Regression (fixed in c78bf36): a brand-new cache used to leave an empty cache.corrupt."""
    run_survey(seeds, spec)
    assert sorted(os.listdir(spec.folder)) == [CACHE_FILE]


def test_damaged_shingle_blob_is_a_miss_not_a_crash(cli, seeds, tmp_path):
    """Regression: duplicate_clusters.cluster used np.frombuffer on a damaged cached shingle blob; dedup exited 3."""
    folder = tmp_path / "c"
    ref = cli("dedup", seeds, "--format", "json", "--no-cache")
    assert_exit(cli("dedup", seeds, "--cache-dir", folder), 1)
    assert_exit(ref, 1)
    db = sqlite3.connect(folder / CACHE_FILE)
    n = db.execute("UPDATE shingles SET data = ?", (b"abc",)).rowcount
    db.commit()
    db.close()
    assert n >= 1  # the near-duplicate confirmation stored shingles
    r = cli("dedup", seeds, "--format", "json", "--cache-dir", folder)
    assert_exit(r, 1)
    assert json.loads(r.stdout) == json.loads(ref.stdout)


# ---------------------------------------------------------------- JSON, never pickle


def test_entries_are_json(seeds, spec):
    run_survey(seeds, spec)
    db = sqlite3.connect(spec.folder / CACHE_FILE)
    rows = db.execute("SELECT data, signature FROM analyses").fetchall()
    db.close()
    assert rows
    for data, signature in rows:
        assert isinstance(data, str)
        assert isinstance(json.loads(data), dict)
        assert signature is None or isinstance(signature, bytes)


class _Evil:
    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def test_a_pickle_payload_in_the_cache_is_a_miss_and_never_executed(seeds, spec, tmp_path):
    run_survey(seeds, spec, features=Features(lang=True))
    marker = tmp_path / "PWNED"
    payload = pickle.dumps(_Evil(marker))
    db = sqlite3.connect(spec.folder / CACHE_FILE)
    keys = db.execute("SELECT sha256, fingerprint FROM analyses").fetchall()
    sha, fp = keys[0]
    db.execute("UPDATE analyses SET data = ?", (payload,))  # as a BLOB
    db.commit()
    db.close()
    cache = Cache(spec.folder)
    try:
        assert cache.enabled
        assert cache.get("x.txt", sha, fp) is None
    finally:
        cache.close()
    db = sqlite3.connect(spec.folder / CACHE_FILE)
    db.execute("UPDATE analyses SET data = ?", (payload.decode("latin-1"),))  # as TEXT
    db.execute("INSERT OR REPLACE INTO analyses VALUES ('deadbeef', ?, '[1, 2, 3]', NULL)", (fp,))
    db.commit()
    db.close()
    cache = Cache(spec.folder)
    try:
        assert cache.get("x.txt", sha, fp) is None
        assert cache.get("x.txt", "deadbeef", fp) is None  # JSON, but not an analysis
    finally:
        cache.close()
    # The full run works and recomputes instead of trusting the payload.
    s = run_survey(seeds, spec, features=Features(lang=True))
    assert s.computed == s.total and s.hash_hits == 0 and s.stat_hits == 0
    assert not marker.exists()


# ---------------------------------------------------------------- CLI: location, clear, --no-cache


def test_cache_clear_removes_the_cache(cli, seeds, tmp_path):
    folder = tmp_path / "explicit"
    assert cli("tag", seeds, "--cache-dir", folder).exit_code == 0
    assert (folder / CACHE_FILE).is_file()
    r = cli("cache", "clear", seeds, "--cache-dir", folder)
    assert r.exit_code == 0, r.output
    assert not (folder / CACHE_FILE).exists()
    assert not any(p.name.startswith("cache.") for p in folder.iterdir())
    assert folder.is_dir()  # a folder the user named is theirs: emptied, not removed
    named = tmp_path / "x" / ".seedkeeper_cache"  # even when named like the default one
    assert cli("tag", seeds, "--cache-dir", named).exit_code == 0
    assert cli("cache", "clear", seeds, "--cache-dir", named).exit_code == 0
    assert named.is_dir() and not any(named.iterdir())
    assert "cleared" in r.stdout
    r = cli("cache", "clear", seeds, "--cache-dir", folder)
    assert r.exit_code == 0 and "cleared" not in r.stdout


def test_cache_clear_then_run_rebuilds(cli, seeds, tmp_path):
    folder = tmp_path / "explicit"
    cli("tag", seeds, "--cache-dir", folder)
    cli("cache", "clear", seeds, "--cache-dir", folder)
    s = run_survey(seeds, CacheSpec(folder), features=Features(lang=True))
    assert s.computed == s.total


def test_no_cache_writes_no_cache(cli, seeds, tmp_path, monkeypatch):
    monkeypatch.delenv("SEEDKEEPER_CACHE_DIR")
    before = sorted(p.name for p in tmp_path.iterdir())
    # The corpus has duplicates and an unreadable document: check and dedup fail, tag and stats do not.
    for cmd, code in (("tag", 0), ("check", 1), ("dedup", 1), ("stats", 0)):
        assert_exit(cli(cmd, seeds, "--no-cache"), code)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert not list(tmp_path.rglob(CACHE_FILE))


def test_no_cache_ignores_the_environment_too(cli, seeds, tmp_path, monkeypatch):
    env_dir = tmp_path / "env-cache"
    monkeypatch.setenv("SEEDKEEPER_CACHE_DIR", str(env_dir))
    assert cli("tag", seeds, "--no-cache").exit_code == 0
    assert not (env_dir / CACHE_FILE).exists()


def test_environment_variable_is_honoured(cli, seeds, tmp_path, monkeypatch):
    env_dir = tmp_path / "env-cache"
    monkeypatch.setenv("SEEDKEEPER_CACHE_DIR", str(env_dir))
    assert cli("tag", seeds).exit_code == 0
    assert (env_dir / CACHE_FILE).is_file()
    assert not (tmp_path / ".seedkeeper_cache").exists()
    r = cli("cache", "dir", seeds)
    assert Path(r.stdout.strip()) == env_dir
    # --cache-dir beats the environment.
    flag_dir = tmp_path / "flag-cache"
    assert cli("tag", seeds, "--cache-dir", flag_dir).exit_code == 0
    assert (flag_dir / CACHE_FILE).is_file()


def test_default_location_beside_the_seeds_folder_without_config(cli, seeds, tmp_path, monkeypatch):
    monkeypatch.delenv("SEEDKEEPER_CACHE_DIR")
    before = snapshot(seeds)
    assert cli("tag", seeds).exit_code == 0
    assert (tmp_path / ".seedkeeper_cache" / CACHE_FILE).is_file()
    assert snapshot(seeds) == before
    assert Path(cli("cache", "dir", seeds).stdout.strip()).resolve() == (tmp_path / ".seedkeeper_cache").resolve()
    r = cli("cache", "clear", seeds)
    assert r.exit_code == 0 and not (tmp_path / ".seedkeeper_cache").exists()  # the folder it made goes too


def test_default_location_beside_the_config_file(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("SEEDKEEPER_CACHE_DIR")
    project = tmp_path / "project"
    seeds = make_seeds(project / "data", corpus_files())
    (project / "seedkeeper.toml").write_text('seeds = "data/seeds"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    before = snapshot(seeds)
    r = cli("tag")  # the folder from the config
    assert r.exit_code == 0, r.output
    assert (project / ".seedkeeper_cache" / CACHE_FILE).is_file()
    assert not (project / "data" / ".seedkeeper_cache").exists()
    assert snapshot(seeds) == before
    r = cli("tag", seeds)  # same, when the folder is named explicitly
    assert r.exit_code == 0
    assert not (project / "data" / ".seedkeeper_cache").exists()


def test_config_inside_the_seeds_folder_never_puts_the_cache_there(cli, tmp_path, monkeypatch):
    monkeypatch.delenv("SEEDKEEPER_CACHE_DIR")
    seeds = make_seeds(tmp_path, corpus_files())
    (seeds / "seedkeeper.toml").write_text('seeds = "."\n', encoding="utf-8")
    before = snapshot(seeds)
    for cmd, code in (("tag", 0), ("check", 1), ("validate", 1), ("dedup", 1), ("stats", 0)):
        assert_exit(cli(cmd, seeds), code)
    assert snapshot(seeds) == before
    assert (tmp_path / ".seedkeeper_cache" / CACHE_FILE).is_file()


def test_read_only_commands_write_nothing_in_the_seeds_folder(cli, seeds, tmp_path, monkeypatch):
    monkeypatch.delenv("SEEDKEEPER_CACHE_DIR")
    before = snapshot(seeds)
    # The folder has findings and no managed table: validate, dedup, check and `index --check` exit 1.
    for args, code in (
        (["validate"], 1),
        (["tag"], 0),
        (["dedup"], 1),
        (["check"], 1),
        (["stats"], 0),
        (["index", "--check"], 1),
        (["index", "--diff"], 0),
        (["check", "--format", "json"], 1),
        (["tag", "--jobs", "2"], 0),
    ):
        assert_exit(cli(args[0], seeds, *args[1:]), code)
        assert snapshot(seeds) == before, args
    assert (tmp_path / ".seedkeeper_cache" / CACHE_FILE).is_file()


def test_cli_second_run_is_served_from_the_cache(cli, seeds, tmp_path, monkeypatch):
    """Through the shell: the second `check` computes nothing (spy on run_analysis' stats)."""
    import seedkeeper.corpus.pool as pipeline

    seen: list[RunStats] = []
    real = pipeline.run_analysis

    def spy(*args, **kwargs):
        out = real(*args, **kwargs)
        seen.append(kwargs.get("stats"))
        return out

    import seedkeeper.corpus.survey as survey_mod

    monkeypatch.setattr(survey_mod, "run_analysis", spy)
    folder = tmp_path / "c"
    first = cli("check", seeds, "--format", "json", "--cache-dir", folder)
    second = cli("check", seeds, "--format", "json", "--cache-dir", folder)
    assert json.loads(first.stdout) == json.loads(second.stdout)
    assert seen[0].computed == seen[0].total and seen[1].stat_hits == seen[1].total


@pytest.mark.parametrize("command", ["check", "dedup", "tag", "index", "stats", "add"])
@pytest.mark.parametrize("via", ["flag", "env"])
def test_a_cache_inside_the_seeds_folder_is_refused(cli, tmp_path, monkeypatch, command, via):
    """Every command that caches refuses (exit 2, before creating anything) a cache folder inside
    the seeds folder, whether it comes from --cache-dir or SEEDKEEPER_CACHE_DIR."""
    root = make_seeds(tmp_path, {doc_name(1): doc("en", [0, 1, 2, 3]), doc_name(2): doc("fa", [0, 1, 2, 3])})
    new = tmp_path / "new.txt"
    new.write_text(doc("zh", [0, 1, 2, 3]), encoding="utf-8")
    before = snapshot(root)
    args = ["add", new, "--seeds", root] if command == "add" else [command, root, "--jobs", "1"]
    if via == "flag":
        made = root / ".cache"
        r = cli(*args, "--cache-dir", made)
    else:
        made = root / "sub"
        monkeypatch.setenv("SEEDKEEPER_CACHE_DIR", str(made))
        r = cli(*args)
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert "cache" in r.stderr and "inside the seeds folder" in r.stderr
    assert not os.path.lexists(made)
    assert snapshot(root) == before


def test_an_unchanged_corpus_reuses_its_clusters_and_a_change_recomputes_them(seeds, spec, monkeypatch):
    import seedkeeper.similarity.clustering as clustering

    first = check(seeds, Settings(), jobs=1, cache=spec)
    real = clustering.find_duplicates
    calls = []

    def counted(*a, **k):
        calls.append(1)
        return real(*a, **k)

    monkeypatch.setattr(clustering, "find_duplicates", counted)
    again = check(seeds, Settings(), jobs=1, cache=spec)
    assert calls == [] and again.to_dict() == first.to_dict()
    victim = next(p for p in all_docs(seeds) if p.suffix == ".txt")
    victim.write_bytes(victim.read_bytes() + b"One more sentence about a new bridge over the river.\n")
    check(seeds, Settings(), jobs=1, cache=spec)
    assert calls == [1]
    # A different threshold is another question: not answered from the stored clusters.
    check(seeds, Settings(threshold=0.9), jobs=1, cache=spec)
    assert calls == [1, 1]


def test_a_changed_document_searches_only_around_itself_and_finds_the_same_clusters(seeds, spec, tmp_path, monkeypatch):
    import seedkeeper.similarity.pairs as pairs  # where the full LSH search is called

    check(seeds, Settings(), jobs=1, cache=spec)
    victim = next(p for p in all_docs(seeds) if p.suffix == ".txt")
    victim.write_bytes(victim.read_bytes() + b"One more sentence about a new bridge over the river.\n")
    full_calls = []
    real = pairs.candidate_pairs

    def counted(*a, **k):
        full_calls.append(1)
        return real(*a, **k)

    monkeypatch.setattr(pairs, "candidate_pairs", counted)
    incremental = check(seeds, Settings(), jobs=1, cache=spec)
    assert full_calls == []  # last run's candidates plus the changed document's own
    check(seeds, Settings(), jobs=1)  # the control: without a cache the full search runs, and is counted
    assert full_calls
    monkeypatch.undo()
    assert incremental.to_dict() == check(seeds, Settings(), jobs=1).to_dict()  # a full search agrees


def test_blobs_are_found_by_key_in_batches_and_missing_keys_are_absent(tmp_path):
    store = Cache(tmp_path)
    items = {(f"{i:064x}", f"bp/1/{i % 7}"): f"data {i}".encode() for i in range(900)}
    groups: dict[str, list[tuple[str, bytes]]] = {}
    for (sha, fp), data in items.items():
        groups.setdefault(fp, []).append((sha, data))
    store.put_blob_groups(groups)
    wanted = list(items) + [("f" * 64, "bp/1/0"), (f"{3:064x}", "bp/1/4")]  # two keys never stored
    found = store.get_blobs(wanted)
    assert found == items
    assert store.get_blob(f"{5:064x}", "bp/1/5") == b"data 5" and store.get_blob("f" * 64, "bp/1/0") is None
    store.close()


def test_a_cache_folder_with_uri_characters_in_its_name_is_read_by_the_workers(seeds, tmp_path):
    # The workers open the cache read-only through a file: URI; "?", "#" and "%" are path here.
    spec = CacheSpec(tmp_path / "c?a#c%20he")
    run_survey(seeds, spec)
    reader = Cache(spec.folder, readonly=True)
    try:
        assert reader.db is not None
        assert reader.db.execute("SELECT count(*) FROM analyses").fetchone()[0] > 0
    finally:
        reader.close()


def test_cache_commands_take_format_json(cli, seeds, tmp_path):
    # Every command takes --format (interface.md): one JSON object on stdout and nothing else.
    folder = tmp_path / "explicit"
    r = cli("cache", "dir", seeds, "--cache-dir", folder, "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == {"cache_dir": str(folder)}
    assert cli("tag", seeds, "--cache-dir", folder).exit_code == 0
    r = cli("cache", "clear", seeds, "--cache-dir", folder, "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout) == {"cache_dir": str(folder), "cleared": True}
    r = cli("cache", "clear", seeds, "--cache-dir", folder, "-f", "json")
    assert json.loads(r.stdout) == {"cache_dir": str(folder), "cleared": False}
    # github and text print the line people read.
    assert cli("cache", "dir", seeds, "--cache-dir", folder, "--format", "github").stdout.strip() == str(folder)
