"""Our own multilingual text for the dedup tests and benchmark, and the variants built from it.

Each language has six paragraphs. Document A is paragraphs 1-4; its copies (exact, normalized,
near) must be found. The hard negatives must not be: H shares half of A's text (paragraphs 1-2
with 6), O shares one paragraph with H (5-6; neither is contained in the other), and
translations of A into related languages or scripts.
"""

from __future__ import annotations

import unicodedata

FA = [
    "کتابخانه‌های عمومی در شهرهای کوچک ایران نقش مهمی در زندگی فرهنگی مردم دارند. در سال ۱۳۹۸ "
    "بیش از ۳۲۰۰ کتابخانه در سراسر کشور فعال بود و بسیاری از آن‌ها برنامه‌های ویژه‌ای برای کودکان "
    "و نوجوانان برگزار می‌کردند. مدیران این کتابخانه‌ها می‌گویند که مراجعه‌کنندگان جوان بیشتر به "
    "رمان‌های ترجمه‌شده و کتاب‌های علمی علاقه نشان می‌دهند.",
    "یکی از مشکلات اصلی این مراکز کمبود بودجه است. بسیاری از کتابخانه‌ها نمی‌توانند کتاب‌های تازه "
    "بخرند یا ساختمان‌های قدیمی خود را تعمیر کنند. برخی از شهرداری‌ها با کمک خیریه‌های محلی تلاش "
    "کرده‌اند این کمبود را جبران کنند، اما هنوز راه درازی در پیش است؛ آیا دولت کمک خواهد کرد؟",
    "فناوری‌های تازه نیز شکل کار کتابخانه‌ها را تغییر داده است. اکنون در بیشتر شهرها می‌توان فهرست "
    "کتاب‌ها را از طریق اینترنت جست‌وجو کرد و برخی کتابخانه‌ها دسترسی رایگان به WiFi و پایگاه‌های "
    "داده‌ی علمی مانند JSTOR فراهم می‌کنند. کتابداران باور دارند که این خدمات جوانان را دوباره به "
    "کتابخانه می‌کشاند.",
    "در گفت‌وگو با کتابدار کتابخانهٔ مرکزی شهر، او از روزهایی گفت که صف مراجعه‌کنندگان تا خیابان "
    "می‌رسید. به گفتهٔ او، در دهه‌ی ۱۳۷۰ کتاب تنها سرگرمی بسیاری از خانواده‌ها بود و امروز باید با "
    "تلفن همراه و شبکه‌های اجتماعی رقابت کرد. با این حال او امیدوار است که عادت کتاب‌خواندن از میان "
    "نرود.",
    "باغ‌های انار در حاشیهٔ کویر، هر پاییز میزبان هزاران گردشگر است. کشاورزان میوه را با دست "
    "می‌چینند و در جعبه‌های چوبی به بازارهای نزدیک می‌فرستند. جشنوارهٔ انار که از سال ۱۳۸۵ برگزار "
    "می‌شود، فرصتی است تا خانواده‌ها محصولات خود مانند رب، لواشک و آب‌انار را بفروشند.",
    "اما خشکسالی‌های پیاپی آیندهٔ این باغ‌ها را تهدید می‌کند. سطح آب‌های زیرزمینی هر سال پایین‌تر "
    "می‌رود و چاه‌های قدیمی یکی پس از دیگری خشک می‌شوند. کارشناسان کشاورزی پیشنهاد می‌کنند که "
    "روش‌های آبیاری قطره‌ای جایگزین آبیاری سنتی شود تا مصرف آب دست‌کم به نصف کاهش یابد.",
]

# Arabic translation of FA[0:4]: a related language in the same script, sharing many words.
FA_AR = (
    "تلعب المكتبات العامة في المدن الصغيرة في إيران دورًا مهمًا في الحياة الثقافية للناس. في عام "
    "١٣٩٨ كانت أكثر من ٣٢٠٠ مكتبة نشطة في جميع أنحاء البلاد، وكان كثير منها ينظم برامج خاصة للأطفال "
    "والمراهقين. ويقول مديرو هذه المكتبات إن الزوار الشباب يهتمون أكثر بالروايات المترجمة والكتب "
    "العلمية.\n"
    "إحدى المشكلات الرئيسية لهذه المراكز هي نقص الميزانية. لا تستطيع مكتبات كثيرة شراء كتب جديدة أو "
    "ترميم مبانيها القديمة. وقد حاولت بعض البلديات بمساعدة الجمعيات الخيرية المحلية تعويض هذا النقص، "
    "لكن الطريق لا يزال طويلًا؛ فهل ستساعد الحكومة؟\n"
    "كما غيّرت التقنيات الجديدة طريقة عمل المكتبات. يمكن الآن في معظم المدن البحث في فهرس الكتب عبر "
    "الإنترنت، وتوفر بعض المكتبات وصولًا مجانيًا إلى WiFi وقواعد البيانات العلمية مثل JSTOR. ويعتقد "
    "أمناء المكتبات أن هذه الخدمات تعيد الشباب إلى المكتبة.\n"
    "في حديث مع أمين المكتبة المركزية في المدينة، تحدث عن أيام كانت فيها طوابير الزوار تمتد حتى "
    "الشارع. وبحسب قوله، كان الكتاب في السبعينيات التسلية الوحيدة لكثير من العائلات، واليوم يجب "
    "منافسة الهواتف المحمولة ووسائل التواصل الاجتماعي. ومع ذلك فهو يأمل ألا تختفي عادة القراءة.\n"
)

ZH = [
    "每年春天，杭州（Hángzhōu）西湖边的茶园都会迎来采茶的季节。茶农们天不亮就上山，趁着露水未干把"
    "最嫩的芽叶摘下来。据当地茶叶协会（Tea Association）统计，2019年全市共有大约一万二千户茶农，"
    "其中一半以上是六十岁以上的老人。",
    "年轻人大多去了城市工作，愿意留在村里种茶的人越来越少。一些村子开始尝试新的办法，比如通过直播"
    "平台直接向顾客卖茶，或者和大学合作培训新一代的制茶师傅。村干部说：“只要收入提高了，年轻人自然"
    "会回来。”",
    "炒茶是整个过程中最讲究的一步。师傅要用手在滚烫的铁锅里不停地翻动茶叶，温度太高茶叶会焦，太低又"
    "炒不出香味。一位做了四十年茶的老师傅告诉记者，好茶靠的是经验，机器再先进也代替不了人的手感。",
    "近年来，龙井茶的名气越来越大，价格也水涨船高。最好的明前茶每斤可以卖到几千元，但市场上也出现了"
    "不少冒充的产品。为此，政府推出了带有二维码（QR）的防伪标签，消费者用手机一扫就能查到茶叶的产地"
    "和采摘日期、批次编号。",
    "北京（Běijīng）的胡同里藏着许多老字号小吃店。清晨六点，豆汁店门口已经排起了长队，老顾客们一边"
    "喝着热豆汁，一边聊着家常。店主说，这家店从他爷爷那一辈开始经营，到现在已经有将近一百年的历史了。",
    "随着城市改造的推进，不少胡同被拆除，老店也面临搬迁的压力。有的店主选择搬进商场，有的干脆关门。"
    "文化学者认为，胡同小吃不仅是一种食物，更是一种生活方式，应该想办法把它们保存下来，而不是只留在"
    "人们的记忆里。",
]

# The same text in Traditional characters: a related script sharing most characters.
ZH_HANT = (
    "每年春天，杭州（Hángzhōu）西湖邊的茶園都會迎來採茶的季節。茶農們天不亮就上山，趁著露水未乾把"
    "最嫩的芽葉摘下來。據當地茶葉協會（Tea Association）統計，2019年全市共有大約一萬二千戶茶農，"
    "其中一半以上是六十歲以上的老人。\n"
    "年輕人大多去了城市工作，願意留在村裡種茶的人越來越少。一些村子開始嘗試新的辦法，比如通過直播"
    "平台直接向顧客賣茶，或者和大學合作培訓新一代的製茶師傅。村幹部說：「只要收入提高了，年輕人自然"
    "會回來。」\n"
    "炒茶是整個過程中最講究的一步。師傅要用手在滾燙的鐵鍋裡不停地翻動茶葉，溫度太高茶葉會焦，太低又"
    "炒不出香味。一位做了四十年茶的老師傅告訴記者，好茶靠的是經驗，機器再先進也代替不了人的手感。\n"
    "近年來，龍井茶的名氣越來越大，價格也水漲船高。最好的明前茶每斤可以賣到幾千元，但市場上也出現了"
    "不少冒充的產品。為此，政府推出了帶有二維碼（QR）的防偽標籤，消費者用手機一掃就能查到茶葉的產地"
    "和採摘日期、批次編號。\n"
)

# Japanese translation of ZH[0:2]: shares kanji with the Chinese.
ZH_JA = (
    "毎年春になると、杭州（Hángzhōu）の西湖のほとりにある茶畑では茶摘みの季節を迎える。茶農家たちは"
    "夜明け前に山へ登り、露が乾かないうちに一番柔らかい芽を摘み取る。地元の茶業協会によると、"
    "2019年には市内に約一万二千戸の茶農家があり、その半分以上が六十歳を超える高齢者だった。\n"
    "若者の多くは都会へ働きに出てしまい、村に残って茶を育てようとする人はますます少なくなっている。"
    "いくつかの村では、ライブ配信で客に直接お茶を売ったり、大学と協力して新しい世代の職人を育てたり"
    "する新しい方法を試し始めた。村の幹部は「収入さえ上がれば、若者は自然に戻ってくる」と話す。\n"
)

EN = [
    "The old lighthouse on the northern cape was built in 1874 and guided fishing boats through the "
    "narrow channel for more than a century. Its keeper lived in a small stone cottage beside the "
    "tower, climbing the spiral stairs every evening to light the lamp and every morning to clean "
    "the soot from the glass.",
    "When the light was automated in 1982, the last keeper, a quiet man named Thomas Hale, refused "
    "to leave the cape. He spent his remaining years repairing the cottage, recording the weather in "
    "careful notebooks, and showing curious visitors the brass instruments he had polished for decades.",
    "Today the lighthouse belongs to a local trust that raises money through guided tours, a small "
    "museum, and a café in the former boat shed. Volunteers say that school groups are the most "
    "enthusiastic visitors; children want to know how a single lamp could be seen from twenty miles away.",
    "The trust now faces its greatest challenge yet. Winter storms have eaten away at the cliff, and "
    "engineers warn that the tower could be undermined within fifty years unless the foundations are "
    "reinforced. A public appeal launched last spring has raised about half of the £2.4 million needed.",
    "In the valley below the mountains, a cooperative of beekeepers produces honey from heather, "
    "clover and wild thyme. Each hive is moved several times a season so that the bees can follow the "
    "flowering plants up the slopes, a practice that local families have followed for generations.",
    "Recent years have been difficult for the cooperative. A wet spring in 2021 kept the bees inside "
    "for weeks, and a parasite that arrived from the south destroyed nearly a third of the colonies. "
    "The members responded by sharing equipment, breeding more resistant queens, and selling candles "
    "made from surplus wax.",
]

# Dutch translation of EN[0:4] (a related Germanic language).
EN_NL = (
    "De oude vuurtoren op de noordelijke kaap werd gebouwd in 1874 en leidde meer dan een eeuw lang "
    "vissersboten door het smalle kanaal. De wachter woonde in een klein stenen huisje naast de toren "
    "en klom elke avond de wenteltrap op om de lamp aan te steken en elke ochtend om het roet van het "
    "glas te poetsen.\n"
    "Toen het licht in 1982 werd geautomatiseerd, weigerde de laatste wachter, een stille man die "
    "Thomas Hale heette, de kaap te verlaten. Hij bracht zijn laatste jaren door met het herstellen van "
    "het huisje, het nauwkeurig bijhouden van het weer in schriften en het tonen van de koperen "
    "instrumenten die hij tientallen jaren had gepoetst aan nieuwsgierige bezoekers.\n"
    "Vandaag is de vuurtoren eigendom van een plaatselijke stichting die geld inzamelt met "
    "rondleidingen, een klein museum en een café in de voormalige botenloods. Vrijwilligers zeggen dat "
    "schoolgroepen de meest enthousiaste bezoekers zijn; kinderen willen weten hoe één enkele lamp van "
    "twintig mijl ver te zien was.\n"
    "De stichting staat nu voor haar grootste uitdaging. Winterstormen hebben de klif aangevreten en "
    "ingenieurs waarschuwen dat de toren binnen vijftig jaar kan worden ondermijnd als de fundering "
    "niet wordt versterkt. Een publieke oproep van vorig voorjaar heeft ongeveer de helft van de "
    "benodigde 2,4 miljoen pond opgehaald.\n"
)

# Spanish and Portuguese translations of EN[0:2]: two closely related languages side by side.
EN_ES = (
    "El viejo faro del cabo norte fue construido en 1874 y guió a los barcos de pesca por el estrecho "
    "canal durante más de un siglo. Su guardián vivía en una pequeña casa de piedra junto a la torre, y "
    "subía la escalera de caracol cada tarde para encender la lámpara y cada mañana para limpiar el "
    "hollín del cristal.\n"
    "Cuando la luz fue automatizada en 1982, el último guardián, un hombre callado llamado Thomas Hale, "
    "se negó a abandonar el cabo. Pasó sus últimos años reparando la casa, anotando el tiempo en "
    "cuadernos cuidadosos y mostrando a los visitantes curiosos los instrumentos de latón que había "
    "pulido durante décadas.\n"
)
EN_PT = (
    "O velho farol do cabo norte foi construído em 1874 e guiou os barcos de pesca pelo estreito canal "
    "durante mais de um século. O seu faroleiro vivia numa pequena casa de pedra junto à torre, e subia "
    "a escada em caracol todas as tardes para acender a lâmpada e todas as manhãs para limpar a "
    "fuligem do vidro.\n"
    "Quando a luz foi automatizada em 1982, o último faroleiro, um homem calado chamado Thomas Hale, "
    "recusou-se a abandonar o cabo. Passou os seus últimos anos a reparar a casa, a registar o tempo em "
    "cadernos cuidadosos e a mostrar aos visitantes curiosos os instrumentos de latão que tinha polido "
    "durante décadas.\n"
)

PARAGRAPHS = {"fa": FA, "zh": ZH, "en": EN}
TRANSLATIONS = {
    "fa": {"ar": FA_AR},
    "zh": {"hant": ZH_HANT, "ja": ZH_JA},
    "en": {"nl": EN_NL, "es": EN_ES, "pt": EN_PT},
}

# Per language: (header line, footer line, word replacements for "a few words changed").
NEAR_EDITS = {
    "fa": (
        "منبع: نسخهٔ بایگانی روزنامهٔ محلی، شمارهٔ ۴۵۲",
        "بازنشر این گزارش تنها با ذکر منبع مجاز است.",
        [("مهمی", "بزرگی"), ("کمبود بودجه", "نبود پول"), ("باور دارند", "فکر می‌کنند"), ("امیدوار", "خوش‌بین")],
    ),
    "zh": (
        "来源：本地晚报档案，第452期",
        "本文转载须注明出处。",
        [("茶园", "茶山"), ("越来越少", "日渐减少"), ("讲究", "关键"), ("名气", "名声")],
    ),
    "en": (
        "Source: archive copy of the county gazette, issue 452",
        "Reprinted with permission. All rights reserved.",
        [("narrow", "rocky"), ("quiet", "gentle"), ("enthusiastic", "eager"), ("greatest", "biggest")],
    ),
}


def doc(lang: str, parts: list[int]) -> str:
    """Paragraphs of one language (by index) joined as a document, ending with a newline."""
    return "\n".join(PARAGRAPHS[lang][i] for i in parts) + "\n"


def _wrap_spaces(text: str) -> str:
    """Change white space only: doubled spaces, tabs, trailing blanks, a blank first line."""
    words = text.split(" ")
    out = []
    for n, w in enumerate(words):
        out.append(w)
        if n < len(words) - 1:
            out.append("  " if n % 5 == 0 else "\t" if n % 7 == 0 else " ")
    return "\n \n" + "".join(out).replace("\n", "   \n")


def _wrap_cjk(text: str, width: int = 23) -> str:
    """Hard-wrap lines about every `width` characters, as Chinese text copied from a PDF often
    is (never inside a Latin word), and put spaces around Latin words and numbers."""
    out, col = [], 0
    for n, ch in enumerate(text):
        out.append(ch)
        col = 0 if ch == "\n" else col + 1
        nxt = text[n + 1] if n + 1 < len(text) else ""
        if col >= width and ch > "\u2e80" and nxt > "\u2e80":
            out.append("\n")
            col = 0
    return "".join(out).replace("2019", " 2019 ").replace("QR", " QR ")


_PUNCT = {
    "fa": [("،", ","), ("؛", ";"), ("؟", "?"), (".", " . ")],
    "zh": [("，", ","), ("。", "."), ("（", "("), ("）", ")"), ("：", ":"), ("“", '"'), ("”", '"'), ("、", "")],
    "en": [(",", ""), (";", " -"), (".", "!")],
}

_FORMAT = {
    # Persian copies typed on a keyboard without the zero-width non-joiner, a space in its
    # place (می‌روم -> می روم), and an RLM after a number.
    "fa": [("\u200c", " "), ("۱۳۹۸", "۱۳۹۸\u200f")],
    # Zero-width space/joiner and LRM sprinkled in, as copied web text often carries.
    "zh": [("茶", "\u200b茶"), ("年", "年\u200d"), ("2019", "\u200e2019\u200e")],
    # Soft hyphens inside long words (from hyphenated layouts) and RLM/ZWJ noise.
    "en": [
        ("lighthouse", "light\u00adhouse"),
        ("automated", "auto\u00admated"),
        ("keeper", "keep\u200der"),
        ("1982", "\u200f1982"),
    ],
}

_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"


def _arabic_letters(text: str) -> str:
    """Arabic yeh/kaf, tatweel and harakat in a Persian text: how Arabic keyboards type it."""
    text = text.replace("ی", "ي").replace("ک", "ك")
    text = text.replace("کتابخانه", "کتـــابخانه").replace("كتابخانه", "كتـــابخانه")
    return text.replace("مهمی", "مُهِمّي").replace("فرهنگی", "فَرهَنگي").replace("شهر", "شَهر")


def _digits(lang: str, text: str) -> str:
    if lang == "fa":  # Persian digits -> ASCII digits
        return text.translate({ord(d): str(i) for i, d in enumerate(_PERSIAN_DIGITS)})
    # ASCII digits -> Persian (for English) or full-width (for Chinese) digits
    target = "０１２３４５６７８９" if lang == "zh" else _PERSIAN_DIGITS
    return text.translate({ord(str(i)): target[i] for i in range(10)})


def _replace_all(text: str, pairs: list[tuple[str, str]]) -> str:
    for a, b in pairs:
        text = text.replace(a, b)
    return text


def variants(lang: str) -> tuple[str, dict[str, tuple[str, bytes]], dict[str, bytes]]:
    """Document A of `lang`, its copies {name: (kind, bytes)}, and hard negatives {name: bytes}.

    Every copy differs from A's bytes (asserted by the tests), each in one way only.
    """
    a = doc(lang, [0, 1, 2, 3])
    enc = a.encode("utf-8")
    header, footer, words = NEAR_EDITS[lang]
    copies: dict[str, tuple[str, bytes]] = {
        "exact": ("exact", enc),
        "whitespace": ("normalized", (_wrap_cjk(a) if lang == "zh" else _wrap_spaces(a)).encode()),
        "crlf": ("normalized", a.replace("\n", "\r\n").encode()),
        "bom": ("normalized", b"\xef\xbb\xbf" + enc),
        "nfd": ("normalized", unicodedata.normalize("NFD", a).encode()),
        "case": ("normalized", a.upper().encode()),
        "punct": ("normalized", _replace_all(a, _PUNCT[lang]).encode()),
        "format": ("normalized", _replace_all(a, _FORMAT[lang]).encode()),
        "digits": ("normalized", _digits(lang, a).encode()),
        "header": ("near", f"{header}\n\n{a}".encode()),
        "footer": ("near", f"{a}\n{footer}\n".encode()),
        "words": ("near", _replace_all(a, words).encode()),
        "cut": ("near", a[: int(len(a) * 0.96)].encode()),
    }
    if lang == "fa":
        copies["arabic_letters"] = ("normalized", _arabic_letters(a).encode())
    negatives = {"half": doc(lang, [0, 1, 5]).encode(), "other": doc(lang, [4, 5]).encode()}
    for tl, text in TRANSLATIONS[lang].items():
        negatives[f"translation_{tl}"] = text.encode()
    return a, copies, negatives


def corpus(lang: str) -> tuple[list[tuple[str, bytes]], dict[str, str]]:
    """(file, bytes) in INDEX order for one language, and the expected {duplicate: kind}.

    A comes first, so it is the one kept; the negatives are interleaved with the copies.
    """
    a, copies, negatives = variants(lang)
    docs = [(f"{lang}/000_a.txt", a.encode())]
    expected = {}
    neg = list(negatives.items())
    for n, (name, (kind, data)) in enumerate(copies.items(), 1):
        docs.append((f"{lang}/{n:03d}_{name}.txt", data))
        expected[f"{lang}/{n:03d}_{name}.txt"] = kind
        if neg:
            nname, ndata = neg.pop(0)
            docs.append((f"{lang}/{100 + n:03d}_{nname}.txt", ndata))
    return docs, expected
