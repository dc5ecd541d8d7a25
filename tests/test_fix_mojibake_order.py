"""`fix` never lets another repair eat text that the mojibake repair could give back.

Text decoded with the wrong encoding holds C1 control characters (U+0080-U+009F: `l’été` read as
Latin-1 is `lâ\\x80\\x99Ã©tÃ©`). Removing them first (the control-char repair) left `lâété`, which
no repair could undo, and `check` then saw no mojibake at all (QA of this session).
"""

from __future__ import annotations

import json
import unicodedata

import pytest

from helpers import doc_name, make_seeds, snapshot
from seedkeeper.corpus.repair import repair
from seedkeeper.operations.fixing import fix
from seedkeeper.settings import Settings

pytestmark = pytest.mark.usefixtures("isolated_env")

DOC = doc_name(1, "moj")
FRENCH = "Le gouvernement a annoncé une réforme très importante pour l’été.\n"
HINDI = "यह एक हिंदी वाक्य है जो गलत तरीके से पढ़ा गया और फिर से लिखा गया।\n"
PERSIAN = "این یک متن فارسی است که با رمزگذاری اشتباه خوانده شده است و باید درست شود.\n"


def _latin1(text: str) -> bytes:
    return text.encode("utf-8").decode("latin-1").encode("utf-8")


def _cp1252(text: str) -> bytes:
    import ftfy.bad_codecs  # noqa: F401 - registers sloppy-windows-1252 (undefined bytes become C1)

    return text.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8")


BROKEN = {"fr": (FRENCH, _latin1(FRENCH)), "hi": (HINDI, _cp1252(HINDI)), "fa": (PERSIAN, _cp1252(PERSIAN))}


def _json(cli, *args):
    r = cli("fix", *args, "--format", "json")
    assert r.exit_code in (0, 1) and (r.exception is None or isinstance(r.exception, SystemExit)), r.output
    return r, json.loads(r.stdout)


@pytest.mark.parametrize("lang", sorted(BROKEN))
def test_a_plain_fix_keeps_the_c1_characters_of_mojibake_and_says_why(cli, tmp_path, lang):
    text, broken = BROKEN[lang]
    assert any("\x80" <= c <= "\x9f" for c in broken.decode())  # what control-char would remove
    root = make_seeds(tmp_path, {DOC: broken})
    r, data = _json(cli, root)
    assert r.exit_code == 1
    assert (root / DOC).read_bytes() == broken  # nothing lost
    assert data["fixed"] == []
    left = {x["code"]: x["message"] for x in data["remaining"]}
    assert set(left) == {"control-char", "mojibake"}
    assert "mojibake" in left["control-char"] and "--select mojibake" in left["control-char"]
    # The next step the message names gives the text back whole.
    r, data = _json(cli, root, "--select", "mojibake")
    assert r.exit_code == 0, data
    assert (root / DOC).read_text(encoding="utf-8") == text
    r = cli("check", root, "--select", "mojibake,control-char")
    assert r.exit_code == 0 and r.exception is None, r.output


@pytest.mark.parametrize("lang", sorted(BROKEN))
def test_mojibake_and_control_char_together_repair_mojibake_first(cli, tmp_path, lang):
    text, broken = BROKEN[lang]
    root = make_seeds(tmp_path, {DOC: b"\x07" + broken})
    r, data = _json(cli, root, "--select", "control-char,mojibake")
    assert r.exit_code == 0, data
    assert data["fixed"] == [{"file": DOC, "codes": ["mojibake", "control-char"]}]
    assert (root / DOC).read_text(encoding="utf-8") == text


def test_dry_run_and_diff_show_what_the_write_does(cli, tmp_path):
    text, broken = BROKEN["fr"]
    root = make_seeds(tmp_path, {DOC: broken})
    before = snapshot(root)
    r = cli("fix", root, "--dry-run")
    assert r.exit_code == 1 and "would fix" not in r.stdout, r.output
    assert "remaining" in r.stderr and "--select mojibake" in r.stderr
    r = cli("fix", root, "--diff")
    assert r.exit_code == 1 and r.stdout == ""
    r = cli("fix", root, "--diff", "--select", "mojibake,control-char")
    assert "+" + text.rstrip("\n") in r.stdout.splitlines()
    assert snapshot(root) == before


def test_c0_controls_are_still_removed_next_to_mojibake():
    _, broken = BROKEN["fr"]
    r = repair(b"\x07" + broken, {"control-char"}, None)
    assert r.data == broken and r.codes == ["control-char"]
    assert "mojibake" in r.kept["control-char"]


def test_a_lone_c1_character_is_mojibake_too_and_kept():
    # ftfy reads a lone U+0085 as the cp1252 `…` it was: removing it would lose that.
    text = "Et puis\x85 rien. " * 3 + "\n"
    r = repair(text.encode(), {"control-char"}, None)
    assert r.data is None and "--select mojibake" in r.kept["control-char"]
    r = repair(text.encode(), {"control-char", "mojibake"}, None)
    assert r.new_text == text.replace("\x85", "…") and r.codes == ["mojibake"]


def test_an_accepted_mojibake_finding_lets_control_char_remove_c1(tmp_path):
    # A person who accepts the mojibake finding says the text is right as it is: its C1
    # characters are stray controls then.
    _, broken = BROKEN["fr"]
    root = make_seeds(tmp_path, {DOC: broken}, index=f"# S\n\n- {DOC} ignore: mojibake\n")
    report = fix(root, Settings(jobs=1))
    assert [f.codes for f in report.fixed] == [["control-char"]] and report.ok


def test_decomposed_text_read_as_latin1_comes_back_composed():
    # A combining accent (U+0301 is CC 81) read as Latin-1 ends in a C1 character; not-nfc runs
    # after the mojibake repair, on the letters it gives back.
    text = "Le café est très bon, et le thé aussi, à côté de la gare.\n"
    broken = _latin1(unicodedata.normalize("NFD", text))
    r = repair(broken, {"control-char", "not-nfc", "mojibake"}, None)
    assert r.new_text == text and r.codes == ["mojibake", "not-nfc"]


def test_a_byte_order_mark_given_back_by_the_mojibake_repair_is_removed_too():
    text = "Le café est très bon, et le thé aussi.\n"
    broken = _latin1("\ufeff" + text)  # "ï»¿Le cafÃ©..."
    r = repair(broken, {"bom", "mojibake"}, None)
    assert r.new_text == text and r.codes == ["mojibake", "bom"]


def test_nfc_never_changes_a_character_that_mojibake_is_made_of():
    # Why not-nfc may run on text that still holds mojibake: every character of the code pages
    # ftfy undoes is composed already and none is a combining mark.
    import ftfy.bad_codecs  # noqa: F401
    from ftfy.chardata import CHARMAP_ENCODINGS

    for enc in CHARMAP_ENCODINGS:
        chars = bytes(range(0x80, 0x100)).decode(enc, errors="ignore")
        assert unicodedata.is_normalized("NFC", chars) and not any(unicodedata.combining(c) for c in chars), enc
