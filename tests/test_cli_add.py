"""`seedkeeper add` end to end: decoding legacy encodings, cleaning (UTF-8, NFC, LF, no BOM), the
`NNN_<16 hex>.txt` name (numbers of quarantined documents are not reused), refusing duplicates,
files already in the folder and an unusable INDEX.md or include pattern, --force, --dry-run, and the
INDEX.md row."""

from __future__ import annotations

import hashlib
import json
import os
import re
import unicodedata
from pathlib import Path

import pytest

from dedup_fixtures import doc
from helpers import assert_exit, call_with_timeout, doc_name, index_for, make_seeds, snapshot
from multilingual import CLEAN
from seedkeeper.operations.adding import add
from seedkeeper.operations.indexing import index
from seedkeeper.settings import Settings

pytestmark = pytest.mark.usefixtures("isolated_env")

SETTINGS = Settings(jobs=1)
NAME_RE = re.compile(r"(\d{3,})_([0-9a-f]{16})\.txt")
BEGIN, END = "<!-- seedkeeper:index:begin -->", "<!-- seedkeeper:index:end -->"

# Persian as windows-1256 can hold it: that code page has no U+06CC (Persian yeh), so the Arabic
# yeh U+064A is used, as Persian files in cp1256 do. pp, ch, zh, g and keheh are all in cp1256.
PERSIAN_1256 = (
    "شوراي شهر روز سه شنبه براي بررسي بودجه تازه کتابخانه ها و پارک هاي عمومي تشکيل جلسه داد.\n"
    "کشاورزان دره شمالي پس از هفته ها باران شديد از برداشت ديرهنگام محصول خبر دادند.\n"
    "موزه کوچکي در نزديکي بندر با نمايشگاهي درباره قايق هاي قديمي ماهيگيري دوباره گشايش يافت.\n"
)
# The same with ZWNJ (U+200C, byte 0x9D in cp1256), as Persian is really written.
PERSIAN_1256_ZWNJ = (
    PERSIAN_1256.replace("سه شنبه", "سه\u200cشنبه").replace(" ها", "\u200cها").replace(" هاي", "\u200cهاي")
)
FRENCH = (
    "L'été dernier, nous sommes allés à la montagne où l'on a découvert des forêts élégantes.\n"
    "Le garçon a goûté une crème brûlée près du théâtre, à côté de l'hôpital. Ça coûtait cher.\n"
)

EXIST_EN, EXIST_ZH = doc_name(4, "en"), doc_name(12, "zh")
LONG_EN = (
    "The city council met on Tuesday evening to discuss the new budget for public libraries and parks.\n"
    "Farmers in the northern valley reported a late harvest after weeks of unusually heavy rain.\n"
    "A small museum near the harbour reopened its doors with an exhibition about old fishing boats.\n"
    "Teachers asked for more time to prepare students before the national examinations in spring.\n"
    "The railway company promised that the repaired bridge would carry trains again by the end of the month.\n"
)


@pytest.fixture
def seeds(tmp_path) -> Path:
    """A managed folder with two documents, numbered 004 and 012 (so the next is 013)."""
    root = make_seeds(
        tmp_path,
        {EXIST_EN: LONG_EN, EXIST_ZH: CLEAN["zh"]},
        index="# Seeds\n\nOur corpus. See [CONTRIBUTING.md](CONTRIBUTING.md).\n\n"
        f"- {EXIST_EN} — council news\n- {EXIST_ZH}\n\n## Sources\n\nOwn texts.\n",
    )
    index(root, SETTINGS)
    return root


def incoming(tmp_path: Path, name: str, data: bytes) -> Path:
    folder = tmp_path / "incoming"
    folder.mkdir(exist_ok=True)
    p = folder / name
    p.write_bytes(data)
    return p


def new_files(root: Path, before: dict) -> list[str]:
    return sorted(set(p.name for p in root.iterdir() if p.name != "INDEX.md") - set(before))


def rows(root: Path) -> dict[str, list[str]]:
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    block = text[text.index(BEGIN) : text.index(END)]
    out = {}
    for ln in block.splitlines():
        m = re.match(r"\| \[[^\]]*\]\(([^)]+)\) \|", ln)
        if m:
            out[m.group(1)] = [c.strip() for c in re.split(r"(?<!\\)\|", ln.strip()[1:-1])]
    return out


def assert_clean_document(root: Path, name: str, expected_text: str, number: int) -> bytes:
    m = NAME_RE.fullmatch(name)
    assert m, name
    data = (root / name).read_bytes()
    assert int(m.group(1)) == number and len(m.group(1)) == 3
    assert m.group(2) == hashlib.sha256(data).hexdigest()[:16]
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in data
    text = data.decode("utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert text == expected_text
    return data


def add_json(cli, *args):
    r = cli("add", *args, "--format", "json")
    return r, json.loads(r.stdout)


# ---------------------------------------------------------------- legacy encodings


def test_cp1256_persian_with_encoding_auto(cli, seeds, tmp_path):
    src = incoming(tmp_path, "persian.txt", PERSIAN_1256.encode("cp1256"))
    r, data = add_json(cli, src, "--seeds", seeds, "--encoding", "auto")
    assert r.exit_code == 0, r.output
    assert data["refused"] == [] and len(data["added"]) == 1
    added = data["added"][0]
    assert added["lang"] == "fa"
    assert added["encoding"].replace("-", "").replace("_", "").lower() in ("cp1256", "windows1256")
    name = added["file"]
    assert new_files(seeds, [EXIST_EN, EXIST_ZH]) == [name]
    assert_clean_document(seeds, name, PERSIAN_1256, 13)
    r_ = rows(seeds)
    assert list(r_) == [EXIST_EN, EXIST_ZH, name]  # listed after the others, in the managed table
    assert r_[name][1] == "fa"
    assert r_[EXIST_EN][-1] == "council news"  # the existing note survived the rewrite
    text = (seeds / "INDEX.md").read_text(encoding="utf-8")
    assert text.startswith("# Seeds\n\nOur corpus. See [CONTRIBUTING.md](CONTRIBUTING.md).\n")
    assert text.endswith("## Sources\n\nOwn texts.\n")
    check = cli("check", seeds, "--format", "json")
    assert check.exit_code == 0, check.stdout
    assert json.loads(check.stdout)["problems"] == []


def test_cp1256_persian_with_zwnj_with_encoding_auto(cli, seeds, tmp_path):
    src = incoming(tmp_path, "persian.txt", PERSIAN_1256_ZWNJ.encode("cp1256"))
    r, data = add_json(cli, src, "--seeds", seeds, "--encoding", "auto")
    assert r.exit_code == 0, data["refused"]
    added = data["added"][0]
    assert added["lang"] == "fa"
    assert_clean_document(seeds, added["file"], PERSIAN_1256_ZWNJ, 13)


def test_cp1256_without_encoding_auto_is_refused_and_nothing_written(cli, seeds, tmp_path):
    src = incoming(tmp_path, "persian.txt", PERSIAN_1256.encode("cp1256"))
    before = snapshot(seeds)
    r = cli("add", src, "--seeds", seeds)
    assert_exit(r, 1)
    assert "persian.txt" in r.stderr
    assert "utf-8" in r.stderr.lower() and "--encoding" in r.stderr  # says which encoding, and the way out
    assert snapshot(seeds) == before
    r, data = add_json(cli, src, "--seeds", seeds)
    assert_exit(r, 1)
    assert data["added"] == [] and data["refused"][0]["code"] == "not-utf8"
    assert snapshot(seeds) == before


def test_explicit_codec_name(cli, seeds, tmp_path):
    src = incoming(tmp_path, "persian.txt", PERSIAN_1256.encode("cp1256"))
    r, data = add_json(cli, src, "--seeds", seeds, "--encoding", "cp1256")
    assert r.exit_code == 0, r.output
    assert_clean_document(seeds, data["added"][0]["file"], PERSIAN_1256, 13)


def test_cp1252_french_with_encoding_auto(cli, seeds, tmp_path):
    src = incoming(tmp_path, "french.txt", FRENCH.encode("cp1252"))
    r, data = add_json(cli, src, "--seeds", seeds, "--encoding", "auto")
    assert r.exit_code == 0, r.output
    assert data["added"][0]["lang"] == "fr"
    assert_clean_document(seeds, data["added"][0]["file"], FRENCH, 13)


def test_cp1252_french_with_explicit_codec(cli, seeds, tmp_path):
    src = incoming(tmp_path, "french.txt", FRENCH.encode("cp1252"))
    r, data = add_json(cli, src, "--seeds", seeds, "--encoding", "cp1252")
    assert r.exit_code == 0, r.output
    assert data["added"][0]["lang"] == "fr"
    assert_clean_document(seeds, data["added"][0]["file"], FRENCH, 13)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_bom(cli, seeds, tmp_path, codec):
    raw = CLEAN["de"].encode(codec)
    if codec == "utf-16-be":
        raw = b"\xfe\xff" + raw
    src = incoming(tmp_path, "german.txt", raw)
    r, data = add_json(cli, src, "--seeds", seeds, "--encoding", "auto")
    assert r.exit_code == 0, r.output
    assert data["added"][0]["lang"] == "de"
    assert_clean_document(seeds, data["added"][0]["file"], CLEAN["de"], 13)


def test_crlf_bom_nfd_becomes_lf_nfc_without_bom(cli, seeds, tmp_path):
    nfd = unicodedata.normalize("NFD", FRENCH)
    assert nfd != FRENCH
    src = incoming(tmp_path, "messy.txt", b"\xef\xbb\xbf" + nfd.replace("\n", "\r\n").encode("utf-8"))
    r, data = add_json(cli, src, "--seeds", seeds)  # UTF-8 (with a BOM) needs no --encoding
    assert r.exit_code == 0, r.output
    name = data["added"][0]["file"]
    assert_clean_document(seeds, name, FRENCH, 13)
    check = cli("check", seeds, "--format", "json")
    assert check.exit_code == 0 and json.loads(check.stdout)["problems"] == []


# ---------------------------------------------------------------- refusals


def test_exact_duplicate_is_refused_naming_the_document_unless_force(cli, seeds, tmp_path):
    # Same text once cleaned (CRLF here): an exact duplicate of EXIST_EN.
    src = incoming(tmp_path, "copy.txt", LONG_EN.replace("\n", "\r\n").encode())
    before = snapshot(seeds)
    r = cli("add", src, "--seeds", seeds)
    assert_exit(r, 1)
    assert EXIST_EN in r.stderr and "duplicate" in r.stderr
    assert snapshot(seeds) == before
    r, data = add_json(cli, src, "--seeds", seeds, "--force")
    assert r.exit_code == 0, r.output
    name = data["added"][0]["file"]
    assert_clean_document(seeds, name, LONG_EN, 13)
    status = rows(seeds)[name][6]
    assert "duplicate" in status and EXIST_EN.split(".")[0] in status


def test_near_duplicate_is_refused_naming_the_document_unless_force(cli, seeds, tmp_path):
    near = LONG_EN.replace("old fishing boats", "old sailing boats")
    src = incoming(tmp_path, "near.txt", near.encode())
    before = snapshot(seeds)
    r, data = add_json(cli, src, "--seeds", seeds)
    assert_exit(r, 1)
    assert data["added"] == [] and len(data["refused"]) == 1
    assert data["refused"][0]["code"] == "near-duplicate" and EXIST_EN in data["refused"][0]["message"]
    assert snapshot(seeds) == before
    r, data = add_json(cli, src, "--seeds", seeds, "--force")
    assert r.exit_code == 0
    assert_clean_document(seeds, data["added"][0]["file"], near, 13)


@pytest.mark.parametrize(
    ("config", "added", "refused"),
    [
        ('ignore = ["near-duplicate"]', ["near-duplicate"], ["exact-duplicate"]),
        ('ignore = ["exact-duplicate"]', ["exact-duplicate"], ["near-duplicate"]),
        ('select = ["bom", "lang-"]', ["exact-duplicate", "near-duplicate"], []),
        ("", [], ["exact-duplicate", "near-duplicate"]),
    ],
)
def test_a_duplicate_the_config_does_not_check_is_added_with_a_warning(cli, seeds, tmp_path, config, added, refused):
    # add refused a near duplicate although the config ignores near-duplicate, which check and
    # dedup then never report: the corpus says such duplicates are fine. Exact ones likewise.
    (tmp_path / "seedkeeper.toml").write_text(config + "\n", encoding="utf-8")
    near = incoming(tmp_path, "near.txt", LONG_EN.replace("old fishing boats", "old sailing boats").encode())
    exact = incoming(tmp_path, "exact.txt", LONG_EN.replace("\n", "\r\n").encode())
    code_of = {str(near): "near-duplicate", str(exact): "exact-duplicate"}
    r, data = add_json(cli, near, exact, "--seeds", seeds)
    assert_exit(r, 1 if refused else 0)
    assert sorted(code_of[x["source"]] for x in data["refused"]) == refused
    assert sorted(code_of[x["source"]] for x in data["added"]) == added
    for a in data["added"]:  # each added duplicate says what it repeats, and why it was added
        (note,) = [w for w in a["warnings"] if w.startswith(code_of[a["source"]] + ": ")]
        assert EXIST_EN in note and "not checked (select/ignore in the config)" in note, note
        assert a["file"] in rows(seeds)
    if added:
        # What add let in, check does not report: the two agree.
        found = {p["code"] for p in json.loads(cli("check", seeds, "--format", "json").stdout)["problems"]}
        assert not found & set(added), found


def test_the_warnings_of_an_added_document_follow_the_config(cli, seeds, tmp_path):
    # A too-short warning was printed although the config ignores too-short, and annotated as
    # ::warning although the config makes it an error, as check does.
    short = incoming(tmp_path, "short.txt", b"Kurzer Text hier.\n")
    config = tmp_path / "seedkeeper.toml"
    config.write_text('ignore = ["too-short"]\n', encoding="utf-8")
    r, data = add_json(cli, short, "--seeds", seeds, "--dry-run")
    assert r.exit_code == 0 and data["added"][0]["warnings"] == [], data
    r = cli("add", short, "--seeds", seeds, "--dry-run")
    assert r.exit_code == 0 and "too-short" not in r.output, r.output
    config.write_text('severity = { too-short = "error" }\n', encoding="utf-8")
    r = cli("add", short, "--seeds", seeds, "--dry-run")
    assert r.exit_code == 0 and "  error too-short: 17 characters" in r.stdout, r.output
    r = cli("add", short, "--seeds", seeds, "--dry-run", "--format", "github")
    assert r.exit_code == 0 and r.stdout.startswith("::error ") and "title=too-short" in r.stdout, r.output


def test_duplicates_among_the_new_files_themselves(cli, seeds, tmp_path):
    a = incoming(tmp_path, "a.txt", CLEAN["ru"].encode())
    b = incoming(tmp_path, "b.txt", CLEAN["ru"].encode())
    c = incoming(tmp_path, "c.txt", CLEAN["el"].encode())
    r, data = add_json(cli, a, b, c, "--seeds", seeds)
    assert_exit(r, 1)
    assert [Path(x["source"]).name for x in data["added"]] == ["a.txt", "c.txt"]
    assert [Path(x["source"]).name for x in data["refused"]] == ["b.txt"]
    names = sorted(x["file"] for x in data["added"])
    assert new_files(seeds, [EXIST_EN, EXIST_ZH]) == names
    # A refused file takes no number: the accepted ones are numbered without a gap.
    assert [int(NAME_RE.fullmatch(n).group(1)) for n in names] == [13, 14]
    assert str(a) in data["refused"][0]["message"]  # names the new file it repeats
    assert set(names) <= set(rows(seeds))


def test_dry_run_writes_nothing(cli, seeds, tmp_path):
    src = incoming(tmp_path, "greek.txt", CLEAN["el"].encode())
    before = snapshot(seeds)
    r = cli("add", src, "--seeds", seeds, "--dry-run")
    assert r.exit_code == 0, r.output
    assert "would add" in r.stdout
    r, data = add_json(cli, src, "--seeds", seeds, "--dry-run")
    assert data["dry_run"] is True and data["index_written"] is False
    assert NAME_RE.fullmatch(data["added"][0]["file"])
    assert snapshot(seeds) == before
    # The real run uses the name the dry run announced.
    r, real = add_json(cli, src, "--seeds", seeds)
    assert real["added"][0]["file"] == data["added"][0]["file"]


def test_binary_file_is_refused(cli, seeds, tmp_path):
    src = incoming(tmp_path, "image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    before = snapshot(seeds)
    for enc in ("utf-8", "auto"):
        r, data = add_json(cli, src, "--seeds", seeds, "--encoding", enc)
        assert_exit(r, 1)
        assert data["added"] == [] and data["refused"][0]["code"] in ("binary", "not-utf8")
    r, data = add_json(cli, src, "--seeds", seeds, "--encoding", "auto")
    assert data["refused"][0]["code"] == "binary"
    assert snapshot(seeds) == before


def test_nul_bytes_in_utf8_are_refused_as_binary(cli, seeds, tmp_path):
    src = incoming(tmp_path, "nul.txt", CLEAN["en"].encode() + b"\x00\x00\x00\x00" + CLEAN["en"].encode())
    before = snapshot(seeds)
    r, data = add_json(cli, src, "--seeds", seeds)
    assert_exit(r, 1)
    assert data["refused"][0]["code"] == "binary"
    assert snapshot(seeds) == before


def test_missing_input_and_missing_seeds_folder(cli, seeds, tmp_path):
    before = snapshot(seeds)
    r = cli("add", tmp_path / "nope.txt", "--seeds", seeds)
    assert r.exit_code == 2 and isinstance(r.exception, SystemExit)  # a usage error, not a crash
    assert "no such file" in r.output
    assert snapshot(seeds) == before
    src = incoming(tmp_path, "greek.txt", CLEAN["el"].encode())
    r = cli("add", src, "--seeds", tmp_path / "no-seeds")
    assert r.exit_code == 2
    assert not (tmp_path / "no-seeds").exists()


@pytest.mark.parametrize(("on_disk", "typed"), [("NFD", "NFC"), ("NFC", "NFD")])
def test_a_file_typed_in_its_other_unicode_spelling_is_added(cli, seeds, tmp_path, on_disk, typed):
    # `add café.txt` said "no such file" for the file macOS named café.txt (decomposed).
    incoming(tmp_path, unicodedata.normalize(on_disk, "café.txt"), FRENCH.encode())
    src = tmp_path / "incoming" / unicodedata.normalize(typed, "café.txt")
    assert not src.exists()  # two names on this file system
    r, data = add_json(cli, src, "--seeds", seeds)
    assert r.exit_code == 0, r.output
    (added,) = data["added"]
    assert added["source"] == str(src)  # the name as typed
    assert_clean_document(seeds, added["file"], FRENCH, 13)
    assert added["file"] in rows(seeds)
    # Both spellings on one command line are one file, added once.
    other = tmp_path / "incoming" / unicodedata.normalize(on_disk, "café.txt")
    r, data = add_json(cli, src, other, "--seeds", seeds, "--dry-run", "--force")
    assert [x["code"] for x in data["refused"]] == ["duplicate-entry"] and len(data["added"]) == 1, data


def test_a_name_with_several_other_spellings_stops_add_and_says_so(cli, seeds, tmp_path):
    for name in (unicodedata.normalize("NFD", "Việt.txt"), "Vi\u1eb9\u0302t.txt"):
        incoming(tmp_path, name, FRENCH.encode())
    before = snapshot(seeds)
    r = cli("add", tmp_path / "incoming" / unicodedata.normalize("NFC", "Việt.txt"), "--seeds", seeds)
    assert r.exit_code == 2 and isinstance(r.exception, SystemExit), r.output
    assert "no such file" in r.stderr and "2 entries spell this name otherwise" in r.stderr, r.stderr
    assert snapshot(seeds) == before


# ---------------------------------------------------------------- where the new file comes from, where it goes

DOC_EN, DOC_FA = doc("en", [0, 1, 2, 3]), doc("fa", [0, 1, 2, 3])


@pytest.mark.parametrize("how", ["absolute", "dotted", "relative-from-inside"])
def test_a_file_already_in_the_folder_is_refused(cli, tmp_path, monkeypatch, how):
    root = make_seeds(tmp_path, {doc_name(1): DOC_EN})
    (root / "drafts").mkdir()
    draft = root / "drafts" / "new.txt"
    draft.write_text(DOC_FA, encoding="utf-8")
    if how == "absolute":
        arg = draft
    elif how == "dotted":
        arg = f"{root}/drafts/../drafts/new.txt"
    else:
        monkeypatch.chdir(root / "drafts")
        arg = "new.txt"
    before = snapshot(root)
    r = cli("add", arg, "--seeds", root, "--format", "json", "--no-cache")
    assert_exit(r, 1)
    data = json.loads(r.stdout)
    assert data["added"] == [] and data["refused"][0]["code"] == "already-in-folder"
    assert snapshot(root) == before


def test_include_not_matching_new_names_is_a_usage_error(cli, tmp_path):
    """With `include = ["*.md"]` a new `NNN_<hex>.txt` would not be part of the corpus: exit 2."""
    root = make_seeds(tmp_path, {"001_" + "a" * 16 + ".md": DOC_EN})
    (tmp_path / "seedkeeper.toml").write_text('include = ["*.md"]\n', encoding="utf-8")
    new = tmp_path / "incoming.txt"
    new.write_text(DOC_FA, encoding="utf-8")
    before = snapshot(root)
    r = cli("add", new, "--seeds", root, "--no-cache")
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert "*.md" in r.stderr and "include" in r.stderr
    assert snapshot(root) == before
    assert new.read_text(encoding="utf-8") == DOC_FA


@pytest.mark.parametrize("kind", ["symlink", "fifo", "folder"])
def test_unusable_index_writes_nothing(cli, tmp_path, kind):
    root = make_seeds(tmp_path, {doc_name(1): DOC_EN})
    (root / "INDEX.md").unlink()
    if kind == "symlink":
        (root / "real.md").write_text(index_for([doc_name(1)]), encoding="utf-8")
        os.symlink("real.md", root / "INDEX.md")
    elif kind == "fifo":
        os.mkfifo(root / "INDEX.md")
    else:
        (root / "INDEX.md").mkdir()
    new = tmp_path / "new.txt"
    new.write_text(DOC_FA, encoding="utf-8")
    before = snapshot(root)
    r = call_with_timeout(lambda: cli("add", new, "--seeds", root, "--no-cache"), 10, fifo_paths=[root / "INDEX.md"])
    assert r.exit_code == 1, (r.stdout, r.stderr)  # the data stops it, as an unsafe path does
    assert "INDEX.md" in r.stderr
    assert snapshot(root) == before  # no new document either


def test_numbering_skips_quarantined_documents(cli, tmp_path):
    one, two = "001_" + "1" * 16 + ".txt", "002_" + "2" * 16 + ".txt"
    root = make_seeds(tmp_path, {one: DOC_EN, two: DOC_EN})
    assert cli("index", root, "--no-cache", "--jobs", "1").exit_code == 0  # add never adopts a hand-written list
    r = cli("dedup", root, "--apply", "--no-cache", "--jobs", "1")
    assert r.exit_code == 0, (r.stdout, r.stderr)
    assert not (root / two).exists() and (root / ".seedkeeper/quarantine" / two).is_file()

    new = tmp_path / "fresh.txt"
    new.write_text(DOC_FA, encoding="utf-8")
    r = cli("add", new, "--seeds", root, "--format", "json", "--no-cache")
    assert r.exit_code == 0, (r.stdout, r.stderr)
    added = json.loads(r.stdout)["added"]
    assert len(added) == 1 and added[0]["file"].startswith("003_"), added
    assert (root / added[0]["file"]).is_file()
    assert not list(root.glob("002_*.txt"))
    # The quarantined 002 can still come back without colliding.
    assert cli("restore", two, "--seeds", root).exit_code == 0
    assert (root / two).read_bytes() == DOC_EN.encode()


def test_library_add(seeds, tmp_path):
    src = incoming(tmp_path, "hebrew.txt", CLEAN["he"].encode())
    report = add([src], seeds, SETTINGS)
    assert not report.refused and report.index_written
    (a,) = report.added
    assert a.lang == "he"
    assert_clean_document(seeds, a.file, CLEAN["he"], 13)
    assert a.file in rows(seeds)
    assert index(seeds, SETTINGS, write=False).changed is False


def test_concise_output_is_one_finding_per_line(cli, seeds, tmp_path):
    # Refusals and the warnings of added documents, `path: code message`, on stdout; what was
    # added goes to stderr, so grep and editors see findings only.
    short = incoming(tmp_path, "short.txt", b"Kurzer Text hier.\n")
    empty = incoming(tmp_path, "empty.txt", b"  \n")
    r = cli("add", short, empty, "--seeds", seeds, "--format", "concise", "--dry-run")
    assert r.exit_code == 1, r.output
    lines = r.stdout.splitlines()
    assert sorted(ln.split(": ")[1].split()[0] for ln in lines) == ["empty", "too-short"], lines
    assert all(re.match(r"^\S.*: [a-z-]+ \S", ln) for ln in lines), lines
    assert "would add" in r.stderr and "would add" not in r.stdout


def test_concise_names_each_input_as_it_was_typed(cli, seeds, tmp_path, monkeypatch):
    # Run from a folder beside the inputs: refusals and warnings were printed with absolute
    # paths (/tmp/.../incoming/dup.txt), while every other concise line keeps what was typed.
    incoming(tmp_path, "dup.txt", LONG_EN.encode())  # refused: an exact duplicate of EXIST_EN
    incoming(tmp_path, "short.txt", b"Kurzer Text hier.\n")  # added, with a too-short warning
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    inside = f"../seeds/{EXIST_ZH}"  # refused: already in the folder
    args = ("add", "../incoming/dup.txt", "../incoming/short.txt", inside, "--seeds", "../seeds")
    r = cli(*args, "--format", "concise", "--dry-run")
    assert r.exit_code == 1, r.output
    assert [ln.split(": ")[:2] for ln in r.stdout.splitlines()] == [
        [
            "../incoming/dup.txt",
            "exact-duplicate exact duplicate (1.00) of " + EXIST_EN + "; use --force to add it anyway",
        ],
        ["../incoming/short.txt", "too-short 17 characters, under the minimum of 30"],
        [inside, "already-in-folder already inside the seeds folder; list it with `seedkeeper index ../seeds` instead"],
    ], r.stdout
    # github keeps paths from the repository root (GITHUB_WORKSPACE, here tmp_path).
    files = [
        ln.split("file=")[1].split(",")[0] for ln in cli(*args, "--format", "github", "--dry-run").stdout.splitlines()
    ]
    assert sorted(files) == ["incoming/dup.txt", "incoming/short.txt", f"seeds/{EXIST_ZH}"]


def test_add_lists_the_document_outside_a_comment_left_open_at_the_end(cli, tmp_path):
    """INDEX.md without a table, ending in an HTML comment never closed: the new table must be
    one a renderer shows (the begin marker's `-->` ends the person's comment) and the comment's
    bytes stay as written. (Its sibling, `restore`'s list item, was hidden there.)"""
    from markdown_it import MarkdownIt

    index = "# Seeds\n\nProse.\n\n<!-- note to self\nask about the licences\n"
    root = make_seeds(tmp_path, {}, index)
    src = tmp_path / "in.txt"
    src.write_text(LONG_EN, encoding="utf-8")
    assert_exit(cli("add", src, "--seeds", root), 0)
    text = (root / "INDEX.md").read_text(encoding="utf-8")
    assert text.startswith(index)
    (name,) = [p.name for p in root.glob("*.txt")]
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    assert re.findall(r'<tr>\n<td><a href="([^"]+)">', html) == [name], text
    assert_exit(cli("check", root), 0)


def test_one_mapping_from_duplicate_kind_to_problem_code():
    """The kind -> code mapping was written three times (check's findings, its table, add's
    refusals): add refused with one code while check reported another once they drifted. One
    table now, and add's duplicate policy is a module of its own (adding.py stays under 300 lines)."""
    import inspect

    import seedkeeper.operations.add_duplicates as policy
    import seedkeeper.operations.adding as adding
    import seedkeeper.operations.findings as findings

    for module in (adding, policy, findings):
        assert inspect.getsource(module).count('"normalized": "exact-duplicate"') == (module is findings), module
    assert policy.DUPLICATE_CODES is findings.DUPLICATE_CODES
    assert len(inspect.getsource(adding).splitlines()) <= 300


def test_add_reports_the_tag_tag_gives_a_mojibake_file(cli, seeds, tmp_path):
    # Text decoded with the wrong encoding: a language read off it describes the wrong decoding,
    # so `tag` (and the INDEX.md row) say und / not-text; `add` must say the same.
    moji = "Le café est délicieux et la crème brûlée aussi, dit le cuisinier à sa sœur.\n" * 3
    src = tmp_path / "moji.txt"
    src.write_text(moji.encode("utf-8").decode("cp1252", errors="replace"), encoding="utf-8")
    r = cli("add", src, "--seeds", seeds, "--format", "json")
    assert_exit(r, 0)
    added = json.loads(r.stdout)["added"][0]
    assert any(w.startswith("warning mojibake") or "mojibake" in w for w in added["warnings"]), added
    t = cli("tag", seeds, "--format", "json", "--explain")
    tagged = next(d for d in json.loads(t.stdout)["documents"] if d["file"] == added["file"])
    assert tagged["lang"] == "und" and tagged["decided_by"] == "not-text"
    assert (added["lang"], added["confidence"]) == ("und", 0.0)
