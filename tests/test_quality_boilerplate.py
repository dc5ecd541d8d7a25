"""boilerplate: fingerprints per document, counting across the corpus, findings per document."""

from __future__ import annotations

import unicodedata

import quality_fixtures as F
from seedkeeper.quality import (
    BoilerplateCounter,
    QualitySettings,
    boilerplate_by_document,
    line_fingerprint,
    line_fingerprints,
    pack_fingerprints,
    unpack_fingerprints,
)


def corpus(footer_every: int = 1, n: int = 90):
    docs = dict(F.clean_documents()[:n])
    return {
        name: text + (F.FOOTERS[i // footer_every % len(F.FOOTERS)] + "\n" if i % footer_every == 0 else "")
        for i, (name, text) in enumerate(docs.items())
    }


def test_footers_in_any_language_are_found_and_masked():
    texts = corpus()
    found = boilerplate_by_document(texts)
    for i, (name, text) in enumerate(texts.items()):
        footer = F.FOOTERS[i % len(F.FOOTERS)]
        (f,) = found[name]
        assert f.code == "boilerplate" and f.line == text.count("\n")
        assert "documents" in f.message
        assert "newsroom@" not in f.message and "7946 0123" not in f.message
        if "newsroom" not in footer:
            assert footer[:20] in f.message


def test_clean_documents_have_no_boilerplate():
    found = boilerplate_by_document(dict(F.clean_documents()))
    assert {k: v for k, v in found.items() if v} == {}


def test_short_headings_are_never_boilerplate():
    heads = ["Article 1", "ماده ۱", "第一条", "Chapter 12", "บทที่ ๑", "अनुच्छेद १", "Статья 5"]
    texts = {name: "\n".join(heads) + "\n" + text for name, text in F.clean_documents()[:20]}
    assert all(v == [] for v in boilerplate_by_document(texts).values())
    assert line_fingerprints("\n".join(heads)) == ()


def test_thresholds_min_docs_and_share():
    docs = F.clean_documents()[:100]
    texts = {name: text + (F.FOOTERS[0] + "\n" if i < 4 else "") for i, (name, text) in enumerate(docs)}
    assert not any(boilerplate_by_document(texts).values())  # in 4 documents, under min_docs=10
    s = QualitySettings(boilerplate_min_docs=3, boilerplate_min_share=0.0)
    assert sum(bool(v) for v in boilerplate_by_document(texts, s).values()) == 4
    s = QualitySettings(boilerplate_min_docs=3, boilerplate_min_share=0.05)  # needs 5 of 100
    assert not any(boilerplate_by_document(texts, s).values())


def test_normalisation_and_fingerprints():
    assert line_fingerprint("  © 2023  Example News. All rights reserved. ") == line_fingerprint(
        "• © 2024 example news — ALL RIGHTS RESERVED!"
    )
    assert line_fingerprint("Ｃｏｐｙｒｉｇｈｔ　２０２４ News") == line_fingerprint("copyright 1999 news")
    assert line_fingerprint("کلیه حقوق محفوظ است ۱۴۰۲") == line_fingerprint("کلیه حقوق محفوظ است ۱۴۰۳.")
    assert line_fingerprint("Share on Facebook") != line_fingerprint("Share on Facebok")
    assert line_fingerprint("ab cd") != line_fingerprint("ba cd")
    fps = line_fingerprints(F._EN + "\n" + F._EN + "\n" + F._ZH + "\n")
    assert len(fps) == 2 and list(fps) == sorted(fps) and all(0 <= f < 2**64 for f in fps)
    assert set(fps) == {line_fingerprint(F._EN), line_fingerprint(F._ZH)}
    assert unpack_fingerprints(pack_fingerprints(fps)) == fps and len(pack_fingerprints(fps)) == 16


def test_fingerprints_do_not_collide_on_real_lines():
    def kept(line):  # what a fingerprint sees: letters (with marks) and digits, digits as 0
        folded = unicodedata.normalize("NFKC", line).casefold()
        return "".join("0" if c.isdecimal() else c for c in folded if c.isalnum() or unicodedata.category(c)[0] == "M")

    lines = {line for _, text in F.clean_documents() for line in text.split("\n") if len(line) > 20}
    by_fp = {}
    for line in lines:
        by_fp.setdefault(line_fingerprint(line), set()).add(kept(line))
    assert len(lines) > 5000
    assert all(len(v) == 1 for v in by_fp.values())  # the same fingerprint only for the same letters


def test_counter_answers_from_fingerprints_without_text():
    texts = corpus(footer_every=2, n=180)
    counter = BoilerplateCounter()
    fps = {k: line_fingerprints(v) for k, v in texts.items()}
    for f in fps.values():
        counter.add(f)
    assert counter.documents == 180
    needs_text = {k for k, f in fps.items() if counter.has_boilerplate(f)}
    assert needs_text == {k for i, k in enumerate(texts) if i % 2 == 0}  # 90 footers, 10 of each
    for k in needs_text:
        assert counter.findings(texts[k], fps[k])


def test_a_line_has_the_same_fingerprint_wherever_it_stands():
    for line in [
        "Ｃｏｐｙｒｉｇｈｔ　２０２４ Example\u00a0News — all rights reserved ²",
        "• Share on Facebook |",
        "کلیه حقوق محفوظ است ۱۴۰۲ و همه چیز دیگر",
        "版权所有 © 2024 示例新闻网 未经授权禁止转载",
        "सर्वाधिकार सुरक्षित © 2024 उदाहरण समाचार।",
        "ΑΒΓ ΔΕΖ ΗΘΙ ΚΛΜ ΝΞΟ ΠΡΣ ΤΥΦ ΧΨΩ ß straße 😀 𠀋𠀋",
    ]:
        for text in [line, F._EN + "\n" + line, line + "\n" + F._ZH + "\n\n", F._TH + "\n\n" + line + "\n"]:
            assert line_fingerprint(line) in line_fingerprints(text)


def test_fingerprints_do_not_depend_on_how_the_text_is_chunked(monkeypatch):
    # A long document is hashed a chunk of lines at a time (a 10 MB document once took 1.2 GB
    # in one go); a line's fingerprint is the same whichever chunk it falls in, and the powers
    # built for one document are the same numbers as those built by repeated multiplication.
    import seedkeeper.quality.fingerprints as fps
    from multilingual import CLEAN

    text = "\n".join(CLEAN[k] for k in sorted(CLEAN)) * 3
    whole = fps.line_fingerprints(text)
    monkeypatch.setattr(fps, "_CHUNK", 97)
    assert fps.line_fingerprints(text) == whole
    table = fps._power_table(fps._P, 300).tolist()
    assert table == [pow(fps._P, i, 1 << 64) for i in range(300)]


def test_a_line_longer_than_a_chunk_has_the_same_fingerprint(monkeypatch):
    import seedkeeper.quality.fingerprints as fps

    line = " ".join(["alpha", "δέλτα", "эпсилон", "12,5", "zeta"] * 400)
    text = "a short line of words here\n" + line + "\nand one more line of words\n"
    whole = fps.line_fingerprints(text)
    monkeypatch.setattr(fps, "_CHUNK", 500)  # the long line is hashed in pieces now
    assert fps.line_fingerprints(text) == whole
