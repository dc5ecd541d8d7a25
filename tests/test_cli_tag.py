"""`seedkeeper tag` through the shell: JSON shape, BCP 47 tags per script, determinism (runs,
jobs, cache), `und` documents, unreadable documents, text output, the project's own corpus."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import doc_name, github_annotations, make_seeds, snapshot
from lang_fixtures import SENTENCES, UND_CASES, paragraph_docs
from multilingual import CLEAN
from seedkeeper.shell.app import app

pytestmark = pytest.mark.usefixtures("isolated_env")

REPO = Path(__file__).resolve().parents[1]
PROJECT_SEEDS = REPO / "seeds"
PROJECT_DOC = "000_bd9696f674d5fbff.txt"

SCRIPT_LANGS = ["zh-Hans", "zh-Hant", "ja", "ko", "fa", "ar", "ur", "hi", "ru", "he", "th", "el"]
UND_TEXT = "12345 67890 https://example.org/a/b?c=1 2024-05-01 17:45 +0200 #42 http://x.io/9 555-0100\n"


def paragraph(lang: str, n: int = 3) -> str:
    joiner = "" if lang in ("zh-Hans", "zh-Hant", "ja") else " "
    return joiner.join(SENTENCES[lang][:n]) + "\n"


def tag_json(cli, *args) -> dict:
    r = cli("tag", *args, "--format", "json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


# ---------------------------------------------------------------- shape


def test_json_shape_sorted_by_file(cli, tmp_path):
    names = [doc_name(i, lang) for i, lang in enumerate(["en", "fa", "de", "ru"])]
    files = {n: CLEAN[lang] for n, lang in zip(names, ["en", "fa", "de", "ru"])}
    files["sub/" + doc_name(7)] = CLEAN["el"]
    # INDEX.md lists them in reverse: the output must still be sorted by file.
    root = make_seeds(tmp_path, files, index="# S\n\n" + "".join(f"- {n}\n" for n in reversed(list(files))))
    data = tag_json(cli, root)
    assert list(data) == ["documents"]
    docs = data["documents"]
    assert [d["file"] for d in docs] == sorted(files)
    for d in docs:
        assert isinstance(d["file"], str) and isinstance(d["lang"], str)
        assert isinstance(d["confidence"], float) and 0.0 < d["confidence"] <= 1.0
    by_file = {d["file"]: d["lang"] for d in docs}
    assert by_file[names[1]] == "fa" and by_file["sub/" + doc_name(7)] == "el"


def test_project_seeds_folder_tags_the_persian_document(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)  # as a user of this repository would run it
    before = snapshot(PROJECT_SEEDS)
    cache = tmp_path / "cache"
    r = cli("tag", PROJECT_SEEDS, "--format", "json", "--cache-dir", cache)
    assert r.exit_code == 0, r.output
    docs = {d["file"]: d for d in json.loads(r.stdout)["documents"]}
    assert docs[PROJECT_DOC]["lang"] == "fa"
    assert docs[PROJECT_DOC]["confidence"] > 0.5
    assert snapshot(PROJECT_SEEDS) == before  # nothing written into the repository's corpus
    assert (cache / "cache.sqlite3").is_file()  # the cache went where it was told


# ---------------------------------------------------------------- the right tag for each script


@pytest.fixture(scope="module")
def script_results(tmp_path_factory):
    root = make_seeds(
        tmp_path_factory.mktemp("scripts"), {doc_name(i, lang): paragraph(lang) for i, lang in enumerate(SCRIPT_LANGS)}
    )
    r = CliRunner().invoke(app, ["tag", str(root), "--format", "json", "--no-cache"])
    assert r.exit_code == 0, r.output
    return {d["file"]: d for d in json.loads(r.stdout)["documents"]}


@pytest.mark.parametrize("lang", SCRIPT_LANGS)
def test_script_languages_get_bcp47_tags(script_results, lang):
    d = script_results[doc_name(SCRIPT_LANGS.index(lang), lang)]
    assert d["lang"] == lang, d


@pytest.mark.parametrize("lang", ["fa", "ar", "he", "hi", "th", "el", "ja", "ko", "ru", "zh"])
def test_clean_multilingual_samples(cli, tmp_path, lang):
    root = make_seeds(tmp_path, {doc_name(1, lang): CLEAN[lang]})
    (d,) = tag_json(cli, root, "--no-cache")["documents"]
    assert d["lang"] == ("zh-Hans" if lang == "zh" else lang)


def test_langdetect_codes_are_never_leaked(script_results):
    for d in script_results.values():
        assert d["lang"] not in ("zh-cn", "zh-tw", "iw")


# ---------------------------------------------------------------- determinism


def test_two_runs_are_byte_identical_without_cache(cli, tmp_path):
    root = make_seeds(tmp_path, {doc_name(i, lang): CLEAN[lang] for i, lang in enumerate(CLEAN)})
    a = cli("tag", root, "--format", "json", "--no-cache")
    b = cli("tag", root, "--format", "json", "--no-cache")
    assert a.exit_code == b.exit_code == 0
    assert a.stdout_bytes == b.stdout_bytes


def test_cold_and_warm_cache_runs_are_byte_identical(cli, tmp_path):
    """Regression (fixed in c78bf36): cache._encode used sort_keys=True, so a warm run reordered keys."""
    root = make_seeds(tmp_path, {doc_name(i, lang): CLEAN[lang] for i, lang in enumerate(CLEAN)})
    cache = tmp_path / "cache"
    cold = cli("tag", root, "--format", "json", "--cache-dir", cache)
    warm = cli("tag", root, "--format", "json", "--cache-dir", cache)
    assert json.loads(cold.stdout) == json.loads(warm.stdout)  # same data...
    assert cold.stdout_bytes == warm.stdout_bytes  # ...and the same bytes


def test_jobs_1_and_jobs_2_are_byte_identical(cli, tmp_path):
    paras = paragraph_docs()[::13][:60]
    assert len(paras) > 48
    root = make_seeds(tmp_path, {doc_name(i, lang): text + "\n" for i, (text, lang) in enumerate(paras)})
    one = cli("tag", root, "--format", "json", "--jobs", "1", "--no-cache")
    two = cli("tag", root, "--format", "json", "--jobs", "2", "--no-cache")
    assert one.exit_code == two.exit_code == 0, two.output
    assert one.stdout_bytes == two.stdout_bytes
    assert len(json.loads(one.stdout)["documents"]) == len(paras)


# ---------------------------------------------------------------- und and unreadable documents


def test_digits_and_urls_only_is_und_and_check_warns(cli, tmp_path):
    und, good = doc_name(1, "und"), doc_name(2, "en")
    root = make_seeds(tmp_path, {und: UND_TEXT, good: CLEAN["en"]})
    docs = {d["file"]: d for d in tag_json(cli, root)["documents"]}
    assert docs[und]["lang"] == "und"
    assert docs[good]["lang"] == "en"
    r = cli("check", root, "--format", "json")
    problems = json.loads(r.stdout)["problems"]
    found = [p for p in problems if p["code"] == "lang-undetermined"]
    assert [(p["file"], p["severity"]) for p in found] == [(und, "warning")]


@pytest.mark.parametrize("text", [t for t in UND_CASES if t.strip()])
def test_und_cases(cli, tmp_path, text):
    root = make_seeds(tmp_path, {doc_name(1): text + "\n"})
    (d,) = tag_json(cli, root, "--no-cache")["documents"]
    assert d["lang"] == "und"


def test_binary_document_is_und_with_an_error(cli, tmp_path):
    binary, good = doc_name(1, "bin"), doc_name(2, "fa")
    root = make_seeds(tmp_path, {binary: b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4, good: CLEAN["fa"]})
    docs = {d["file"]: d for d in tag_json(cli, root)["documents"]}
    assert set(docs) == {binary, good}
    assert docs[binary]["lang"] == "und"
    assert "binary" in docs[binary]["error"]
    assert "error" not in docs[good] and docs[good]["lang"] == "fa"
    # Read, and not text: "not-text", as the README says for binary (not "unreadable": never read).
    explained = {d["file"]: d for d in tag_json(cli, root, "--explain")["documents"]}
    assert explained[binary]["decided_by"] == "not-text"


def test_empty_document_is_und(cli, tmp_path):
    empty, good = doc_name(1, "empty"), doc_name(2, "ko")
    root = make_seeds(tmp_path, {empty: "  \n\n", good: CLEAN["ko"]})
    docs = {d["file"]: d for d in tag_json(cli, root)["documents"]}
    assert docs[empty]["lang"] == "und" and docs[good]["lang"] == "ko"


# ---------------------------------------------------------------- text output and errors


def test_text_output_lists_files_and_languages(cli, tmp_path):
    names = {lang: doc_name(i, lang) for i, lang in enumerate(["fa", "ja", "he"])}
    root = make_seeds(tmp_path, {names[lang]: CLEAN[lang] for lang in names})
    r = cli("tag", root)
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    for lang, name in names.items():
        row = [ln for ln in lines if name in ln]
        assert len(row) == 1, r.stdout
        assert f" {lang} " in f" {row[0]} "
    assert "3 documents" in r.stdout


def _column(header: str, row: str, name: str) -> str:
    """The cell of `row` under the column `name` (rich left-aligns each cell under its header)."""
    at = header.index(name)
    return row[at:].split()[0] if len(row) > at and row[at] != " " else ""


def test_text_output_shows_a_pin_as_pinned_and_an_error_as_an_error(cli, tmp_path):
    # The text table had no pinned column (JSON has "pinned") and put an unreadable document's
    # error codes under "others", the column of a mixed document's other languages.
    pinned, binary = doc_name(1, "fa"), doc_name(2, "bin")
    files = {pinned: CLEAN["fa"], binary: b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4}
    root = make_seeds(tmp_path, files, index=f"# S\n\n- {pinned} (lang: ar)\n- {binary}\n")
    r = cli("tag", root)
    assert r.exit_code == 0, r.output
    header, *rows = r.stdout.splitlines()
    assert header.split() == ["file", "lang", "confidence", "pinned", "error"], r.stdout
    row = {name: next(ln for ln in rows if ln.lstrip().startswith(name)) for name in files}
    assert _column(header, row[pinned], "lang") == "fa" and _column(header, row[pinned], "pinned") == "ar"
    assert _column(header, row[pinned], "error") == ""
    assert _column(header, row[binary], "error") == "binary" and _column(header, row[binary], "pinned") == ""


def test_explained_text_shows_a_pin_and_an_error_by_name(cli, tmp_path):
    pinned, binary = doc_name(1, "fa"), doc_name(2, "bin")
    files = {pinned: CLEAN["fa"], binary: b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4}
    root = make_seeds(tmp_path, files, index=f"# S\n\n- {pinned} (lang: ar)\n- {binary}\n")
    r = cli("tag", root, "--explain")
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert "  pinned: ar" in next(ln for ln in lines if ln.startswith(pinned))
    assert next(ln for ln in lines if ln.startswith(binary)).endswith("  error: binary")


def test_missing_folder_exits_2(cli, tmp_path):
    r = cli("tag", tmp_path / "nope", "--format", "json")
    assert r.exit_code == 2
    assert r.stdout == ""
    assert "nope" in r.stderr


def test_pinned_language_is_reported(cli, tmp_path):
    name = doc_name(1, "fa")
    root = make_seeds(tmp_path, {name: CLEAN["fa"]}, index=f"# S\n\n- {name} lang: fa\n")
    (d,) = tag_json(cli, root)["documents"]
    assert d["lang"] == "fa" and d.get("pinned") == "fa"


def test_github_annotations_warn_for_und_documents_with_escaped_file_names(cli, tmp_path):
    und = "1234 5678 9012 3456 7890 1234 5678 9012 3456 7890\n"
    files = {doc_name(1): CLEAN["en"], doc_name(2): und, "sub/n,o.txt": und}
    root = make_seeds(tmp_path, files)
    r = cli("tag", root, "--format", "github", "--no-cache", "--jobs", "1")
    assert r.exit_code == 0, (r.stdout, r.stderr)
    got = {props["file"]: (level, props.get("title")) for level, props, _ in github_annotations(r.stdout)}
    assert got == {
        f"seeds/{doc_name(2)}": ("warning", "lang-undetermined"),
        "seeds/sub/n%2Co.txt": ("warning", "lang-undetermined"),
    }, r.stdout


def test_file_names_that_look_like_rich_markup_are_shown_as_names(cli, tmp_path):
    root = tmp_path / "seeds"
    (root / "old[").mkdir(parents=True)
    text = "Some text here that is long enough to pass the checks for sure, about rivers.\n"
    (root / "[draft] report.txt").write_text(text, encoding="utf-8")
    (root / "old[" / "2019].txt").write_text(text, encoding="utf-8")
    (root / "INDEX.md").write_text("# I\n", encoding="utf-8")
    r = cli("tag", root)
    assert r.exit_code == 0 and r.exception is None, r.output
    assert "[draft] report.txt" in r.stdout and "old[/2019].txt" in r.stdout


def test_explain_keeps_the_rule_and_candidates_for_a_mixed_document():
    from seedkeeper.lang import detect_language

    fa = " ".join(["سلام دنیا این یک متن فارسی است که برای آزمایش نوشته شده"] * 6)
    en = (
        "This is an English paragraph about the weather in the city and the people who live there.\n\n"
        "Another English paragraph follows with more words about trains, bridges and the harbour.\n"
    )
    r = detect_language(fa + "\n\n" + en)
    assert r.lang == "fa" and r.others and r.others[0][0] == "en"
    assert r.decided_by and r.candidates


def test_concise_and_github_output_word_lang_undetermined_as_check_does(cli, tmp_path):
    # A document that is not UTF-8, or garbled, already has its own finding: no lang-undetermined
    # on top of it, in `tag` as in `check`. A Bosnian-or-Serbian text ("hiljada": not Croatian)
    # is undetermined, and the message does not offer the language its words rule out.
    garbled = ("Le café est très bon. " * 3 + "\n").encode("utf-8").decode("latin-1").encode("utf-8")
    bs_sr = "Na koncertu je bilo nekoliko hiljada ljudi, a svi su pjevali zajedno do kasno u noć.\n"
    files = {
        doc_name(1): "Привет, мир. Это русский текст о погоде и городе.\n".encode("cp1251"),
        doc_name(2): garbled,
        doc_name(3): bs_sr,
        doc_name(4): UND_TEXT,
    }
    root = make_seeds(tmp_path, files)
    tagged = cli("tag", root, "--format", "concise").stdout.splitlines()
    checked = [ln for ln in cli("check", root, "--format", "concise").stdout.splitlines() if "lang-undetermined" in ln]
    assert tagged == checked, (tagged, checked)
    assert [ln.split(":")[0] for ln in tagged] == [f"seeds/{doc_name(3)}", f"seeds/{doc_name(4)}"], tagged
    assert "close languages write it alike: " in tagged[0] and "its words rule out hr" in tagged[0], tagged[0]
    assert "alike: hr" not in tagged[0] and ", hr," not in tagged[0].split("rule out")[0], tagged[0]
    github = cli("tag", root, "--format", "github").stdout
    assert doc_name(1) not in github and doc_name(2) not in github and doc_name(3) in github


def test_every_und_names_its_rule_and_check_says_why():
    # No letters is "too-short" (it was an empty rule); Chinese without a character of one
    # standard says so in lang-undetermined, not "too little text".
    from seedkeeper.lang import detect_language
    from seedkeeper.operations.findings import _undetermined

    for text in ("12345 67890", "😀😀😀", "   "):
        assert detect_language(text).decided_by == "too-short"
    han = detect_language("日期字串不符合格式。" * 10)
    assert (han.lang, han.decided_by) == ("und", "zh-variant-unknown")
    message = _undetermined(han.to_dict(explain=True))
    assert "Simplified" in message and "too little text" not in message
    kanji = detect_language("横浜")
    assert "Japanese and Chinese both write" in _undetermined(kanji.to_dict(explain=True))
    assert "too little text" in _undetermined(detect_language("12345").to_dict(explain=True))
    assert "RecursionError" in _undetermined({"lang": "und", "decided_by": "tagger-error: RecursionError"})


# ---------------------------------------------------------------- files named one by one


def test_tag_files_explains_each_file_under_the_name_given(cli, tmp_path):
    (tmp_path / "persian.txt").write_text(CLEAN["fa"], encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "russian.txt").write_text(paragraph("ru"), encoding="utf-8")
    before = snapshot(tmp_path)
    docs = tag_json(cli, "sub/russian.txt", "persian.txt", "--explain")["documents"]
    assert [(d["file"], d["lang"]) for d in docs] == [("persian.txt", "fa"), ("sub/russian.txt", "ru")]
    assert all(d["decided_by"] and "candidates" in d for d in docs)
    assert snapshot(tmp_path) == before  # nothing written beside them, no cache
    r = cli("tag", "persian.txt", "--explain")
    assert r.exit_code == 0 and "persian.txt  fa" in r.stdout and "decided by:" in r.stdout


def test_tag_files_never_opens_a_fifo_and_reports_bad_input_as_und(cli, tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 50)
    docs = {d["file"]: d for d in tag_json(cli, "pipe", "bin.txt")["documents"]}
    assert docs["pipe"]["lang"] == "und" and docs["pipe"]["error"] == "not-a-file"
    assert docs["bin.txt"]["lang"] == "und" and "binary" in docs["bin.txt"]["error"]


def test_tag_files_usage_errors(cli, tmp_path):
    import os

    (tmp_path / "a.txt").write_text(CLEAN["fa"], encoding="utf-8")
    r = cli("tag", "a.txt", "nothere.txt")
    assert r.exit_code == 2 and "no such file or folder: nothere.txt" in r.stderr and r.stdout == ""
    r = cli("tag", "nothere.txt")
    assert r.exit_code == 2 and "no such file or folder: nothere.txt" in r.stderr
    (tmp_path / "folder").mkdir()
    r = cli("tag", "a.txt", "folder")
    assert r.exit_code == 2 and "give one seeds folder, or files, not both" in r.stderr
    os.symlink("loop", tmp_path / "loop")  # a symbolic link to itself
    os.symlink("gone.txt", tmp_path / "dangling")
    for args in (["loop"], ["a.txt", "loop"], ["a.txt", "dangling"]):
        r = cli("tag", *args)
        assert r.exit_code == 2 and "no such file or folder" in r.stderr, args
    r = cli("check", "loop")
    assert r.exit_code == 2 and "a symbolic link that leads nowhere" in r.stderr and "internal error" not in r.output


# One name in its two Unicode spellings: "café" composed (NFC, as people type it) and decomposed
# (NFD, "e" + U+0301, as macOS writes names). Linux compares names byte for byte.
CAFE = {form: unicodedata.normalize(form, "café.txt") for form in ("NFC", "NFD")}
# "Việt" has three spellings of its "ệ": composed, decomposed, and "ẹ" + combining circumflex.
VIET = {
    "NFC": unicodedata.normalize("NFC", "Việt.txt"),
    "NFD": unicodedata.normalize("NFD", "Việt.txt"),
    "mixed": "Vi\u1eb9\u0302t.txt",
}


@pytest.mark.parametrize(("on_disk", "typed"), [("NFD", "NFC"), ("NFC", "NFD")])
def test_tag_files_finds_a_name_typed_in_its_other_unicode_spelling(cli, tmp_path, on_disk, typed):
    # `seedkeeper tag café.txt` said "no such file or folder" for the file macOS named café.txt.
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / CAFE[on_disk]).write_text(paragraph("fr"), encoding="utf-8")
    assert not (tmp_path / "docs" / CAFE[typed]).exists()  # two names on this file system
    before = snapshot(tmp_path)
    (d,) = tag_json(cli, f"docs/{CAFE[typed]}")["documents"]
    assert (d["file"], d["lang"]) == (f"docs/{CAFE[typed]}", "fr")  # under the name given
    assert snapshot(tmp_path) == before  # read-only: nothing renamed
    r = cli("tag", f"docs/{CAFE[typed]}")
    assert r.exit_code == 0 and " fr " in r.stdout, r.output


def test_tag_files_says_when_a_name_has_several_other_spellings(cli, tmp_path):
    for form in ("NFD", "mixed"):
        (tmp_path / VIET[form]).write_text(paragraph("fr"), encoding="utf-8")
    r = cli("tag", VIET["NFC"])
    assert r.exit_code == 2 and f"no such file or folder: {VIET['NFC']}" in r.stderr, r.output
    assert "2 entries spell this name otherwise" in r.stderr
    assert "Vie\\u0323\\u0302t.txt" in r.stderr and "Vi\\u1eb9\\u0302t.txt" in r.stderr
    # Typed as the folder spells it, each is its own file.
    assert [d["file"] for d in tag_json(cli, VIET["NFD"], VIET["mixed"])["documents"]] == sorted(
        [VIET["NFD"], VIET["mixed"]]
    )


def test_tag_files_library_call_finds_the_other_spelling_too(tmp_path):
    import seedkeeper

    (tmp_path / CAFE["NFD"]).write_text(paragraph("fr"), encoding="utf-8")
    (d,) = seedkeeper.tag_files([tmp_path / CAFE["NFC"]]).documents
    assert (d["file"], d["lang"]) == (str(tmp_path / CAFE["NFC"]), "fr")


def test_a_seeds_folder_typed_in_its_other_unicode_spelling(cli, tmp_path):
    # The folder argument of every command: "données" typed composed, the folder decomposed.
    typed, on_disk = (unicodedata.normalize(f, "données") for f in ("NFC", "NFD"))
    make_seeds(tmp_path, {doc_name(0): paragraph("fr")}, folder=on_disk)
    (d,) = tag_json(cli, typed, "--no-cache")["documents"]
    assert d["lang"] == "fr"
    r = cli("validate", typed)
    assert r.exit_code == 0 and "1 document checked" in r.stdout, r.output
    r = cli("stats", typed, "--format", "json", "--no-cache")
    assert r.exit_code == 0 and json.loads(r.stdout)["documents"] == 1, r.output
    # --config too: the config names the folder in its own spelling.
    config = {f: unicodedata.normalize(f, "réglages.toml") for f in ("NFC", "NFD")}
    (tmp_path / config["NFD"]).write_text(f'seeds = "{on_disk}"\n', encoding="utf-8")
    r = cli("validate", "--config", config["NFC"])
    assert r.exit_code == 0 and "1 document checked" in r.stdout, r.output


def test_tag_files_takes_the_settings_of_the_config_nearest_the_files(cli, tmp_path):
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "seedkeeper.toml").write_text('languages = ["id"]\n', encoding="utf-8")
    # Torn detectors, "senarai" leaning Malay: the project allows Indonesian only.
    (project / "docs" / "x.txt").write_text(
        "Ini senarai buku baru perpustakaan yang diumumkan setiap bulan.\n", "utf-8"
    )
    (d,) = tag_json(cli, "project/docs/x.txt", "--explain")["documents"]  # run from outside the project
    assert (d["file"], d["lang"], d["decided_by"]) == ("project/docs/x.txt", "id", "allowed-in-group")
    # A second project, allowing Malay, given on the same command line: each file its own config.
    other = tmp_path / "other"
    other.mkdir()
    (other / "seedkeeper.toml").write_text('languages = ["ms"]\n', encoding="utf-8")
    (other / "y.txt").write_text((project / "docs" / "x.txt").read_text("utf-8"), "utf-8")
    docs = tag_json(cli, "project/docs/x.txt", "other/y.txt")["documents"]
    assert [(d["file"], d["lang"]) for d in docs] == [("other/y.txt", "ms"), ("project/docs/x.txt", "id")]


def test_tag_files_concise_output_keeps_the_names_given(cli, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "digits.txt").write_text(UND_TEXT, encoding="utf-8")
    r = cli("tag", "sub/../digits.txt", str(tmp_path / "digits.txt"), "--format", "concise")
    assert r.exit_code == 0
    assert [line.split(":")[0] for line in r.stdout.splitlines()] == sorted(
        ["sub/../digits.txt", str(tmp_path / "digits.txt")]
    )


def test_tag_files_warns_for_und_as_check_does(cli, tmp_path):
    (tmp_path / "digits.txt").write_text(UND_TEXT, encoding="utf-8")
    r = cli("tag", "digits.txt", "--format", "concise")
    assert r.exit_code == 0
    assert r.stdout == "digits.txt: lang-undetermined the language could not be determined (too little text)\n"


@pytest.mark.parametrize(
    ("config", "note", "expected"),
    [
        ('severity = { lang-undetermined = "error" }', "", "error"),
        ('ignore = ["lang-"]', "", None),
        ("", " ignore: lang-undetermined", None),  # accepted in INDEX.md
        ("", "", "warning"),
    ],
)
def test_tag_annotations_follow_the_config_as_check_does(cli, tmp_path, config, note, expected):
    # tag annotated every `und` at lang-undetermined's default severity, and even when the config
    # ignored the code or INDEX.md accepted it, while check followed both.
    name = doc_name(0)
    root = make_seeds(tmp_path, {name: UND_TEXT}, f"# S\n\n- {name}{note}\n")
    (tmp_path / "seedkeeper.toml").write_text(config + "\n", encoding="utf-8")
    for fmt in ("github", "concise"):
        r = cli("tag", root, "--format", fmt, "--no-cache")
        assert r.exit_code == 0, r.output
        tagged = [ln for ln in r.stdout.splitlines() if "lang-undetermined" in ln]
        checked = [ln for ln in cli("check", root, "--format", fmt).stdout.splitlines() if "lang-undetermined" in ln]
        assert tagged == checked, fmt
        assert len(tagged) == (expected is not None), r.stdout
    if expected:
        assert cli("tag", root, "--format", "github", "--no-cache").stdout.startswith(f"::{expected} "), expected


def test_tag_files_is_a_library_call_too(tmp_path):
    import seedkeeper

    (tmp_path / "a.txt").write_text(CLEAN["fa"], encoding="utf-8")
    report = seedkeeper.tag_files([tmp_path / "a.txt", tmp_path / "a.txt"])
    assert [(d["file"], d["lang"]) for d in report.documents] == [(str(tmp_path / "a.txt"), "fa")]


def test_a_broken_detector_install_exits_2_and_caches_nothing(cli, tmp_path, monkeypatch):
    import importlib.util

    from seedkeeper.lang import wordlists

    name = doc_name(0)
    seeds = make_seeds(tmp_path, {name: "Pendidikan harus diarahkan pada perkembangan pribadi anak.\n"})
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda n, *a: None if n == "wordfreq" else real(n, *a))
    wordlists.frequencies.cache_clear()
    r = cli("tag", seeds, "--jobs", "1", "--cache-dir", tmp_path / "cache")
    assert r.exit_code == 2 and "wordfreq is not installed" in r.stderr and r.stdout == ""
    monkeypatch.undo()
    wordlists.frequencies.cache_clear()
    # Repaired: the document gets its tag (no "tagger-error" was cached for it).
    (d,) = tag_json(cli, seeds, "--jobs", "1", "--cache-dir", tmp_path / "cache", "--explain")["documents"]
    assert (d["lang"], d["decided_by"]) == ("id", "lexicon")


# Serbo-Croatian the detectors cannot split: each an `und` whose first choices are one or two
# languages while check names more ("close languages write it alike: hr, sr-Latn, sl, bs").
_SH_UND = {
    doc_name(0, "sh0"): "Dobar dan, kako ste danas.\n",
    doc_name(1, "sh1"): "Vlada je danas objavila da ce se novi zakon primjenjivati od sljedece godine "
    "u svim opcinama.\n",
    doc_name(2, "sh2"): "Ovo je kratka recenica o gradu i ljudima koji tamo zive vec dugo vremena.\n",
}


def test_an_und_lists_every_candidate_not_ruled_out_as_check_names_them(cli, tmp_path):
    """`others` of an `und` took only each detector's first choice: `und (hr 100%)` beside a
    check naming hr, sr-Latn and bs. It holds every candidate the text's words do not rule out,
    each with its best score, and the text output names them without a percentage."""
    root = make_seeds(tmp_path, _SH_UND)
    docs = json.loads(cli("tag", root, "--format", "json", "--explain").stdout)["documents"]
    check = json.loads(cli("check", root, "--format", "json").stdout)["problems"]
    said = {p["file"]: p["message"] for p in check if p["code"] == "lang-undetermined"}
    for d in docs:
        assert d["lang"] == "und", d
        best: dict[str, float] = {}
        for top in d["candidates"].values():
            for c in top:
                best[c["lang"]] = max(best.get(c["lang"], 0.0), c["score"])
        expected = {lang: score for lang, score in best.items() if lang not in d.get("ruled_out", [])}
        assert {o["lang"]: o["share"] for o in d["others"]} == expected, d
        named = said[d["file"]].split(": ", 1)[1].split(";")[0].rstrip(")").split(", ")
        assert set(named) <= set(expected), (named, d)
    text = cli("tag", root).stdout
    for line in text.splitlines():
        if " und " in line:
            assert "%" not in line and "candidates" in line, line


def test_a_bengali_script_fragment_is_und_between_assamese_and_bengali_in_tag_and_check(cli, tmp_path):
    # "নতুন তথ্য" writes no letter (ৰ, ৱ; র) nor word only Assamese or only Bengali has: it was
    # tagged bn by its script. One ৰ makes a fragment Assamese.
    files = {doc_name(1, "as"): "নতুন তথ্য\n", doc_name(2, "as"): "অভ্যন্তৰীক ডিস্ক\n"}
    root = make_seeds(tmp_path, files)
    docs = {d["file"]: d for d in json.loads(cli("tag", root, "--format", "json", "--explain").stdout)["documents"]}
    assert (docs[doc_name(1, "as")]["lang"], docs[doc_name(1, "as")]["decided_by"]) == ("und", "script-shared")
    assert [o["lang"] for o in docs[doc_name(1, "as")]["others"]] == ["as", "bn"]
    assert docs[doc_name(2, "as")]["lang"] == "as"
    check = json.loads(cli("check", root, "--format", "json").stdout)["problems"]
    [msg] = [p["message"] for p in check if p["code"] == "lang-undetermined"]
    assert "close languages write it alike: as, bn" in msg, msg
