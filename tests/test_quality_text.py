"""markup, repeated-lines and low-text: thresholds and edges, in several scripts."""

from __future__ import annotations

import quality_fixtures as F
from seedkeeper.quality import QualitySettings, quality_findings


def codes(text, **kw):
    return [f.code for f in quality_findings(text, QualitySettings(**kw) if kw else None)]


def test_markup_message_names_first_example_and_count_and_masks_addresses():
    text = f'{F._FA}\n<a href="mailto:reza@example.ir">{F._FA}</a><br/>&nbsp;\n'
    (f,) = [f for f in quality_findings(text) if f.code == "markup"]
    assert f.line == 2
    assert "reza@" not in f.message and "r***@example.ir" in f.message and "4 tags or entities" in f.message


def test_unknown_tag_names_need_attributes_or_slashes():
    assert codes(f"{F._EN} <foo> and <Bar> stay text\n") == []
    assert codes(f'{F._EN} <foo bar="1"> is markup\n') == ["markup"]
    assert codes(f"{F._EN} </foo> is markup\n") == ["markup"]
    assert codes(f"{F._EN} &notanentity; stays text\n") == []


def test_repeated_lines_thresholds():
    lines = [f"{F._EN} {i}" for i in range(10)]
    # 2 repeats of 12 lines (17%), 17% of characters: under both thresholds
    assert codes("\n".join(lines + lines[:2]) + "\n") == []
    # 4 repeats of 14 (29%) but 29% of the characters: over the 20% character threshold
    assert codes("\n".join(lines + lines[:4]) + "\n") == ["repeated-lines"]
    assert codes("\n".join(lines + lines[:4]) + "\n", dup_line_char_share=0.5, dup_para_char_share=0.5) == []


def test_repeated_lines_message_and_short_documents():
    (f,) = quality_findings(f"{F._TH}\n{F._ZH}\n{F._TH}\n")
    assert f.line == 3 and "line 3 repeats line 1" in f.message
    assert codes(f"{F._TH}\n{F._TH}\n") == []  # two lines prove little (repeat_min_lines=3)


def test_low_text_in_every_script_is_about_letters_not_ascii():
    # Hindi and Thai are full of combining marks; they are letters' parts.
    assert codes((F._HI + "\n") * 1 + F._TH + "\n" + F._AR + "\n" + F._FA + "\n") == []
    table = "\n".join(f"{i:>4} {i * i:>8} {i**0.5:8.3f}" for i in range(50))
    (f,) = quality_findings(f"{F._FA}\n{table}\n")
    assert f.code == "low-text" and f.line == 2 and "letters are" in f.message


def test_low_text_skips_tiny_documents_and_long_urls():
    assert codes("1234 5678\n") == []
    url = "https://example.org/" + "/".join(["segment"] * 40)
    assert codes(f"{F._EN}\n{url}\n") == []


def test_codes_can_be_switched_off():
    text = f"{F._EN} <p> r@example.org\n"
    assert codes(text, codes=frozenset({"markup"})) == ["markup"]
    assert codes(text, codes=frozenset()) == []


def test_the_character_table_is_read_from_its_saved_copy_and_rebuilt_when_damaged(tmp_path, monkeypatch):
    import numpy as np

    from seedkeeper.quality import chars

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = chars._build()
    monkeypatch.setattr(chars, "_TABLE", None)
    assert np.array_equal(chars.table(), built)  # made and saved
    saved = next((tmp_path / "seedkeeper").glob("chartable-*")) / "flags.npy"
    monkeypatch.setattr(chars, "_TABLE", None)
    with monkeypatch.context() as m:  # read back: building it again would fail
        m.setattr(chars, "_build", lambda: (_ for _ in ()).throw(AssertionError("built again")))
        assert np.array_equal(chars.table(), built)
    saved.write_bytes(saved.read_bytes()[:1000])  # cut short
    monkeypatch.setattr(chars, "_TABLE", None)
    assert np.array_equal(chars.table(), built)
    # The flags a check relies on: Persian and Chinese letters are letters, Chinese ones wide.
    assert built[ord("س")] & chars.LETTER and built[ord("中")] & chars.WIDE and not built[ord(" ")] & chars.LETTER
