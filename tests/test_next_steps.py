"""A newcomer's walk-through: each finding and error ends with the command that resolves it (as
`fix` already did for not-utf8), so nobody has to search the README for what to type next."""

from __future__ import annotations

import json
import os
import shlex
from pathlib import Path

import pytest

from dedup_fixtures import doc
from helpers import NO_INDEX, assert_exit, doc_name, make_seeds, suggested_commands

pytestmark = pytest.mark.usefixtures("isolated_env")

A = doc("en", [0, 1, 2, 3])
ORIG, COPY, OTHER = doc_name(0), doc_name(1), doc_name(2)


def _messages(cli, *args) -> dict[tuple[str | None, str], str]:
    """(file, code) -> message of `check`/`validate --format json`."""
    data = json.loads(cli(*args, "--format", "json").stdout)
    return {(p["file"], p["code"]): p["message"] for p in data["problems"]}


def test_unlisted_file_says_index_lists_it(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: A, OTHER: doc("fa", [0, 1, 2, 3])}, index=f"# Seeds\n\n- {ORIG}\n")
    msg = _messages(cli, "validate", root)[(OTHER, "unlisted-file")]
    assert msg.startswith("in the folder but not listed in INDEX.md") and "`seedkeeper index`" in msg


def test_index_missing_says_index_creates_one(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: A}, index=NO_INDEX)
    msg = _messages(cli, "validate", root)[(None, "index-missing")]
    assert msg.startswith("INDEX.md not found") and "`seedkeeper index`" in msg
    assert_exit(cli("index", root), 0)  # and it does create one
    assert (root / "INDEX.md").is_file()


def test_not_utf8_in_check_says_fix_encoding_auto(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: A, OTHER: "café au lait, très bon pour la santé.\n".encode("latin-1")})
    msg = _messages(cli, "check", root)[(OTHER, "not-utf8")]
    assert msg.startswith("invalid UTF-8 at line 1") and "`seedkeeper fix --encoding auto`" in msg


@pytest.mark.parametrize(
    ("copy", "code"),
    [
        (A, "exact-duplicate"),
        (A.replace("the", "teh", 1), "near-duplicate"),
        (doc("en", [1, 2]), "contained-duplicate"),
    ],
)
def test_duplicates_say_dedup_apply_or_an_ignore_note(cli, tmp_path, copy, code):
    root = make_seeds(tmp_path, {ORIG: A, COPY: copy})
    msg = _messages(cli, "check", root)[(COPY, code)]
    assert "`seedkeeper dedup --apply`" in msg and f"`ignore: {code}`" in msg, msg


def test_dedup_text_says_apply(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: A, COPY: A})
    r = cli("dedup", root)
    assert_exit(r, 1)
    assert "1 cluster, 1 duplicate" in r.output and "`seedkeeper dedup --apply`" in " ".join(r.output.split())
    applied = cli("dedup", root, "--apply")
    assert_exit(applied, 0)
    assert "dedup --apply`" not in applied.output  # nothing left to apply: no hint


def test_index_check_says_how_to_see_and_apply(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: A})
    r = cli("index", root, "--check")
    assert_exit(r, 1)
    out = " ".join(r.output.split())
    assert "INDEX.md would change" in out and "`seedkeeper index --diff`" in out and "`seedkeeper index`" in out
    assert_exit(cli("index", root), 0)
    r = cli("index", root, "--check")
    assert_exit(r, 0)
    assert "--diff" not in r.output


@pytest.mark.parametrize("index", ["# Seeds\n", NO_INDEX])
@pytest.mark.parametrize("command", ["validate", "check", "tag", "index"])
def test_inside_the_seeds_folder_the_error_gives_the_command_with_dot(cli, tmp_path, monkeypatch, command, index):
    """No config, standing in the seeds folder (documents, maybe not INDEX.md yet): the default
    `./seeds` is missing, and the error says what to type: this command, on `.`."""
    root = make_seeds(tmp_path, {"a.txt": A}, index=index, folder="seeds")
    monkeypatch.chdir(root)
    r = cli(command)
    assert_exit(r, 2)
    assert "seeds folder not found" in r.stderr and f"`seedkeeper {command} .`" in r.stderr, r.stderr


def test_an_empty_folder_gets_no_dot_hint(cli, tmp_path, monkeypatch):
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    r = cli("validate")
    assert_exit(r, 2)
    assert "seeds folder not found" in r.stderr and "`.`" not in r.stderr


def test_a_second_restore_says_it_was_already_restored(cli, tmp_path):
    """Nothing to do is exit 0 (the README's rule for commands that write), in text and JSON."""
    root = make_seeds(tmp_path, {ORIG: A, COPY: A})
    assert_exit(cli("dedup", root, "--apply"), 0)
    first = cli("restore", COPY, "--seeds", root, "--format", "json")
    assert_exit(first, 0)
    assert json.loads(first.stdout)["already_restored"] is None
    index = (root / "INDEX.md").read_bytes()
    r = cli("restore", COPY, "--seeds", root)
    assert_exit(r, 0)
    out = " ".join(r.stdout.split())
    assert f"{COPY} was already restored" in out and "nothing to do" in out and "nothing is" not in out, r.output
    assert r.stderr == ""
    r = cli("restore", f".seedkeeper/quarantine/{COPY}", "--seeds", root, "--format", "json")
    assert_exit(r, 0)
    data = json.loads(r.stdout)
    assert data["restored"] is None and data["not_put_back"] is None, data
    earlier = data["already_restored"]
    assert earlier["file"] == COPY and earlier["from"] == f".seedkeeper/quarantine/{COPY}", data
    assert earlier["at"].endswith("Z"), data
    assert (root / "INDEX.md").read_bytes() == index and (root / COPY).read_text(encoding="utf-8") == A


# A hint must name a step that works for that very file: `index` never lists a link that leads
# outside, nor anything that is not a regular file; `rename` leaves symlinks, files a symlink
# points to and unmarked spaced names alone; `dedup --apply` never moves a symlink.


def _following_it_works(cli, root, rel: str) -> None:
    """After removing `rel`, the step the hints name, check says nothing about it."""
    os.unlink(root / rel)
    data = json.loads(cli("check", root, "--format", "json").stdout)
    assert not [p for p in data["problems"] if p["file"] == rel], data["problems"]


def test_an_outside_symlink_is_not_sent_to_index(cli, tmp_path):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(doc("fa", [0, 1]), encoding="utf-8")
    root = make_seeds(tmp_path, {ORIG: A})
    os.symlink(outside, root / "outside.txt")
    msgs = _messages(cli, "check", root)
    unlisted = msgs[("outside.txt", "unlisted-file")]
    assert "`seedkeeper index` lists it" not in unlisted and "never lists it" in unlisted, unlisted
    assert "remove the link" in unlisted and "per-file-ignores" in unlisted, unlisted
    assert "remove the link" in msgs[("outside.txt", "unsafe-path")]
    assert_exit(cli("index", root), 0)  # index indeed leaves it out: the hint must not send people there
    assert ("outside.txt", "unlisted-file") in _messages(cli, "check", root)
    config = tmp_path / "seedkeeper.toml"
    config.write_text('[per-file-ignores]\n"outside.txt" = ["unlisted-file", "unsafe-path"]\n')
    assert ("outside.txt", "unlisted-file") not in _messages(cli, "check", root, "--config", config)
    _following_it_works(cli, root, "outside.txt")


def test_a_dangling_or_fifo_symlink_is_not_sent_to_index(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: A})
    os.symlink("nowhere.txt", root / "dangling.txt")
    os.mkfifo(root / ".pipe")
    os.symlink(".pipe", root / "pipe.txt")
    assert_exit(cli("index", root), 0)
    msgs = _messages(cli, "check", root)
    for rel in ("dangling.txt", "pipe.txt"):
        unlisted = msgs[(rel, "unlisted-file")]
        assert "`seedkeeper index` lists it" not in unlisted and "remove it" in unlisted, unlisted
    # Not listed: the missing-file finding of a link to nothing does not say it is listed.
    gone = msgs[("dangling.txt", "missing-file")]
    assert "listed in INDEX.md" not in gone and "leads nowhere" in gone, gone
    _following_it_works(cli, root, "dangling.txt")
    _following_it_works(cli, root, "pipe.txt")


def test_bad_name_says_rename_only_where_rename_renames_it(cli, tmp_path):
    root = make_seeds(tmp_path, {"target.txt": A, "plain.txt": doc("fa", [0, 1, 2, 3])})
    os.symlink("target.txt", root / "link.txt")
    assert_exit(cli("index", root), 0)
    msgs = _messages(cli, "validate", root)
    assert "(`seedkeeper rename` renames it)" in msgs[("plain.txt", "bad-name")]
    link, target = msgs[("link.txt", "bad-name")], msgs[("target.txt", "bad-name")]
    assert "`seedkeeper rename` renames it" not in link and "a symlink" in link, link
    assert "`seedkeeper rename` renames it" not in target and "remove that link" in target, target
    os.unlink(root / "link.txt")  # what the target's hint says to do first
    assert_exit(cli("rename", root), 0)
    assert not [k for k in _messages(cli, "validate", root) if k[1] == "bad-name"]


def test_bad_name_of_an_unmarked_spaced_name_says_how_to_write_it(cli, tmp_path):
    root = make_seeds(tmp_path, {"news el.txt": A}, index="# Seeds\n\n- news el.txt from the paper\n")
    msg = _messages(cli, "validate", root)[("news el.txt", "bad-name")]
    assert "`seedkeeper rename` renames it" not in msg and "<news el.txt>" in msg, msg


def test_a_symlink_duplicate_is_not_sent_to_dedup_apply(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: A})
    os.symlink(ORIG, root / COPY)
    assert_exit(cli("index", root), 0)
    msg = _messages(cli, "check", root)[(COPY, "exact-duplicate")]
    assert "`seedkeeper dedup --apply` moves it out" not in msg and "remove the link" in msg, msg
    assert "`ignore: exact-duplicate`" in msg


@pytest.mark.parametrize("command", [["cache", "dir"], ["cache", "clear"]])
def test_cache_commands_inside_the_seeds_folder_say_to_pass_dot(cli, tmp_path, monkeypatch, command):
    """`cd seeds; seedkeeper cache dir` named `seeds/.seedkeeper_cache` (inside the folder, where
    the cache never is) and `cache clear` missed the one `check .` had filled beside it."""
    monkeypatch.delenv("SEEDKEEPER_CACHE_DIR")  # the default place: beside the seeds folder
    root = make_seeds(tmp_path, {ORIG: A}, folder="seeds")
    monkeypatch.chdir(root)
    assert_exit(cli("check", "."), 1)  # fills the cache (INDEX.md is hand-written: index-outdated)
    used = tmp_path / ".seedkeeper_cache"
    assert used.is_dir() and not (root / ".seedkeeper_cache").exists()
    r = cli(*command)
    assert_exit(r, 2)
    assert "seeds folder not found" in r.stderr and f"`seedkeeper {' '.join(command)} .`" in r.stderr, r.stderr
    assert used.is_dir() and not (root / ".seedkeeper_cache").exists()
    r = cli(*command, ".")  # as the hint says: the cache `check .` used
    assert_exit(r, 0)
    if command[1] == "dir":
        assert Path(r.stdout.strip()).resolve() == used.resolve()
    else:
        assert r.stdout.startswith("cleared") and not used.exists(), r.stdout


# The commands findings and messages suggest name the seeds folder when the bare command, typed
# where this one was, would not find it (the config's `seeds`, else ./seeds): `seedkeeper dedup
# data/seeds` suggested `seedkeeper dedup --apply`, which, pasted, said "seeds folder not found".


def _corpus(tmp_path, folder: str) -> Path:
    """A folder with every kind of finding that suggests a command: hand-written INDEX.md
    (index-outdated), a bad name (rename), an exact duplicate (dedup --apply), a file listed but
    moved to the quarantine (restore)."""
    root = make_seeds(tmp_path, {ORIG: A, COPY: A, "plain.txt": doc("fa", [0, 1, 2, 3])}, folder=folder)
    gone = doc_name(3)
    (root / ".seedkeeper" / "quarantine").mkdir(parents=True)
    (root / ".seedkeeper" / "quarantine" / gone).write_text(A, encoding="utf-8")
    with open(root / "INDEX.md", "a", encoding="utf-8") as fh:
        fh.write(f"- {gone}\n")
    return root


def _all_output(cli, folder: str) -> str:
    outputs = [cli("check", folder, "--format", fmt) for fmt in ("json", "text", "concise", "github")]
    outputs += [cli("dedup", folder), cli("dedup", folder, "--format", "concise"), cli("index", folder, "--check")]
    return "\n".join(r.output for r in outputs)


@pytest.mark.parametrize("folder", ["data/seeds", "my seeds"])
def test_suggested_commands_name_a_folder_that_is_not_the_default(cli, tmp_path, folder):
    _corpus(tmp_path, folder)
    named = shlex.quote(folder)
    said = _all_output(cli, folder)
    suggested = set(suggested_commands(said))
    for wanted in (
        f"seedkeeper index {named}",
        f"seedkeeper index {named} --diff",
        f"seedkeeper rename {named}",
        f"seedkeeper dedup {named} --apply",
        f"seedkeeper restore {doc_name(3)} --seeds {named}",
    ):
        assert wanted in suggested, (wanted, sorted(suggested))
    bare = [s for s in suggested if s.split()[1] != "restore" and named not in s]
    assert not bare, bare
    # Pasted as printed, each one finds the folder (restore then says what the made-up manifest lacks).
    for line in sorted(suggested):
        r = cli(*shlex.split(line)[1:])
        assert "seeds folder not found" not in r.stderr and "No such" not in r.output, (line, r.output)
        assert r.exit_code != 2 or "not in the quarantine" in r.stderr, (line, r.output)


@pytest.mark.parametrize("typed", [None, "seeds", "./seeds", "{abs}"])
def test_suggested_commands_leave_the_default_folder_out(cli, tmp_path, typed):
    root = _corpus(tmp_path, "seeds")
    args = [] if typed is None else [typed.format(abs=root)]
    said = "\n".join(
        r.output for r in (cli("check", *args, "--format", "json"), cli("dedup", *args), cli("index", *args, "--check"))
    )
    suggested = set(suggested_commands(said))
    assert {"seedkeeper index", "seedkeeper index --diff", "seedkeeper rename", "seedkeeper dedup --apply"} <= suggested
    assert f"seedkeeper restore {doc_name(3)}" in suggested, sorted(suggested)
    assert not [s for s in suggested if "seeds" in s], sorted(suggested)


def test_a_folder_the_config_names_is_left_out(cli, tmp_path):
    """Typed as the config here names it: the bare command finds it."""
    _corpus(tmp_path, "data/seeds")
    (tmp_path / "seedkeeper.toml").write_text('seeds = "data/seeds"\n', encoding="utf-8")
    for args in (["data/seeds"], []):
        suggested = set(suggested_commands(cli("check", *args, "--format", "json").stdout))
        assert "seedkeeper dedup --apply" in suggested and not [s for s in suggested if "data" in s], suggested


def test_messages_are_the_same_with_or_without_the_cache(cli, tmp_path):
    """The folder is named when the findings are printed, not stored in the cache: a run on the
    default folder after one on the named folder (same documents, same cache) names none."""
    root = _corpus(tmp_path, "seeds")
    first = cli("check", "seeds", "--format", "json").stdout
    os.rename(root, tmp_path / "other")
    named = cli("check", "other", "--format", "json").stdout
    assert "`seedkeeper dedup other --apply`" in named
    os.rename(tmp_path / "other", root)
    assert cli("check", "seeds", "--format", "json").stdout == first
    assert cli("check", "seeds", "--format", "json", "--no-cache").stdout == first


def test_fix_and_rename_and_errors_name_the_folder(cli, tmp_path):
    broken = ("l’été est très beau à Paris. " * 3 + "\n").encode("utf-8").decode("latin-1").encode("utf-8")
    root = make_seeds(tmp_path, {ORIG: broken}, folder="data/seeds")
    r = cli("fix", "data/seeds", "--dry-run")
    assert "`seedkeeper fix data/seeds --select mojibake`" in " ".join(r.stderr.split()), r.output
    r = cli("restore", "nothere.txt", "--seeds", "data/seeds")
    assert_exit(r, 2)
    assert "`seedkeeper dedup data/seeds --apply`" in " ".join(r.stderr.split()), r.stderr
    assert root.is_dir()


def test_dedup_apply_says_how_to_undo_for_the_folder(cli, tmp_path):
    make_seeds(tmp_path, {ORIG: A, COPY: A}, folder="data/seeds")
    r = cli("dedup", "data/seeds", "--apply")
    assert_exit(r, 0)
    assert "`seedkeeper restore FILE --seeds data/seeds`" in " ".join(r.stdout.split()), r.stdout


@pytest.mark.parametrize(("folder", "named"), [("seeds", ""), ("data/seeds", " data/seeds")])
def test_add_asks_to_adopt_the_hand_written_index_naming_the_folder(cli, tmp_path, folder, named):
    make_seeds(tmp_path, {ORIG: A}, folder=folder)
    new = tmp_path / "new.txt"
    new.write_text(doc("fa", [0, 1, 2, 3]), encoding="utf-8")
    r = cli("add", new, "--seeds", folder)
    assert_exit(r, 2)
    err = " ".join(r.stderr.split())
    assert f"`seedkeeper index{named} --diff`" in err and f"`seedkeeper index{named}`," in err, err


@pytest.mark.parametrize(
    ("args", "named"),
    [([], ""), (["--seeds", "data/seeds"], ""), (["--seeds", "other"], " --seeds other")],
)
def test_add_given_a_folder_suggests_the_seeds_folder_the_config_names(cli, tmp_path, args, named):
    """`seedkeeper add incoming` (config: data/seeds) suggested `seedkeeper add incoming/*.txt
    --seeds seeds`, the default folder, not the configured one: pasted, it failed."""
    (tmp_path / "seedkeeper.toml").write_text('seeds = "data/seeds"\n', encoding="utf-8")
    for folder in ("data/seeds", "other"):
        make_seeds(tmp_path, {ORIG: A}, folder=folder)
        assert_exit(cli("index", folder), 0)
    (tmp_path / "incoming").mkdir()
    (tmp_path / "incoming" / "new.txt").write_text(doc("fa", [0, 1, 2, 3]), encoding="utf-8")
    r = cli("add", "incoming", *args)
    assert_exit(r, 2)
    wanted = f"seedkeeper add incoming/*.txt{named}"
    assert wanted in suggested_commands(r.stderr), r.stderr
    # Pasted, with the glob expanded as a shell would: the file goes into that folder.
    assert_exit(cli(*shlex.split(wanted.replace("*.txt", "new.txt"))[1:]), 0)
    into = tmp_path / ("other" if named else "data/seeds")
    assert len(list(into.glob("*.txt"))) == 2 and not (tmp_path / "seeds").exists()


# Findings `fix` repairs end with the command that repairs them, as not-utf8's always did; the
# command, pasted as printed (here for a folder the bare command would not find), resolves them.
_LATIN1_MOJIBAKE = ("l’été est très beau à Paris. " * 3 + "\n").encode("utf-8").decode("latin-1").encode("utf-8")
_FIX = "(`seedkeeper fix data/seeds` repairs it)"


@pytest.mark.parametrize(
    ("code", "raw", "hint"),
    [
        ("bom", b"\xef\xbb\xbf" + A.encode(), _FIX),
        ("crlf", A.replace("\n", "\r\n").encode(), _FIX),
        ("control-char", ("\x07" + A).encode(), _FIX),
        ("not-nfc", ("Cafe\u0301 " + A).encode(), _FIX),
        ("mojibake", _LATIN1_MOJIBAKE, "`seedkeeper fix data/seeds --select mojibake` repairs it"),
    ],
)
def test_a_finding_fix_repairs_says_so(cli, tmp_path, code, raw, hint):
    make_seeds(tmp_path, {ORIG: raw}, folder="data/seeds")
    msg = _messages(cli, "validate", "data/seeds")[(ORIG, code)]
    assert hint in msg, msg
    (command,) = suggested_commands(msg)
    assert_exit(cli(*shlex.split(command)[1:]), 0)
    assert (ORIG, code) not in _messages(cli, "validate", "data/seeds")


def test_c1_controls_in_mojibake_say_to_repair_the_mojibake_first(cli, tmp_path):
    """`fix` keeps C1 characters while the text looks like mojibake (they may be its letters):
    the control-char finding sends to the mojibake repair, which takes them too."""
    make_seeds(tmp_path, {ORIG: _LATIN1_MOJIBAKE}, folder="data/seeds")
    msg = _messages(cli, "validate", "data/seeds")[(ORIG, "control-char")]
    assert suggested_commands(msg) == ["seedkeeper fix data/seeds --select mojibake"], msg
    assert_exit(cli("fix", "data/seeds", "--select", "mojibake"), 0)
    left = _messages(cli, "validate", "data/seeds")
    assert (ORIG, "control-char") not in left and (ORIG, "mojibake") not in left, left


def test_an_empty_document_says_what_resolves_it(cli, tmp_path):
    root = make_seeds(tmp_path, {ORIG: A, COPY: " \n\t\n"})
    msg = _messages(cli, "validate", root)[(COPY, "empty")]
    assert msg.startswith("no text but white space; ") and "`ignore: empty` in its note" in msg, msg
    assert "delete it" in msg, msg
    (root / "INDEX.md").write_text(f"# Seeds\n\n- {ORIG}\n- {COPY} kept blank on purpose (ignore: empty)\n")
    assert (COPY, "empty") not in _messages(cli, "validate", root)


def test_add_refuses_an_empty_file_without_a_step_for_the_folder(cli, tmp_path):
    """An input outside the folder has no INDEX.md note to accept it with: the refusal says only why."""
    make_seeds(tmp_path, {ORIG: A})
    assert_exit(cli("index"), 0)
    (tmp_path / "blank.txt").write_text("  \n", encoding="utf-8")
    r = cli("add", "blank.txt")
    assert_exit(r, 1)
    assert "empty: no text but white space" in r.stderr and "ignore:" not in r.stderr, r.stderr
