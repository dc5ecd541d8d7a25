"""Settings: defaults, `[tool.seedkeeper]` in pyproject.toml, seedkeeper.toml, unknown keys,
flag overrides, and how select/ignore/severity/--strict change what `validate` reports."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import assert_exit, doc_name, make_seeds
from multilingual import CLEAN
from seedkeeper.errors import ConfigError
from seedkeeper.operations.validation import validate
from seedkeeper.settings import DEFAULT_NAME_PATTERN, Settings, find_config, load_settings
from seedkeeper.shell.app import app

pytestmark = pytest.mark.usefixtures("isolated_env")

GOOD, BOMMED, CRLF = doc_name(1), doc_name(2), doc_name(3)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- defaults and files


def test_defaults():
    s = Settings()
    assert s.seeds == "seeds"
    assert s.include == ("*.txt",)
    assert s.name_pattern == DEFAULT_NAME_PATTERN == r"\d{3,}_[0-9a-f]{16}\.txt"
    assert s.max_size == 10 * 1024 * 1024
    assert s.min_chars > 0
    assert 0 < s.threshold <= 1
    assert s.select == ("ALL",) and s.ignore == () and s.severities == {}


def test_no_config_gives_defaults(tmp_path):
    s = load_settings(start=tmp_path)
    assert s == Settings()
    assert s.config_file is None
    assert Path(s.base_dir) == tmp_path.resolve()
    assert s.seeds_path() == tmp_path.resolve() / "seeds"


PYPROJECT = """\
[project]
name = "corpus"

[tool.seedkeeper]
seeds = "corpus"
include = ["*.txt", "*.md"]
name-pattern = "[a-z]+\\\\.txt"
max-size = 2048
min-chars = 5
threshold = 0.9
languages = ["fa", "ar"]
select = ["ALL"]
ignore = ["bom"]

[tool.seedkeeper.severity]
crlf = "error"
"""


def test_pyproject_tool_seedkeeper(tmp_path):
    cfg = write(tmp_path / "pyproject.toml", PYPROJECT)
    (tmp_path / "sub").mkdir()
    s = load_settings(start=tmp_path / "sub")  # found from a subfolder
    assert s.config_file == str(cfg)
    assert s.seeds == "corpus" and s.seeds_path() == tmp_path.resolve() / "corpus"
    assert s.include == ("*.txt", "*.md")
    assert s.name_pattern == r"[a-z]+\.txt"
    assert (s.max_size, s.min_chars, s.threshold) == (2048, 5, 0.9)
    assert s.languages == ("fa", "ar")
    assert s.ignore == ("bom",)
    assert s.severities == {"crlf": "error"}


def test_seedkeeper_toml_and_snake_case_keys(tmp_path):
    write(tmp_path / "seedkeeper.toml", 'min_chars = 12\nmax-size = 100\nselect = "bom, crlf"\n')
    s = load_settings(start=tmp_path)
    assert (s.min_chars, s.max_size) == (12, 100)
    assert s.select == ("bom", "crlf")


def test_seedkeeper_toml_wins_over_pyproject_in_the_same_folder(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.seedkeeper]\nmin-chars = 1\n")
    write(tmp_path / "seedkeeper.toml", "min-chars = 2\n")
    assert load_settings(start=tmp_path).min_chars == 2


def test_nearest_config_wins_and_pyproject_without_section_is_skipped(tmp_path):
    write(tmp_path / "seedkeeper.toml", "min-chars = 3\n")
    write(tmp_path / "a" / "pyproject.toml", "[project]\nname = 'x'\n")  # no [tool.seedkeeper]
    write(tmp_path / "a" / "b" / "pyproject.toml", "[tool.seedkeeper]\nmin-chars = 4\n")
    assert load_settings(start=tmp_path / "a").min_chars == 3
    assert load_settings(start=tmp_path / "a" / "b").min_chars == 4
    assert find_config(tmp_path / "a") == (tmp_path / "seedkeeper.toml").resolve()


def test_the_search_stops_at_the_repository_root(tmp_path):
    # Another project's configuration above a repository is not this one's (as black stops).
    write(tmp_path / "pyproject.toml", "[tool.seedkeeper]\nmin-chars = 7\n")
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    (tmp_path / "repo" / "seeds").mkdir()
    assert find_config(tmp_path / "repo" / "seeds") is None
    assert load_settings(start=tmp_path / "repo" / "seeds").min_chars != 7
    # A worktree or submodule has a .git file; the repository's own config is still found.
    write(tmp_path / "wt" / ".git", "gitdir: /elsewhere\n")
    write(tmp_path / "wt" / "seedkeeper.toml", "min-chars = 5\n")
    (tmp_path / "wt" / "seeds").mkdir()
    assert load_settings(start=tmp_path / "wt" / "seeds").min_chars == 5
    (tmp_path / "wt" / "seedkeeper.toml").unlink()
    assert find_config(tmp_path / "wt" / "seeds") is None
    # A corpus kept as a submodule belongs to the project around it: its config is found.
    write(tmp_path / "proj" / "seedkeeper.toml", "min-chars = 6\n")
    (tmp_path / "proj" / ".git").mkdir(parents=True)
    write(tmp_path / "proj" / "seeds" / ".git", "gitdir: ../.git/modules/seeds\n")
    # (as git writes it for a submodule of a worktree, or of a repository with a separate git dir)
    for pointer in ("../../proj/.git/worktrees/proj-wt/modules/seeds", "../../sep.git/modules/seeds"):
        write(tmp_path / "proj" / "seeds" / ".git", f"gitdir: {pointer}\n")
        assert load_settings(start=tmp_path / "proj" / "seeds").min_chars == 6, pointer
    # ...but a worktree of a repository that happens to sit under a "modules" folder stops it.
    write(tmp_path / "wt2" / ".git", f"gitdir: {tmp_path}/modules/repo/.git/worktrees/wt2\n")
    assert find_config(tmp_path / "wt2") is None
    assert load_settings(start=tmp_path / "proj" / "seeds").min_chars == 6
    # Without a repository, the search goes on upwards.
    (tmp_path / "plain" / "seeds").mkdir(parents=True)
    assert load_settings(start=tmp_path / "plain" / "seeds").min_chars == 7


def test_explicit_config_file(tmp_path):
    cfg = write(tmp_path / "elsewhere" / "my.toml", "min-chars = 9\n")
    assert load_settings(config=cfg, start=tmp_path).min_chars == 9
    with pytest.raises(ConfigError, match="not found"):
        load_settings(config=tmp_path / "nope.toml")


@pytest.mark.parametrize(
    "filename, text, key",
    [
        ("seedkeeper.toml", "min-chars = 3\nmax_sise = 10\n", "max_sise"),
        ("seedkeeper.toml", "name-patern = 'x'\n", "name-patern"),
        ("pyproject.toml", "[tool.seedkeeper]\nthreshhold = 0.5\n", "threshhold"),
        ("pyproject.toml", "[tool.seedkeeper]\nseeds = 'x'\n[tool.seedkeeper.severty]\nbom = 'error'\n", "severty"),
    ],
)
def test_unknown_keys_are_rejected_by_name(tmp_path, filename, text, key):
    write(tmp_path / filename, text)
    with pytest.raises(ConfigError) as info:
        load_settings(start=tmp_path)
    assert key in str(info.value)


def test_several_unknown_keys_are_all_named(tmp_path):
    write(tmp_path / "seedkeeper.toml", "colour = 1\nvolume = 2\n")
    with pytest.raises(ConfigError) as info:
        load_settings(start=tmp_path)
    assert "colour" in str(info.value) and "volume" in str(info.value)


@pytest.mark.parametrize(
    "text, word",
    [
        ("max-size = 'big'\n", "max-size"),
        ("min-chars = -1\n", "min-chars"),
        ("threshold = 1.5\n", "threshold"),
        ("threshold = true\n", "threshold"),
        ("name-pattern = '(unclosed'\n", "name-pattern"),
        ("include = [1, 2]\n", "include"),
        ("include = []\n", "include"),
        ("include = ['*.txt', '']\n", "include"),
        ("include = ''\n", "include"),
        # Globs match folder-relative paths: one that is absolute or climbs out matches nothing.
        ("include = ['/srv/seeds/*.txt']\n", "/srv/seeds/*.txt"),
        ("include = ['*.txt', '../other/*.txt']\n", "../other/*.txt"),
        ("[per-file-ignores]\n'/srv/seeds/a.txt' = ['bom']\n", "per-file-ignores globs are relative"),
        ("[per-file-ignores]\n'../x/*.txt' = ['bom']\n", "../x/*.txt"),
        ("[severity]\nno-such-code = 'error'\n", "no-such-code"),
        ("[severity]\nbom = 'fatal'\n", "bom"),
        ("select = ['bomb']\n", "bomb"),
        ("ignore = ['crlf', 'lf']\n", "lf"),
        ("this is = not toml\n", "seedkeeper.toml"),
    ],
)
def test_bad_values_are_config_errors_that_say_what(tmp_path, text, word):
    write(tmp_path / "seedkeeper.toml", text)
    with pytest.raises(ConfigError) as info:
        load_settings(start=tmp_path)
    assert word in str(info.value)


@pytest.mark.parametrize(
    "text, named",
    [
        ("ignore = ['bom']\n\n[tool.seedkeeper]\nlanguages = ['fa']\n", "'ignore'"),
        ("threshhold = 3\n[tool.seedkeeper]\n", "'threshhold'"),
        ("[per-file-ignores]\n'*.txt' = ['bom']\n[tool.seedkeeper]\nmin-chars = 5\n", "'per-file-ignores'"),
    ],
)
def test_a_setting_outside_the_tool_table_of_a_seedkeeper_toml_is_an_error(tmp_path, text, named):
    # With a [tool.seedkeeper] table in the file, only that table was read: a key above it (even a
    # typo) was silently dropped, though unknown keys are errors.
    write(tmp_path / "seedkeeper.toml", text)
    with pytest.raises(ConfigError, match=named):
        load_settings(start=tmp_path)


def test_other_tools_tables_beside_the_tool_table_are_left_alone(tmp_path):
    # `--config ci.toml` may name a copy of a pyproject.toml: [project] is not ours to judge.
    cfg = write(tmp_path / "ci.toml", "[project]\nname = 'x'\n[tool.seedkeeper]\nmin-chars = 5\n[tool.ruff]\nx = 1\n")
    assert load_settings(cfg).min_chars == 5
    write(tmp_path / "pyproject.toml", "ignore = 1\n[tool.seedkeeper]\nmin-chars = 6\n")  # not ours above the table
    assert load_settings(tmp_path / "pyproject.toml").min_chars == 6


def test_code_prefix_selectors_are_accepted(tmp_path):
    write(tmp_path / "seedkeeper.toml", "select = ['index-', 'not-']\nignore = ['lang-']\n")
    s = load_settings(start=tmp_path)
    assert s.select == ("index-", "not-") and s.ignore == ("lang-",)


# ---------------------------------------------------------------- overrides


def test_flags_override_config_and_none_means_unset(tmp_path):
    write(tmp_path / "seedkeeper.toml", "min-chars = 5\nmax-size = 100\nignore = ['bom']\n")
    s = load_settings(start=tmp_path)
    t = s.with_overrides(min_chars=50, max_size=None, ignore=("crlf",), select=None)
    assert (t.min_chars, t.max_size, t.ignore, t.select) == (50, 100, ("crlf",), ("ALL",))
    assert (s.min_chars, s.ignore) == (5, ("bom",))  # the original is unchanged
    assert t.config_file == s.config_file


def test_overrides_are_validated():
    with pytest.raises(ConfigError, match="no_such_setting"):
        Settings().with_overrides(no_such_setting=1)
    with pytest.raises(ConfigError, match="threshold"):
        Settings().with_overrides(threshold=0)
    with pytest.raises(ConfigError, match="nope"):
        Settings().with_overrides(select=("nope",))


# ---------------------------------------------------------------- effect on validate


@pytest.fixture
def warn_folder(tmp_path):
    """Two warnings (bom, crlf) on otherwise clean Persian/Chinese text; no errors."""
    return make_seeds(
        tmp_path,
        {
            GOOD: CLEAN["hi"],
            BOMMED: b"\xef\xbb\xbf" + CLEAN["fa"].encode(),
            CRLF: CLEAN["zh"].replace("\n", "\r\n") + "第二行\r\n",
        },
    )


def _codes(root, **kw):
    return sorted(p.code for p in validate(root, Settings(jobs=1, **kw)).problems)


def test_select_and_ignore_in_core(warn_folder):
    assert _codes(warn_folder) == ["bom", "crlf"]
    assert _codes(warn_folder, select=("bom",)) == ["bom"]
    assert _codes(warn_folder, ignore=("bom",)) == ["crlf"]
    assert _codes(warn_folder, select=("bom", "crlf"), ignore=("crlf",)) == ["bom"]
    assert _codes(warn_folder, select=("index-",)) == []
    assert _codes(warn_folder, ignore=("ALL",)) == []


def test_severity_override_in_core(warn_folder):
    assert validate(warn_folder, Settings(jobs=1)).ok()
    r = validate(warn_folder, Settings(jobs=1, severity=(("bom", "error"),)))
    assert not r.ok()
    assert {p.code: p.severity for p in r.problems} == {"bom": "error", "crlf": "warning"}
    # And the other way: an error demoted to a warning lets the run pass.
    root = make_seeds(warn_folder.parent, {GOOD: CLEAN["en"], BOMMED: CLEAN["ar"]}, index=f"- {GOOD}\n", folder="s2")
    assert not validate(root, Settings(jobs=1)).ok()
    assert validate(root, Settings(jobs=1, severity=(("unlisted-file", "warning"),))).ok()


def invoke(args, cwd: Path, monkeypatch):
    monkeypatch.chdir(cwd)
    return CliRunner().invoke(app, args)


def test_cli_unknown_key_exits_2_naming_it(tmp_path, monkeypatch):
    root = make_seeds(tmp_path, {GOOD: CLEAN["en"]})
    write(tmp_path / "seedkeeper.toml", "min-chars = 3\nmax-sizee = 5\n")
    r = invoke(["validate", str(root)], tmp_path, monkeypatch)
    assert r.exit_code == 2, r.output
    assert "max-sizee" in r.stderr
    assert "Traceback" not in r.output


def test_cli_config_from_pyproject_is_used(tmp_path, monkeypatch):
    # min-chars = 1000 makes every document too short: a warning, so still exit 0 ...
    root = make_seeds(tmp_path, {GOOD: CLEAN["fa"]})
    write(tmp_path / "pyproject.toml", "[tool.seedkeeper]\nmin-chars = 1000\n")
    r = invoke(["validate", str(root), "--format", "json"], tmp_path, monkeypatch)
    assert r.exit_code == 0, r.output
    assert "too-short" in r.stdout
    # ... and a severity override in the same file makes it fail.
    write(
        tmp_path / "pyproject.toml",
        "[tool.seedkeeper]\nmin-chars = 1000\n[tool.seedkeeper.severity]\ntoo-short = 'error'\n",
    )
    r = invoke(["validate", str(root), "--format", "json"], tmp_path, monkeypatch)
    assert_exit(r, 1)


def test_cli_default_folder_comes_from_config(tmp_path, monkeypatch):
    make_seeds(tmp_path, {GOOD: CLEAN["ar"] + "\x07\n"}, folder="corpus")
    write(tmp_path / "seedkeeper.toml", 'seeds = "corpus"\n')
    (tmp_path / "deep" / "er").mkdir(parents=True)
    r = invoke(["validate", "--format", "json", "--strict"], tmp_path / "deep" / "er", monkeypatch)
    assert_exit(r, 1)
    assert "control-char" in r.stdout


def test_cli_select_and_ignore(warn_folder, monkeypatch):
    cwd = warn_folder.parent
    import json

    def got(*flags):
        r = invoke(["validate", str(warn_folder), "--format", "json", *flags], cwd, monkeypatch)
        assert r.exit_code == 0, r.output
        return sorted(p["code"] for p in json.loads(r.stdout)["problems"])

    assert got() == ["bom", "crlf"]
    assert got("--select", "bom") == ["bom"]
    assert got("--select", "bom,crlf", "--ignore", "crlf") == ["bom"]
    assert got("--select", "bom", "--select", "crlf") == ["bom", "crlf"]
    assert got("--ignore", "bom", "--ignore", "crlf") == []


def test_cli_flags_override_config_select(warn_folder, monkeypatch):
    write(warn_folder.parent / "seedkeeper.toml", "select = ['crlf']\n")
    r = invoke(["validate", str(warn_folder), "--format", "json", "--select", "bom"], warn_folder.parent, monkeypatch)
    assert r.exit_code == 0
    assert '"crlf"' not in r.stdout and '"bom"' in r.stdout


@pytest.mark.parametrize("select", ["bom", "ALL", "bom,crlf"])
def test_cli_select_is_not_undone_by_the_configs_ignore(warn_folder, monkeypatch, select):
    # As in ruff: `ignore = ["bom"]` in the config and `--select bom` on the command line
    # reports bom; the config's ignore, a layer below the flags, silently emptied the run.
    write(warn_folder.parent / "seedkeeper.toml", "ignore = ['bom']\n")
    cwd = warn_folder.parent
    r = invoke(["validate", str(warn_folder), "--format", "json", "--select", select], cwd, monkeypatch)
    assert r.exit_code == 0, r.output
    assert '"bom"' in r.stdout
    # --ignore given too is the whole policy of the run, and so is the config's alone.
    args = ["validate", str(warn_folder), "--format", "json", "--select", select, "--ignore", "bom"]
    r = invoke(args, cwd, monkeypatch)
    assert '"bom"' not in r.stdout
    assert '"bom"' not in invoke(["validate", str(warn_folder), "--format", "json"], cwd, monkeypatch).stdout


def test_cli_unknown_select_code_is_a_usage_error(warn_folder, monkeypatch):
    r = invoke(["validate", str(warn_folder), "--select", "bommm"], warn_folder.parent, monkeypatch)
    assert r.exit_code == 2
    assert "bommm" in r.stderr


def test_cli_strict_makes_warnings_fail(warn_folder, monkeypatch):
    cwd = warn_folder.parent
    assert invoke(["validate", str(warn_folder)], cwd, monkeypatch).exit_code == 0
    assert_exit(invoke(["validate", str(warn_folder), "--strict"], cwd, monkeypatch), 1)
    r = invoke(["validate", str(warn_folder), "--strict", "--format", "json"], cwd, monkeypatch)
    assert_exit(r, 1)
    import json

    assert json.loads(r.stdout)["ok"] is False
    # Strict with the warnings ignored passes again.
    assert invoke(["validate", str(warn_folder), "--strict", "--ignore", "bom,crlf"], cwd, monkeypatch).exit_code == 0


# ---------------------------------------------------------------- which source a bad value is blamed on


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--threshold", "1.5"),
        ("check", "--jobs", "-3"),
        ("dedup", "--threshold", "1.5"),
        ("tag", "--jobs", "-3"),
    ],
)
def test_cli_bad_flag_value_names_the_flags_not_the_config(cli, tmp_path, args):
    (tmp_path / "pyproject.toml").write_text("[tool.seedkeeper]\nthreshold = 0.9\n", encoding="utf-8")
    root = make_seeds(tmp_path, {GOOD: CLEAN["en"]})
    r = cli(args[0], root, *args[1:], "--no-cache")
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert "flags" in r.stderr
    assert "pyproject.toml" not in r.stderr
    assert args[1].lstrip("-") in r.stderr


def test_cli_bad_config_value_names_the_config_file(cli, tmp_path):
    # The counterpart: the same bad value written in the config names that file.
    (tmp_path / "pyproject.toml").write_text("[tool.seedkeeper]\nthreshold = 1.5\n", encoding="utf-8")
    root = make_seeds(tmp_path, {GOOD: CLEAN["en"]})
    r = cli("check", root, "--no-cache")
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert "pyproject.toml" in r.stderr and "flags" not in r.stderr


@pytest.mark.parametrize(
    "value, hint",
    [
        ('["farsi"]', "did you mean 'fa'"),
        ('["fa", "en_US"]', "did you mean 'en-US'"),
        ('["Persian language"]', "not a BCP 47"),
    ],
)
def test_languages_must_be_language_tags(tmp_path, value, hint):
    # `languages = ["farsi"]` was taken silently: every document was then "not allowed".
    config = tmp_path / "seedkeeper.toml"
    config.write_text(f"languages = {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a BCP 47 language tag") as err:
        load_settings(config)
    assert hint in str(err.value)


def test_language_tags_with_subtags_are_accepted(tmp_path):
    config = tmp_path / "seedkeeper.toml"
    tags = ["fa", "zh-Hans", "sr-Cyrl-RS", "yue", "es-419", "de-CH-1996", "zh-hant", "EN"]
    config.write_text(f"languages = {tags!r}\n".replace("'", '"'), encoding="utf-8")
    assert load_settings(config).languages == tuple(tags)


@pytest.mark.parametrize(
    "tag, says",
    [
        # `zh-yue` matched zh-Hans and zh-Hant documents (its language subtag is zh), while a pin
        # of it is refused: the allow-list reads tags by the pins' rule (entries.is_pin_tag).
        ("zh-yue", "write 'yue'"),
        ("zh-yue-HK", "write 'yue-HK'"),
        ("ar-arz", "write 'arz'"),
        ("de-DE-u-co-phonebk", "write 'de-DE'"),
        ("fr-UK", "write 'fr'"),
        ("x-klingon", "leave it out"),
        ("i-klingon", "leave it out"),
    ],
)
def test_the_allow_list_takes_what_a_pin_takes(tmp_path, tag, says):
    config = tmp_path / "seedkeeper.toml"
    config.write_text(f'languages = ["fa", "{tag}"]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(config)
    assert repr(tag) in str(err.value) and says in str(err.value), str(err.value)


def test_an_extended_language_subtag_in_the_allow_list_is_a_usage_error(cli, tmp_path):
    root = make_seeds(tmp_path, {GOOD: CLEAN["en"]})
    (tmp_path / "seedkeeper.toml").write_text('languages = ["zh-yue"]\n', encoding="utf-8")
    r = cli("check", root)
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert "'zh-yue'" in r.stderr and "write 'yue'" in r.stderr
