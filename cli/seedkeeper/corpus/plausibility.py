"""Choosing a legacy encoding only when the choice is clear.

Bytes that are not UTF-8 can be decoded by many code pages, and most of them "succeed": Greek in
cp1253 read as cp1251 is valid Cyrillic, Hebrew in cp1255 read as cp1251 is valid Bulgarian to a
detector. Every candidate encoding's text is judged (textsigns.py holds the character signs):

- flaws rule a reading out: control, private-use or unassigned characters, two non-Latin scripts,
  letters of two scripts inside words, capitals inside lower-case words ("МпйсбЯб"), symbols in
  words, ftfy "bad" sequences, a high charset-normalizer mess ratio, a tag whose script is not
  the text's, letters the tagged language does not write ("Boðaz" for Turkish);
- oddities, under those thresholds, are counted (a lone letter of another script, a box-drawing
  character, text in capitals, Greek without accents, rare Han...);
- the tagger must name a language; a reading it cannot name still competes against the others.

A reading is taken when it is the only plausible one, or has fewer oddities than every other
plausible one, or fits a language's letter frequencies clearly better. Otherwise the caller gets
the candidates (encoding, a short excerpt, why) so a person can choose with `--encoding NAME`.
UTF-16 without a BOM is only a question of byte order, decided against the broken other order.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from seedkeeper.corpus.alphabets import scripts_of, stray_letters
from seedkeeper.corpus.textsigns import character_flaws, group, is_odd_char

# Tried in this order; the first of several encodings that give the same text names the group.
CANDIDATES = (
    "cp1252",
    "cp1250",
    "iso8859_2",
    "cp1257",
    "cp1254",
    "cp1258",
    "iso8859_15",
    "mac_roman",
    "cp1251",
    "koi8_r",
    "koi8_u",
    "cp866",
    "iso8859_5",
    "mac_cyrillic",
    "cp1253",
    "iso8859_7",
    "cp1255",
    "iso8859_8",
    "cp1256",
    "iso8859_6",
    "cp874",
    "shift_jis",
    "cp932",
    "euc_jp",
    "gb18030",
    "big5",
    "euc_kr",
    "cp949",
)
WIDE = ("utf_16_le", "utf_16_be")


@dataclass
class Candidate:
    """One way to read the bytes: the encodings that give this text, and how it was judged."""

    encodings: list[str]
    text: str
    lang: str = "und"
    confidence: float = 0.0
    script: str | None = None
    coherence: float = 0.0  # how well letter frequencies fit a language (charset-normalizer)
    broken: bool = False  # control, private-use or unassigned characters: not text at all
    oddity: int = 0  # stray letters of other scripts, symbols in words...: under the flaw thresholds
    flaws: list[str] = field(default_factory=list)  # why it is not plausible, or what is odd

    @property
    def encoding(self) -> str:
        return self.encodings[0]

    @property
    def plausible(self) -> bool:
        """No flaw seen: a reading a person might have meant (its language may still be unclear)."""
        return not self.flaws

    def excerpt(self, width: int = 60) -> str:
        """The first non-blank line, shortened: what a person reads to pick an encoding.

        Personal data in it is masked, as the pii-* findings mask it, before the line is cut (a
        refusal is printed, maybe in a public CI log; a cut value would still show in part)."""
        from seedkeeper.quality.pii import mask_pii

        line = mask_pii(next((ln.strip() for ln in self.text.splitlines() if ln.strip()), ""))
        return line if len(line) <= width else line[: width - 1] + "…"

    def to_dict(self) -> dict:
        return {
            "encoding": self.encoding,
            "also": self.encodings[1:],
            "lang": self.lang,
            "confidence": round(self.confidence, 2),
            "excerpt": self.excerpt(),
            "flaws": self.flaws,
        }


@dataclass
class Verdict:
    """The chosen candidate (None when no choice is clear) and every readable candidate, best first."""

    chosen: Candidate | None
    candidates: list[Candidate]

    def explain(self, limit: int = 4) -> str:
        """One line per top candidate, for a refusal message."""
        if not self.candidates:
            return "no candidate encoding decodes these bytes"
        parts = []
        for c in self.candidates[:limit]:
            why = "; ".join(c.flaws) if c.flaws else ("language unclear" if c.lang == "und" else f"reads as {c.lang}")
            parts.append(f"{c.encoding}: {c.excerpt(40)!r} ({why})")
        return "; ".join(parts)


def decodings(raw: bytes, encodings: tuple[str, ...]) -> list[Candidate]:
    """Every distinct strict decode of `raw`, grouped by identical text, in `encodings` order."""
    by_text: dict[str, Candidate] = {}
    for enc in encodings:
        try:
            text = raw.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if enc.startswith("utf_16") and text.startswith("\ufeff"):
            continue  # a BOM would have been read as such before we got here
        if text in by_text:
            by_text[text].encodings.append(enc)
        else:
            by_text[text] = Candidate([enc], text)
    return list(by_text.values())


def judge(raw: bytes) -> Verdict:
    """Decode `raw` with every candidate encoding, judge each text, and choose one if clear.

    Bytes with NUL in them are tried as UTF-16 only (legacy code pages never hold NUL in text)."""
    wide = len(raw) % 2 == 0 and b"\x00" in raw
    cands = decodings(raw, WIDE if wide else CANDIDATES + (WIDE if len(raw) % 2 == 0 else ()))
    for c in cands:
        assess(c)
    _weigh_unnamed(cands)
    cands.sort(key=_rank)
    if wide:
        return Verdict(_choose_wide(cands), cands)
    return Verdict(_choose([c for c in cands if c.plausible]), cands)


def _choose_wide(cands: list[Candidate]) -> Candidate | None:
    """UTF-16 without a BOM: the only question is the byte order, and the wrong one is broken
    (unassigned code points, a dozen scripts). The right one is taken even when its text is odd
    (fragments, stray spacing), as long as it is not broken itself and far less odd."""
    if not cands:
        return None
    best = cands[0]
    if best.broken:
        return None
    if len(cands) == 1:
        return best
    other = cands[1]
    if other.broken or len(other.flaws) > len(best.flaws) or other.oddity >= 3 * max(1, best.oddity):
        return best
    return None


def _weigh_unnamed(cands: list[Candidate]) -> None:
    """A reading the tagger cannot name is judged by the alphabet of the language the best named
    reading has: Croatian "već" read as cp1257 is "veę", a letter Croatian does not write."""
    from collections import Counter

    named = [c for c in cands if c.plausible and c.lang != "und"]
    if not named:
        return
    lead = max(named, key=lambda c: (c.coherence, c.confidence)).lang
    for c in cands:
        if c.plausible and c.lang == "und":
            c.oddity += stray_letters(Counter(sample(c.text)), lead, strict=True)[1]


def _choose(plausible: list[Candidate]) -> Candidate | None:
    """The one plausible reading, if the tagger names its language; of several (one the tagger
    cannot name still counts against the others), the one with fewer oddities (English "£" read as
    KOI8-R is a box-drawing character), or whose letter frequencies fit a language clearly better
    (Hebrew read as cp1253 is Greek letters, but not Greek letter frequencies)."""
    if not plausible:
        return None
    ranked = sorted(plausible, key=lambda c: (c.oddity, -c.coherence, c.lang == "und"))
    best = ranked[0]
    if best.lang == "und":
        return None  # the best reading is one the tagger cannot confirm
    if len(ranked) == 1:
        return best
    second = ranked[1]
    if best.oddity < second.oddity or best.coherence - second.coherence >= COHERENCE_MARGIN:
        return best
    return None


# How much better the chosen reading's letter frequencies must fit (charset-normalizer's
# coherence, 0..1) when two readings both look like text; real text scores 0.3-0.9, a wrong
# code page of the same script under 0.3.
COHERENCE_MARGIN = 0.2
# charset-normalizer's mess ratio: real text in its own encoding is 0.0-0.05.
MAX_MESS = 0.1
# Texts longer than this are judged on a sample: the lines with non-ASCII letters come first.
SAMPLE_CHARS = 16_000


def _rank(c: Candidate) -> tuple:
    return (
        c.broken,
        len(c.flaws),
        c.oddity,
        c.lang == "und",
        -c.coherence,
        -c.confidence,
        CANDIDATES.index(c.encoding) if c.encoding in CANDIDATES else len(CANDIDATES),
    )


_FORMAT_CHARS = dict.fromkeys(map(ord, "\u200c\u200d\u200e\u200f"))


def sample(text: str) -> str:
    """At most SAMPLE_CHARS of `text` to judge, preferring the lines where encodings differ."""
    if len(text) <= SAMPLE_CHARS:
        return text
    lines = [ln for ln in text.splitlines() if not ln.isascii()] or text.splitlines()
    out, size = [], 0
    for ln in lines:
        if size >= SAMPLE_CHARS:
            break
        out.append(ln[:SAMPLE_CHARS])
        size += len(out[-1]) + 1
    return "\n".join(out)


def assess(c: Candidate) -> None:
    """Fill in the candidate's script, tag and flaws (empty flaws: plausible). The cheap checks
    run first; the tagger and the frequency fit only for a text that passed them."""
    from charset_normalizer.cd import coherence_ratio
    from charset_normalizer.md import mess_ratio

    from seedkeeper.lang import detect_language
    from seedkeeper.lang.scripts import profile

    text = sample(c.text)
    prof = profile(text)
    c.script = group(prof.dominant)
    if not prof.letters:
        c.flaws.append("no letters")
        return
    flaws, c.oddity = character_flaws(text, prof, c.script)
    c.broken = any(is_odd_char(ch) for ch in prof.chars)
    c.flaws.extend(flaws)
    if c.flaws:
        return
    # ZWNJ, ZWJ, LRM and RLM are ordinary in Persian, Arabic, Hebrew and Indic text, but count as
    # chaos for charset-normalizer (a ZWNJ-rich Persian text scores 0.15-0.3).
    mess = mess_ratio(text.translate(_FORMAT_CHARS), 1.0)
    if mess > MAX_MESS:
        c.flaws.append(f"looks like mojibake (mess ratio {mess:.2f})")
        return
    result = detect_language(text)
    lang = result.lang
    if lang == "und":
        # The tagger abstains between close neighbours (hr/bs/sr-Latn, ms/id): its best candidate
        # written in this script still says which alphabet the reading must fit.
        named = [x for x in result.candidate_langs() if x != "und" and c.script in scripts_of(x)]
        lang = named[0] if named else "und"
    c.lang, c.confidence = lang, result.confidence
    result = replace(result, lang=lang)
    if result.lang != "und" and c.script not in scripts_of(result.lang):
        c.flaws.append(f"tagged {result.lang}, which is not written in {c.script}")
    else:
        stray, count = stray_letters(prof.chars, result.lang) if result.lang != "und" else ("", 0)
        # A name from another language ("Bokmål" in Basque) is one stray letter, not a flaw; the
        # letters a language does not write even in loanwords ("è" in Slovenian) weigh as oddities.
        if count > max(1, 0.005 * prof.letters):
            c.flaws.append(f"letters {result.lang} does not write: {stray}")
            return
        c.oddity += stray_letters(prof.chars, c.lang, strict=True)[1] if c.lang != "und" else 0
        fits = coherence_ratio(text)
        c.coherence = fits[0][1] if fits else 0.0
