"""seedkeeper as a library: the command functions are plain callables that return values, never
print, never import the CLI stack (typer, rich), and raise SeedkeeperError subclasses."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import seedkeeper
from dedup_fixtures import doc
from helpers import doc_name, make_seeds, snapshot
from multilingual import CLEAN
from seedkeeper.errors import FolderNotFoundError, SeedkeeperError, UsageError

pytestmark = pytest.mark.usefixtures("isolated_env")

NAMES = ["validate", "check", "tag", "dedup", "index", "add", "stats", "restore"]
A = doc("en", [0, 1, 2, 3])
ORIG, COPY, FA = doc_name(1), doc_name(2), doc_name(3)


def api(name: str):
    """seedkeeper.<name>, checked to be a function (not a same-named submodule)."""
    obj = getattr(seedkeeper, name)
    assert callable(obj), (name, obj)
    return obj


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60)


@pytest.fixture
def folder(tmp_path):
    return make_seeds(tmp_path, {ORIG: A, COPY: A, FA: CLEAN["fa"]})


# ---------------------------------------------------------------- the names


def test_public_names_are_callables_in_a_fresh_interpreter():
    p = run_python(f"""
        import inspect, seedkeeper
        for name in {NAMES + ["Settings"]!r}:
            obj = getattr(seedkeeper, name)
            assert callable(obj) and not inspect.ismodule(obj), (name, obj)
        assert isinstance(seedkeeper.Settings(), seedkeeper.Settings)
        print("ok")
    """)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "ok"


def test_no_module_is_named_like_a_public_function():
    """`import seedkeeper.check` must never be able to shadow `seedkeeper.check` the function."""
    package = Path(seedkeeper.__file__).parent
    names = {p.stem for p in package.iterdir() if p.suffix == ".py"} | {p.name for p in package.iterdir() if p.is_dir()}
    for name in seedkeeper.__all__:
        assert name not in names, name
    for name in ("check", "dedup", "stats", "validate", "tag", "index", "add", "restore"):
        assert callable(getattr(seedkeeper, name)), name


def _module_imports(package: Path) -> dict[str, set[str]]:
    """Module-level imports of every module in the package, as dotted names (function-level
    imports are deliberate lazy loads and cannot form an import-time cycle)."""
    import ast

    graph: dict[str, set[str]] = {}
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        if is_pkg:
            parts = parts[:-1]
        name = ".".join(parts)
        here = parts if is_pkg else parts[:-1]
        deps: set[str] = set()
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(here[: len(here) - node.level + 1] + ([base] if base else []))
                for alias in node.names:
                    deps.add(f"{base}.{alias.name}")
                deps.add(base)
            elif isinstance(node, ast.Import):
                deps.update(a.name for a in node.names)
        graph[name] = {d for d in deps if d.startswith("seedkeeper")}
    modules = set(graph)
    return {m: {d if d in modules else d.rpartition(".")[0] for d in ds} & modules - {m} for m, ds in graph.items()}


def test_no_import_cycles():
    graph = _module_imports(Path(seedkeeper.__file__).parent)
    # A package importing its own submodules (__init__ re-exports) is not a cycle back into it.
    graph = {m: {d for d in ds if not d.startswith(m + ".")} for m, ds in graph.items()}
    state: dict[str, int] = {}

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for d in sorted(graph[m]):
            if state.get(d) == 1:
                raise AssertionError("import cycle: " + " -> ".join(path[path.index(d) :] + [d]))
            if d not in state:
                visit(d, path + [d])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])


def test_commands_do_not_import_the_app_or_each_other():
    graph = _module_imports(Path(seedkeeper.__file__).parent)
    for m, deps in graph.items():
        if m.startswith("seedkeeper.shell.commands."):
            assert "seedkeeper.shell.app" not in deps, m
            assert not any(d.startswith("seedkeeper.shell.commands.") for d in deps), m
        if m.startswith("seedkeeper.operations.") and m.rpartition(".")[2] in (
            "validation",
            "tagging",
            "deduplication",
            "indexing",
            "adding",
            "statistics",
        ):
            others = {
                "seedkeeper.operations." + o
                for o in ("validation", "tagging", "deduplication", "indexing", "adding", "statistics")
            } - {m}
            assert not deps & others, (m, deps & others)


def test_core_modules_do_not_import_typer_or_rich():
    p = run_python("""
        import seedkeeper, seedkeeper.operations.validation, seedkeeper.operations.indexing, sys
        import seedkeeper.operations.adding, seedkeeper.operations.deduplication
        import seedkeeper.operations.tagging, seedkeeper.operations.statistics
        bad = [m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'click')]
        assert not bad, bad
    """)
    assert p.returncode == 0, p.stderr


def test_running_the_core_does_not_import_typer_or_rich(tmp_path):
    root = make_seeds(tmp_path, {ORIG: A, COPY: A, FA: CLEAN["fa"]})
    p = run_python(f"""
        import sys, seedkeeper
        from seedkeeper.operations.deduplication import dedup
        root = {str(root)!r}
        seedkeeper.validate(root); seedkeeper.check(root, jobs=1); seedkeeper.tag(root, jobs=1)
        dedup(root, jobs=1); seedkeeper.stats(root, jobs=1)
        assert seedkeeper.index(root, write=False, jobs=1).changed
        bad = [m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'click')]
        assert not bad, bad
    """)
    assert p.returncode == 0, p.stderr


# ---------------------------------------------------------------- they return values and never print


def test_calls_return_values_and_never_print(tmp_path, capfd):
    root = make_seeds(tmp_path, {ORIG: A, COPY: A, FA: CLEAN["fa"]})
    settings = seedkeeper.Settings(threshold=0.85)

    report = api("validate")(root, settings)
    assert report.ok() and report.documents == 3

    checked = api("check")(root, settings, jobs=1)
    assert not checked.ok()
    assert {"exact-duplicate", "index-outdated"} <= {p.code for p in checked.problems}

    tags = api("tag")(root, settings, jobs=1)
    assert {d["file"]: d["lang"] for d in tags.documents}[FA] == "fa"

    found = api("dedup")(root, settings, jobs=1)
    assert [(c.keep, [d.file for d in c.duplicates]) for c in found.result.clusters] == [(ORIG, [COPY])]

    summary = api("stats")(root, settings, jobs=1)
    assert summary.documents == 3 and summary.duplicates["exact"] == 1

    outcome = api("index")(root, settings)
    assert outcome.written and "seedkeeper:index:begin" in (root / "INDEX.md").read_text(encoding="utf-8")

    src = tmp_path / "new.txt"
    src.write_text(CLEAN["ru"], encoding="utf-8")
    added = api("add")([src], root, settings)
    assert len(added.added) == 1 and added.added[0].lang == "ru"
    assert (root / added.added[0].file).read_text(encoding="utf-8") == CLEAN["ru"]

    moved = api("dedup")(root, settings, apply=True, jobs=1)
    assert [m.file for m in moved.moved] == [COPY]
    back = api("restore")(root, COPY, settings)
    assert back.file == COPY and back.intact
    assert (root / COPY).read_text(encoding="utf-8") == A

    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_read_only_functions_write_nothing(folder, capfd):
    before = snapshot(folder)
    api("validate")(folder)
    api("check")(folder, jobs=1)
    api("tag")(folder, jobs=1)
    api("dedup")(folder, jobs=1)
    api("stats")(folder, jobs=1)
    assert snapshot(folder) == before
    assert capfd.readouterr() == ("", "")


def test_reports_serialise_to_the_documented_json_shapes(folder):
    v = api("validate")(folder).to_dict()
    assert set(v) >= {"ok", "problems"}
    c = api("check")(folder, jobs=1).to_dict()
    assert {p["code"] for p in c["problems"]} >= {"exact-duplicate"}
    assert set(c["problems"][0]) >= {"file", "code", "severity", "message", "line"}
    t = api("tag")(folder, jobs=1).to_dict()
    assert [d["file"] for d in t["documents"]] == sorted([ORIG, COPY, FA])
    d = api("dedup")(folder, jobs=1).to_dict()
    assert d["clusters"] == [
        {"keep": ORIG, "duplicates": [{"file": COPY, "kind": "exact", "similarity": 1.0, "of": ORIG}]}
    ]
    json.dumps([v, c, t, d, api("stats")(folder, jobs=1).to_dict()])


# ---------------------------------------------------------------- errors


@pytest.mark.parametrize("name", ["validate", "check", "tag", "dedup", "index", "stats"])
def test_missing_folder_raises_folder_not_found(tmp_path, name, capfd):
    with pytest.raises(FolderNotFoundError) as info:
        api(name)(tmp_path / "no-such-folder")
    assert isinstance(info.value, SeedkeeperError)
    assert "no-such-folder" in str(info.value)
    assert capfd.readouterr() == ("", "")


def test_a_file_instead_of_a_folder_raises_folder_not_found(tmp_path):
    f = tmp_path / "file.txt"
    f.write_text("x")
    with pytest.raises(FolderNotFoundError):
        api("validate")(f)


def test_add_into_a_missing_folder_raises(tmp_path):
    src = tmp_path / "new.txt"
    src.write_text(CLEAN["en"], encoding="utf-8")
    with pytest.raises(SeedkeeperError):
        api("add")([src], tmp_path / "no-such-folder")


def test_restore_of_an_unknown_file_raises_usage_error(folder):
    with pytest.raises(UsageError):
        api("restore")(folder, "nothing.txt")


def test_restore_refuses_to_overwrite(folder):
    api("dedup")(folder, apply=True, jobs=1)
    (folder / COPY).write_text("mine\n", encoding="utf-8")
    with pytest.raises(UsageError):
        api("restore")(folder, COPY)
    assert (folder / COPY).read_text(encoding="utf-8") == "mine\n"


def test_bad_settings_raise_config_error():
    from seedkeeper.errors import ConfigError

    with pytest.raises(ConfigError):
        seedkeeper.Settings().with_overrides(threshold=2.0)
    with pytest.raises(ConfigError):
        seedkeeper.Settings().with_overrides(select=("no-such-code",))
    assert issubclass(ConfigError, SeedkeeperError)


def test_every_error_class_is_a_seedkeeper_error():
    import seedkeeper.errors as errors

    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, Exception)]
    assert len(classes) >= 6
    assert all(issubclass(c, SeedkeeperError) for c in classes)


def test_a_warm_check_loads_no_numpy(folder, tmp_path):
    """An unchanged corpus takes its clusters and boilerplate findings whole from the cache:
    the second run gives the same findings without importing numpy (~60 ms of a warm run)."""
    code = f"""
        import json, sys
        from pathlib import Path
        from seedkeeper.corpus.pool import CacheSpec
        from seedkeeper.operations.validation import check
        report = check({str(folder)!r}, jobs=1, cache=CacheSpec(Path({str(tmp_path / "cache")!r})))
        print(json.dumps([[p.file, p.code, p.line] for p in report.problems]))
        print("numpy" in sys.modules)
    """
    cold, warm = run_python(code), run_python(code)
    assert cold.returncode == 0 and warm.returncode == 0, cold.stderr + warm.stderr
    assert cold.stdout.splitlines() == [warm.stdout.splitlines()[0], "True"]
    assert "exact-duplicate" in cold.stdout and warm.stdout.splitlines()[1] == "False"


def test_a_lazy_name_is_resolved_once():
    """After its first use a lazily exported name is an ordinary global of its package: the
    look-ups a hot loop makes (once per document) do not run the package's __getattr__ again."""
    p = run_python("""
        import seedkeeper.quality as quality
        from seedkeeper.quality.check import document_quality
        assert "document_quality" not in vars(quality)
        assert quality.document_quality is document_quality
        assert vars(quality)["document_quality"] is document_quality
        assert "document_quality" in dir(quality)
    """)
    assert p.returncode == 0, p.stderr


def test_tagging_in_two_threads_while_langdetect_loads():
    """langdetect loads on first use: a thread tagging meanwhile must not see it half loaded
    (one text here needs langdetect, the other is settled without it)."""
    p = run_python("""
        import threading
        from seedkeeper.lang import detect_language
        errors, results = [], []
        start = threading.Barrier(2)

        def other():
            start.wait()
            for _ in range(300):
                try:
                    results.append(detect_language("Ceci est une phrase en français, écrite pour ce test.").lang)
                except Exception as exc:
                    errors.append(repr(exc))
                    return

        t = threading.Thread(target=other)
        t.start()
        start.wait()
        detect_language("Ja sam ovdje danas i sutra.")
        t.join()
        assert not errors, errors[:1]
        assert set(results) == {"fr"} and len(results) == 300
    """)
    assert p.returncode == 0, p.stderr


def test_cache_keys_need_no_detector_and_no_check_tables():
    """A run answered from the cache needs the tagger's and the quality checks' versions only:
    asking for them loads neither the detectors nor the checks' modules."""
    p = run_python("""
        import sys
        from seedkeeper.lang import DETECTOR_VERSION
        from seedkeeper.quality import QUALITY_VERSION
        assert "langdetect-" in DETECTOR_VERSION and QUALITY_VERSION
        loaded = [m for m in ("langdetect", "py3langid", "pycld2", "ftfy", "importlib.metadata",
                              "seedkeeper.lang.tagger", "seedkeeper.quality.check") if m in sys.modules]
        assert not loaded, loaded
        from seedkeeper.lang import detect_language  # on first use
        assert detect_language("Ceci est une phrase en français, écrite pour ce test.").lang == "fr"
        # py3langid and CLD2 agreed: langdetect (the slow voter, ~15 ms to load) was not needed.
        assert "langdetect" not in sys.modules and "seedkeeper.lang.detector" not in sys.modules
    """)
    assert p.returncode == 0, p.stderr
