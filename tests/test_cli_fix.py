"""`seedkeeper fix`: mechanical repairs in place, atomically, with --dry-run, --diff, --select and
--ignore, --encoding for legacy code pages and UTF-16, and the INDEX.md table refreshed."""

from __future__ import annotations

import json
import unicodedata

import pytest

from helpers import doc_name, github_annotations, make_seeds, snapshot
from multilingual import CLEAN
from seedkeeper.errors import UsageError
from seedkeeper.operations.fixing import fix
from seedkeeper.settings import Settings

pytestmark = pytest.mark.usefixtures("isolated_env")

BOM_CRLF, GREEK, UTF16, NFD, CONTROL, CLEAN_FA = (doc_name(i, "fix") for i in range(1, 7))


def _seeds(tmp_path, files):
    root = make_seeds(tmp_path, files)
    return root


def _json(cli, *args):
    r = cli("fix", *args, "--format", "json")
    # Exit 1 comes through CliRunner as SystemExit(1); anything else is a crash.
    assert r.exit_code in (0, 1) and (r.exception is None or isinstance(r.exception, SystemExit)), r.output
    return r, json.loads(r.stdout)


def test_each_mechanical_code_is_repaired_in_place(cli, tmp_path):
    root = _seeds(
        tmp_path,
        {
            BOM_CRLF: b"\xef\xbb\xbf" + CLEAN["ar"].replace("\n", "\r\n").encode(),
            NFD: unicodedata.normalize("NFD", CLEAN["fr"]).encode(),
            CONTROL: ("\x07" + CLEAN["zh"] + "\x7f").encode(),
            CLEAN_FA: CLEAN["fa"].encode(),
        },
    )
    untouched = (root / CLEAN_FA).stat().st_mtime_ns
    r, data = _json(cli, root)
    assert r.exit_code == 0, data
    assert {f["file"]: f["codes"] for f in data["fixed"]} == {
        BOM_CRLF: ["bom", "crlf"],
        NFD: ["not-nfc"],
        CONTROL: ["control-char"],
    }
    assert data["refused"] == [] and data["remaining"] == [] and data["ok"] is True
    assert (root / BOM_CRLF).read_bytes() == CLEAN["ar"].encode()
    assert (root / NFD).read_bytes() == CLEAN["fr"].encode()
    assert (root / CONTROL).read_bytes() == CLEAN["zh"].encode()
    assert (root / CLEAN_FA).stat().st_mtime_ns == untouched
    # Nothing left for check to say about these codes.
    r = cli("check", root, "--select", "bom,crlf,not-nfc,control-char,not-utf8")
    assert r.exit_code == 0 and r.exception is None, r.output


def test_clean_folder_has_nothing_to_fix(cli, tmp_path):
    root = _seeds(tmp_path, {doc_name(i): CLEAN[lang] for i, lang in enumerate(["fa", "ar", "zh", "he", "hi"])})
    before = snapshot(root)
    r = cli("fix", root)
    assert r.exit_code == 0 and r.exception is None, r.output
    assert "nothing to fix" in r.stdout
    assert snapshot(root) == before


def test_dry_run_and_diff_write_nothing_and_exit_1(cli, tmp_path):
    root = _seeds(
        tmp_path,
        {BOM_CRLF: CLEAN["fa"].replace("\n", "\r\n").encode(), CONTROL: "x\x1by " + CLEAN["ru"]},
    )
    before = snapshot(root)
    r = cli("fix", root, "--dry-run")
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit), r.output
    assert f"would fix {BOM_CRLF}: crlf" in r.stdout and f"would fix {CONTROL}: control-char" in r.stdout
    r = cli("fix", root, "--diff")
    assert r.exit_code == 1 and isinstance(r.exception, SystemExit)
    assert f"--- a/{BOM_CRLF}" in r.stdout and "\\r" in r.stdout and "\\u001b" in r.stdout
    assert snapshot(root) == before


def test_select_and_ignore_limit_the_repairs(cli, tmp_path):
    raw = b"\xef\xbb\xbf" + CLEAN["he"].replace("\n", "\r\n").encode()
    root = _seeds(tmp_path, {BOM_CRLF: raw})
    r, data = _json(cli, root, "--ignore", "crlf")
    assert data["fixed"] == [{"file": BOM_CRLF, "codes": ["bom"]}]
    assert (root / BOM_CRLF).read_bytes() == CLEAN["he"].replace("\n", "\r\n").encode()
    r, data = _json(cli, root, "--select", "crlf")
    assert data["fixed"] == [{"file": BOM_CRLF, "codes": ["crlf"]}] and r.exit_code == 0
    assert (root / BOM_CRLF).read_bytes() == CLEAN["he"].encode()


def test_legacy_and_utf16_need_an_encoding(cli, tmp_path):
    greek = CLEAN["el"].encode("cp1253")
    root = _seeds(tmp_path, {GREEK: greek, UTF16: CLEAN["fa"].encode("utf-16")})
    r, data = _json(cli, root)
    assert r.exit_code == 1
    assert [(x["file"], x["code"]) for x in data["refused"]] == [(GREEK, "not-utf8"), (UTF16, "not-utf8")]
    assert "--encoding auto" in data["refused"][0]["message"]
    assert (root / GREEK).read_bytes() == greek
    r, data = _json(cli, root, "--encoding", "auto")
    assert r.exit_code == 0, data
    assert data["fixed"] == [
        {"file": GREEK, "codes": ["not-utf8"], "encoding": "cp1253"},
        {"file": UTF16, "codes": ["not-utf8"], "encoding": "utf-16"},
    ]
    assert (root / GREEK).read_text(encoding="utf-8") == CLEAN["el"]
    assert (root / UTF16).read_text(encoding="utf-8") == CLEAN["fa"]


def test_an_unclear_decode_is_refused_and_the_file_kept(cli, tmp_path):
    raw = "Привет, мир".encode("cp1251")
    root = _seeds(tmp_path, {GREEK: raw})
    r, data = _json(cli, root, "--encoding", "auto")
    assert r.exit_code == 1
    assert data["refused"][0]["code"] == "not-utf8" and "--encoding NAME" in data["refused"][0]["message"]
    assert (root / GREEK).read_bytes() == raw
    r, data = _json(cli, root, "--encoding", "cp1251")
    assert r.exit_code == 0 and (root / GREEK).read_text(encoding="utf-8") == "Привет, мир"


def test_mojibake_is_repaired_only_when_named(cli, tmp_path):
    text = "Le café est très bon. " * 3 + "\n"
    broken = text.encode("utf-8").decode("latin-1").encode("utf-8")  # "cafÃ©"
    root = _seeds(tmp_path, {NFD: broken})
    r, data = _json(cli, root)
    assert r.exit_code == 1
    assert data["remaining"] == [
        {
            "file": NFD,
            "code": "mojibake",
            "message": "not repaired (changes letters: select it by name, --select mojibake)",
        }
    ]
    assert (root / NFD).read_bytes() == broken
    r, data = _json(cli, root, "--select", "mojibake")
    assert r.exit_code == 0 and data["fixed"] == [{"file": NFD, "codes": ["mojibake"]}]
    assert (root / NFD).read_text(encoding="utf-8") == text


def test_diff_says_what_remains_on_stderr(cli, tmp_path):
    """With only an unrepaired mojibake left, `fix --diff` exited 1 saying nothing: it says what
    remains (and what it refused) as --dry-run does, on stderr, so stdout stays a clean patch."""
    broken = ("Le café est très bon. " * 3 + "\n").encode("utf-8").decode("latin-1").encode("utf-8")
    root = _seeds(tmp_path, {NFD: broken, GREEK: CLEAN["el"].encode("cp1253")})
    r = cli("fix", root, "--diff")
    assert r.exit_code == 1, r.output
    assert r.stdout == ""  # no repair to show: an empty patch
    assert f"remaining {NFD}: mojibake: not repaired" in r.stderr, r.stderr
    assert f"refused {GREEK}: not-utf8" in r.stderr, r.stderr
    dry = cli("fix", root, "--dry-run")
    assert [ln for ln in dry.stderr.splitlines()] == [ln for ln in r.stderr.splitlines()]


def test_index_table_is_refreshed(cli, tmp_path):
    root = _seeds(tmp_path, {BOM_CRLF: CLEAN["ar"].replace("\n", "\r\n"), GREEK: CLEAN["el"].encode("cp1253")})
    assert cli("index", root).exit_code == 0
    r, data = _json(cli, root, "--encoding", "auto")
    assert r.exit_code == 0 and data["index_written"] is True
    index_md = (root / "INDEX.md").read_text(encoding="utf-8")
    assert "error: not-utf8" not in index_md
    r = cli("check", root)
    assert r.exit_code == 0 and r.exception is None, r.output


def test_hand_written_index_is_not_converted(cli, tmp_path):
    root = _seeds(tmp_path, {BOM_CRLF: CLEAN["ar"].replace("\n", "\r\n")})
    before = (root / "INDEX.md").read_bytes()
    r, data = _json(cli, root)
    assert data["index_written"] is False and (root / "INDEX.md").read_bytes() == before


def test_library_call(tmp_path):
    root = make_seeds(tmp_path, {CONTROL: "\x0c" + CLEAN["hi"]})
    report = fix(root, Settings(jobs=1), dry_run=True)
    assert [f.codes for f in report.fixed] == [["control-char"]] and not report.ok
    report = fix(root, Settings(jobs=1))
    assert report.ok and (root / CONTROL).read_text(encoding="utf-8") == CLEAN["hi"]


def test_a_document_edited_during_fix_is_left_alone(tmp_path, monkeypatch):
    import seedkeeper.operations.fixing as fixing

    root = make_seeds(tmp_path, {BOM_CRLF: CLEAN["fa"].replace("\n", "\r\n")})
    edited = "edited by a person meanwhile\r\n" + CLEAN["fa"]
    real_repair = fixing.repair

    def repair_then_edit(raw, wanted, encoding, **kw):
        out = real_repair(raw, wanted, encoding, **kw)
        (root / BOM_CRLF).write_text(edited, encoding="utf-8", newline="")
        return out

    monkeypatch.setattr(fixing, "repair", repair_then_edit)
    report = fix(root, Settings(jobs=1))
    assert report.fixed == [] and [r.message for r in report.refused] == [
        "changed while fixing; not written, run fix again"
    ]
    assert (root / BOM_CRLF).read_bytes() == edited.encode()


def test_github_format_annotates_what_is_left(cli, tmp_path):
    root = make_seeds(tmp_path, {GREEK: "Привет, мир".encode("cp1251")})
    r = cli("fix", root, "--format", "github")
    assert r.exit_code == 1
    assert r.stdout.startswith(f"::error file=seeds/{GREEK}")
    assert "not-utf8" in r.stdout and "--encoding auto" in r.stdout


def _levels(stdout: str) -> dict[str, str]:
    """{code: annotation level} of `--format github` output (check's summary line left out)."""
    lines = "\n".join(ln for ln in stdout.splitlines() if ln.startswith("::"))
    return {props["title"]: level for level, props, _ in github_annotations(lines)}


@pytest.mark.parametrize(
    "severity",
    ['{ not-utf8 = "warning" }', '{ mojibake = "error" }', '{ not-utf8 = "warning", mojibake = "error" }', "{}"],
)
def test_github_format_annotates_each_code_at_its_configured_severity_as_check_does(cli, tmp_path, severity):
    # fix annotated every refused or remaining item as ::error, whatever seedkeeper.toml said.
    mojibake = ("Le café est très bon. " * 3 + "\n").encode("utf-8").decode("latin-1").encode("utf-8")
    root = make_seeds(tmp_path, {GREEK: "Привет, мир".encode("cp1251"), NFD: mojibake})
    (tmp_path / "seedkeeper.toml").write_text(f"severity = {severity}\n", encoding="utf-8")
    r = cli("fix", root, "--format", "github")
    assert r.exit_code == 1, r.output  # refused and remaining fail the run, whatever their severity
    levels = _levels(r.stdout)
    assert set(levels) == {"not-utf8", "mojibake"}, r.stdout
    checked = _levels(cli("check", root, "--format", "github", "--select", "not-utf8,mojibake").stdout)
    assert levels == checked


def test_accepted_findings_are_not_fixed(cli, tmp_path):
    raw = CLEAN["ar"].replace("\n", "\r\n").encode()
    root = make_seeds(tmp_path, {BOM_CRLF: raw, CONTROL: "\x07" + CLEAN["zh"]})
    index = (root / "INDEX.md").read_text(encoding="utf-8").replace(f"- {BOM_CRLF}", f"- {BOM_CRLF} ignore: crlf")
    (root / "INDEX.md").write_text(index, encoding="utf-8")
    r, data = _json(cli, root)
    assert r.exit_code == 0, data
    assert data["fixed"] == [{"file": CONTROL, "codes": ["control-char"]}] and data["remaining"] == []
    assert (root / BOM_CRLF).read_bytes() == raw


def test_diff_shows_zwnj_as_text_and_says_when_only_the_encoding_of_letters_changes(cli, tmp_path):
    # ZWNJ is ordinary Persian text: escaped as \u200c it made every unchanged line unreadable.
    # An NFC fix changes how letters are encoded, not how they look: the header says so.
    persian = "این یک متن فارسی با نیم\u200cفاصله است و می\u200cخواهیم آن را بخوانیم.\n"
    decomposed = unicodedata.normalize("NFD", "Le café est très bon, et le thé aussi, à côté.\n") * 2
    root = _seeds(tmp_path, {BOM_CRLF: (persian * 2).replace("\n", "\r\n"), NFD: decomposed})
    out = cli("fix", root, "--diff").stdout
    assert "\\u200c" not in out and "نیم\u200cفاصله" in out and "\\r" in out
    assert f"# {NFD}: not-nfc (not-nfc: changed lines differ in how their letters are encoded" in out


def test_a_dry_run_in_github_format_annotates_what_it_would_repair(cli, tmp_path):
    # `fix --dry-run --format github` printed nothing and exited 1: the would-fix items, which
    # fail the run, had no annotation (review of this session).
    raw = CLEAN["ar"].replace("\n", "\r\n").encode()
    root = make_seeds(tmp_path, {BOM_CRLF: b"\xef\xbb\xbf" + raw})
    r = cli("fix", root, "--dry-run", "--format", "github")
    assert r.exit_code == 1, r.output
    assert set(_levels(r.stdout)) == {"bom", "crlf"}, r.stdout
    assert "would repair" in r.stdout
    assert (root / BOM_CRLF).read_bytes() == b"\xef\xbb\xbf" + raw  # a dry run writes nothing


@pytest.mark.parametrize("flags", [["--dry-run"], ["--diff"], [], ["--format", "json"]])
@pytest.mark.parametrize("name", ["cp9999", "klingon", "base64"])
def test_an_unknown_encoding_is_a_usage_error_even_with_nothing_to_decode(cli, tmp_path, flags, name):
    """`fix --encoding cp9999 --dry-run` said "nothing to fix", exit 0, where `add --encoding
    klingon` stops at once: the name is checked before anything is read, as add checks it."""
    root = _seeds(tmp_path, {CLEAN_FA: CLEAN["fa"].encode(), BOM_CRLF: b"\xef\xbb\xbf" + CLEAN["ar"].encode()})
    before = snapshot(root)
    r = cli("fix", root, "--encoding", name, *flags)
    assert r.exit_code == 2 and isinstance(r.exception, SystemExit), r.output
    assert r.stdout == "" and r.stderr.splitlines() == [r.stderr.strip()], r.output
    assert r.stderr.startswith(f"seedkeeper: error: unknown encoding: {name}"), r.stderr
    assert snapshot(root) == before
    with pytest.raises(UsageError, match=f"unknown encoding: {name}"):
        fix(root, Settings(jobs=1), encoding=name)


@pytest.mark.parametrize("name", ["auto", "AUTO", "utf-8", "cp1251", "UTF-16"])
def test_a_known_encoding_passes(cli, tmp_path, name):
    root = _seeds(tmp_path, {CLEAN_FA: CLEAN["fa"].encode()})
    assert cli("fix", root, "--encoding", name, "--dry-run").exit_code == 0


def test_add_checks_the_encoding_before_the_files(cli, tmp_path):
    """add's own check, up front: a file it would refuse before decoding (already in the folder)
    does not hide the unknown name."""
    root = _seeds(tmp_path, {CLEAN_FA: CLEAN["fa"].encode()})
    r = cli("add", root / CLEAN_FA, "--seeds", root, "--encoding", "klingon")
    assert r.exit_code == 2 and r.stderr.startswith("seedkeeper: error: unknown encoding: klingon"), r.output


@pytest.mark.parametrize(
    ("head", "codes"),
    [(b"\xef\xbb\xbf\xef\xbb\xbf", ["bom"]), (b"\xef\xbb\xbf\x0c\xef\xbb\xbf", ["bom", "control-char"])],
)
def test_every_leading_bom_goes_in_one_run(cli, tmp_path, head, codes):
    """A file saved with a BOM by a tool that read the earlier BOM as text starts with two (a form
    feed between them, once the first one's control character goes, too): one `fix` leaves no
    `bom` finding and a second `fix` has nothing to do."""
    root = _seeds(tmp_path, {BOM_CRLF: head + CLEAN["fa"].encode()})
    r, data = _json(cli, root)
    assert r.exit_code == 0 and data["remaining"] == [] and data["fixed"][0]["codes"] == codes, data
    assert (root / BOM_CRLF).read_bytes() == CLEAN["fa"].encode()
    r, data = _json(cli, root)
    assert r.exit_code == 0 and data["fixed"] == [], data
