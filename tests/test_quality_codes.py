"""Every quality code fires on its hand-written positives and stays quiet on the hard negatives."""

from __future__ import annotations

import random

import pytest

import quality_fixtures as F
from seedkeeper.quality import QUALITY_CODES, quality_findings

CASES = [(code, label, text, line) for code, cases in F.POSITIVES.items() for label, text, line in cases]


@pytest.mark.parametrize("code,label,text,line", CASES, ids=[f"{c}-{lbl}" for c, lbl, _, _ in CASES])
def test_code_fires_at_its_line(code, label, text, line):
    found = [f for f in quality_findings(text) if f.code == code]
    assert found, quality_findings(text)
    assert found[0].line == line


@pytest.mark.parametrize("label,text", F.NEGATIVES, ids=[lbl for lbl, _ in F.NEGATIVES])
def test_hard_negatives_stay_quiet(label, text):
    assert quality_findings(text) == []


def test_clean_real_documents_in_many_scripts_stay_quiet():
    docs = F.clean_documents()
    langs = {name.rsplit("-", 1)[0] for name, _ in docs}
    assert len(docs) >= 400 and len(langs) >= 50
    noisy = {name: quality_findings(text) for name, text in docs}
    assert {k: v for k, v in noisy.items() if v} == {}


@pytest.mark.parametrize("lang", ["fa", "ar", "zh", "th", "hi", "ru", "ja", "am", "ka", "my"])
def test_every_planted_code_is_found_in_non_latin_documents(lang):
    rng = random.Random(lang)
    text = F.udhr()[lang][:3000]
    for code in sorted(set(QUALITY_CODES) - {"boilerplate"}):
        for _ in range(5):
            planted, line = F.inject(code, text, rng)
            found = [f for f in quality_findings(planted) if f.code == code]
            assert found, (code, planted[:200])
            if code.startswith("pii-") or code == "markup":
                assert found[0].line == line


def test_findings_are_sorted_by_line_then_code():
    text = f"{F._EN} r@example.org <p>\n" + "4111 1111 1111 1111 +98 912 345 6789\n" * 3
    found = quality_findings(text)
    assert found == sorted(found, key=lambda f: (f.line, f.code))
    assert {f.code for f in found} >= {"markup", "pii-email", "pii-card", "pii-phone", "repeated-lines"}


def test_document_quality_matches_the_two_separate_calls():
    from seedkeeper.quality import QUALITY_CODES, QualitySettings, document_quality, line_fingerprints

    for name, text in F.clean_documents()[::50]:
        planted, _ = F.inject("pii-email", text, random.Random(name))
        dq = document_quality(planted)
        assert list(dq.findings) == quality_findings(planted)
        assert dq.fingerprints == line_fingerprints(planted)
    no_bp = QualitySettings(codes=frozenset(QUALITY_CODES) - {"boilerplate"})
    assert document_quality(F._EN + "\n", no_bp).fingerprints == ()
    assert document_quality("  \n").findings == ()


def test_never_raises_and_lines_stay_in_the_document():
    from seedkeeper.quality import BoilerplateCounter, document_quality

    rng = random.Random(11)
    alphabet = "ab AZ09@+.:-/<>&;#=\n\n\t\u200c\u00a0۱۲٣४๑一あ한😀𠀋\r\ufeff"
    counter = BoilerplateCounter()
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 400))) for _ in range(300)]
    texts += ["", "\n", "x", "\n\n\n", "+", "@", "<", "&;", "😀" * 50, "\ud800 lone surrogate"]
    results = [document_quality(t) for t in texts]
    for r in results:
        counter.add(r.fingerprints)
    for t, r in zip(texts, results):
        n_lines = t.count("\n") + 1
        for f in list(r.findings) + counter.findings(t, r.fingerprints):
            assert 1 <= f.line <= n_lines
