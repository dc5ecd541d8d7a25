"""A containment benchmark corpus from real multilingual text nobody here wrote: Django's human
translations of its messages (~70 languages, see lang_corpus.py), made into documents.

- Base documents: 6-14 paragraphs of 3-6 messages of one language. So that documents do not
  share whole messages by chance (each language has only ~1,500), about 30% of the words (or
  characters, for Chinese and Japanese) are swapped for others of the same language.
- Planted contained pairs, each from its own base document: truncated (the first 50-75%), an
  excerpt (40-60%, anywhere), an edited excerpt (the same with 1% of the words changed), and a
  superset (the document plus 40-60% more text: comments).
- Hard negatives, which must not be reported: a document sharing one or two paragraphs with
  another, a footer line shared by 5% of the documents, a quoted sentence, and translations
  (the same messages, untouched, in two languages).

Deterministic for a seed.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
from lang_corpus import _SKIP, _TAG, _clean, _django_root, parse_po

_NO_SPACE = {"ja", "zh-Hans", "zh-Hant"}
_LETTER = re.compile(r"[^\W\d_]")


def load_messages() -> dict[str, dict[str, str]]:
    """Language tag -> {msgid: cleaned translation}, for messages of 12+ letters."""
    out: dict[str, dict[str, str]] = {}
    for po in sorted(_django_root().rglob("LC_MESSAGES/*.po")):
        locale = po.parent.parent.name
        if locale in _SKIP or locale == "en" or locale.startswith("en_"):
            continue
        tag = _TAG.get(locale, locale.split("_")[0])
        for msgid, msgstr in parse_po(po):
            text = _clean(msgstr)
            if text and text != _clean(msgid) and len(_LETTER.findall(text)) >= 12:
                if not text.endswith((".", "。", "?", "!", "।", "؟", ":")):
                    text += "。" if tag in _NO_SPACE else "."
                out.setdefault(tag, {}).setdefault(msgid, text)
    return {k: v for k, v in sorted(out.items()) if len(v) >= 200}


class Generator:
    def __init__(self, seed: int, swap: float = 0.3):
        self.rng = np.random.default_rng(seed)
        self.swap = swap
        self.msgs = load_messages()
        self.langs = sorted(self.msgs)
        self.pool = {lang: sorted(m.values()) for lang, m in self.msgs.items()}
        self.vocab = {
            lang: sorted({t for m in texts for t in self._tokens(lang, m)}) for lang, texts in self.pool.items()
        }
        self.footers = {lang: texts[len(texts) // 2] for lang, texts in self.pool.items()}

    def _tokens(self, lang: str, text: str) -> list[str]:
        return list(text) if lang in _NO_SPACE else text.split(" ")

    def _join(self, lang: str, tokens: list[str]) -> str:
        return ("" if lang in _NO_SPACE else " ").join(tokens)

    def paragraph(self, lang: str) -> str:
        texts, vocab, swap = self.pool[lang], self.vocab[lang], self.swap
        picks = self.rng.integers(0, len(texts), size=int(self.rng.integers(3, 7)))
        toks = self._tokens(lang, " ".join(texts[i] for i in picks))
        for k in np.flatnonzero(self.rng.random(len(toks)) < swap):
            toks[k] = vocab[int(self.rng.integers(0, len(vocab)))]
        return self._join(lang, toks)

    def document(self, lang: str, paragraphs: int | None = None) -> list[str]:
        n = paragraphs if paragraphs is not None else int(self.rng.integers(6, 15))
        return [self.paragraph(lang) for _ in range(n)]

    def edit(self, lang: str, text: str, share: float = 0.01) -> str:
        toks = self._tokens(lang, text)
        vocab = self.vocab[lang]
        for k in self.rng.choice(len(toks), size=max(1, int(len(toks) * share)), replace=False):
            toks[k] = vocab[int(self.rng.integers(0, len(vocab)))]
        return self._join(lang, toks)

    def translation_pair(self) -> tuple[str, str]:
        a, b = self.rng.choice(len(self.langs), size=2, replace=False)
        la, lb = self.langs[a], self.langs[b]
        common = sorted(set(self.msgs[la]) & set(self.msgs[lb]))
        ids = [common[int(i)] for i in self.rng.choice(len(common), size=min(len(common), 40), replace=False)]
        return "\n".join(self.msgs[la][i] for i in ids) + "\n", "\n".join(self.msgs[lb][i] for i in ids) + "\n"


def _cut(text: str, lo: float, hi: float, rng) -> tuple[int, int]:
    n = len(text)
    length = int(n * rng.uniform(lo, hi))
    start = int(rng.integers(0, n - length + 1))
    return start, start + length


def generate(n: int, seed: int = 1, planted: float = 0.04, negatives: float = 0.04, swap: float = 0.3):
    """n documents, the planted pairs {(contained, container): kind} (indexes), and the hard
    negative pairs {(a, b): kind} that must not be reported. With swap=0 the messages stay
    untouched, so documents of one language share many of them: a stress test."""
    g = Generator(seed, swap)
    rng = g.rng
    docs: list[str] = []
    truth: dict[tuple[int, int], str] = {}
    negs: dict[tuple[int, int], str] = {}
    kinds = ["truncated", "excerpt", "edited", "superset"]
    neg_kinds = ["two-paragraphs", "one-paragraph", "quote", "translation"]
    while len(docs) < n:
        lang = g.langs[int(rng.integers(0, len(g.langs)))]
        paras = g.document(lang)
        if rng.random() < 0.05:
            paras.append(g.footers[lang])  # a footer line many documents share
        text = "\n\n".join(paras) + "\n"
        src = len(docs)
        docs.append(text)
        roll = rng.random()
        if roll < planted and len(docs) < n:
            kind = kinds[int(rng.integers(0, 4))]
            if kind == "truncated":
                docs.append(text[: int(len(text) * rng.uniform(0.5, 0.75))])
            elif kind in ("excerpt", "edited"):
                a, b = _cut(text, 0.4, 0.6, rng)
                docs.append(text[a:b] if kind == "excerpt" else g.edit(lang, text[a:b]))
            else:
                extra = []
                while sum(len(p) for p in extra) < len(text) * rng.uniform(0.4, 0.6):
                    extra.append(g.paragraph(lang))
                docs.append(text + "\n" + "\n\n".join(extra) + "\n")
            pair = (len(docs) - 1, src) if kind != "superset" else (src, len(docs) - 1)
            truth[pair] = kind
        elif roll < planted + negatives and len(docs) < n:
            kind = neg_kinds[int(rng.integers(0, 4))]
            if kind == "translation":
                a, b = g.translation_pair()
                docs[-1] = a
                docs.append(b)
            elif kind == "quote":
                sentence = re.split(r"(?<=[.。!?])", paras[0])[0]
                docs.append("\n\n".join(g.document(lang) + [f"«{sentence}»"]) + "\n")
            else:
                shared = paras[:2] if kind == "two-paragraphs" else paras[:1]
                docs.append("\n\n".join(g.document(lang, int(rng.integers(6, 10))) + shared) + "\n")
            negs[(src, len(docs) - 1)] = kind
    return docs[:n], truth, negs


def write_folder(folder: Path, docs: list[str]) -> list[str]:
    """Write the documents as NNN_<hex>.txt files with an INDEX.md listing them; their names."""
    import hashlib

    folder.mkdir(parents=True, exist_ok=True)
    names = [f"{i:06d}_{hashlib.sha256(d.encode()).hexdigest()[:16]}.txt" for i, d in enumerate(docs)]
    for name, d in zip(names, docs):
        (folder / name).write_text(d, encoding="utf-8")
    (folder / "INDEX.md").write_text("# Seeds\n\n" + "".join(f"- {n}\n" for n in names), encoding="utf-8")
    return names
