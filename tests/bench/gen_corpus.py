"""Generate a synthetic multilingual seeds folder for benchmarks.

Documents of 2-5 KB are assembled from our own paragraphs in several scripts, with random word
substitutions so that no two are alike, and 2% near copies (a few words changed, a line added).
Deterministic for a given seed.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

PARAGRAPHS = {
    "en": [
        "The city council met on Tuesday evening to discuss the new budget for public libraries and parks.",
        "Farmers in the northern valley reported a late harvest after weeks of unusually heavy rain.",
        "A small museum near the harbour reopened its doors with an exhibition about old fishing boats.",
        "Teachers asked for more time to prepare students before the national examinations in spring.",
        "The railway company promised that the repaired bridge would carry trains again by the end of the month.",
    ],
    "fa": [
        "شورای شهر روز سه‌شنبه برای بررسی بودجه تازه کتابخانه‌ها و پارک‌های عمومی تشکیل جلسه داد.",
        "کشاورزان دره شمالی پس از هفته‌ها باران شدید از برداشت دیرهنگام محصول خبر دادند.",
        "موزه کوچکی در نزدیکی بندر با نمایشگاهی درباره قایق‌های قدیمی ماهیگیری دوباره گشایش یافت.",
        "معلمان برای آماده کردن دانش‌آموزان پیش از امتحانات سراسری بهار وقت بیشتری خواستند.",
        "شرکت راه‌آهن وعده داد که پل تعمیرشده تا پایان ماه دوباره قطارها را عبور دهد.",
    ],
    "ar": [
        "اجتمع مجلس المدينة مساء الثلاثاء لمناقشة الميزانية الجديدة للمكتبات العامة والحدائق.",
        "أفاد المزارعون في الوادي الشمالي بتأخر الحصاد بعد أسابيع من الأمطار الغزيرة غير المعتادة.",
        "أعاد متحف صغير قرب الميناء فتح أبوابه بمعرض عن قوارب الصيد القديمة.",
        "طلب المعلمون مزيدا من الوقت لإعداد الطلاب قبل الامتحانات الوطنية في الربيع.",
        "وعدت شركة السكك الحديدية بأن يعود الجسر المرمم لنقل القطارات بحلول نهاية الشهر.",
    ],
    "zh-Hans": [
        "市议会星期二晚上开会，讨论公共图书馆和公园的新预算。",
        "北部山谷的农民说，经过几个星期异常的大雨，今年的收成推迟了。",
        "港口附近的一家小博物馆重新开放，举办了一个关于旧渔船的展览。",
        "老师们希望在春季全国考试之前有更多时间帮助学生做准备。",
        "铁路公司承诺，修好的大桥将在月底以前重新通行火车。",
    ],
    "ru": [
        "Городской совет собрался во вторник вечером, чтобы обсудить новый бюджет библиотек и парков.",
        "Фермеры северной долины сообщили о позднем урожае после нескольких недель сильных дождей.",
        "Небольшой музей у гавани снова открылся выставкой о старых рыболовных лодках.",
        "Учителя попросили больше времени, чтобы подготовить учеников к весенним экзаменам.",
        "Железнодорожная компания пообещала, что отремонтированный мост снова примет поезда к концу месяца.",
    ],
    "hi": [
        "नगर परिषद ने मंगलवार शाम को सार्वजनिक पुस्तकालयों और पार्कों के नए बजट पर चर्चा की।",
        "उत्तरी घाटी के किसानों ने हफ्तों की असामान्य भारी बारिश के बाद देर से फसल की सूचना दी।",
        "बंदरगाह के पास एक छोटा संग्रहालय पुरानी मछली पकड़ने वाली नावों की प्रदर्शनी के साथ फिर से खुला।",
        "शिक्षकों ने वसंत की राष्ट्रीय परीक्षाओं से पहले छात्रों को तैयार करने के लिए अधिक समय मांगा।",
        "रेलवे कंपनी ने वादा किया कि मरम्मत किया गया पुल महीने के अंत तक फिर से ट्रेनें ले जाएगा।",
    ],
    "es": [
        "El ayuntamiento se reunió el martes por la noche para debatir el nuevo presupuesto de bibliotecas y parques.",
        "Los agricultores del valle del norte informaron de una cosecha tardía tras semanas de lluvias intensas.",
        "Un pequeño museo cerca del puerto reabrió sus puertas con una exposición sobre viejos barcos de pesca.",
        "Los profesores pidieron más tiempo para preparar a los alumnos antes de los exámenes nacionales de primavera.",
        "La compañía ferroviaria prometió que el puente reparado volvería a llevar trenes a final de mes.",
    ],
    "de": [
        "Der Stadtrat traf sich am Dienstagabend, um über den neuen Haushalt für Bibliotheken und Parks zu beraten.",
        "Die Bauern im nördlichen Tal meldeten nach wochenlangem, ungewöhnlich starkem Regen eine späte Ernte.",
        "Ein kleines Museum am Hafen öffnete wieder mit einer Ausstellung über alte Fischerboote.",
        "Die Lehrer baten um mehr Zeit, um die Schüler auf die nationalen Prüfungen im Frühling vorzubereiten.",
        "Die Bahngesellschaft versprach, dass die reparierte Brücke bis Monatsende wieder Züge tragen werde.",
    ],
}


def _vocab(lang: str) -> list[str]:
    words = []
    for p in PARAGRAPHS[lang]:
        words += list(p) if lang.startswith("zh") else p.split()
    return words


def make_document(rng: random.Random, lang: str, size: int) -> str:
    """A document of about `size` bytes: shuffled paragraphs with ~1 in 4 tokens replaced."""
    paras = PARAGRAPHS[lang]
    vocab = _vocab(lang)
    out, total = [], 0
    while total < size:
        p = rng.choice(paras)
        tokens = list(p) if lang.startswith("zh") else p.split()
        tokens = [rng.choice(vocab) if rng.random() < 0.25 else t for t in tokens]
        tokens.append(str(rng.randrange(10**6)))
        line = ("" if lang.startswith("zh") else " ").join(tokens)
        out.append(line)
        total += len(line.encode("utf-8")) + 1
    return "\n".join(out) + "\n"


def near_copy(rng: random.Random, text: str) -> str:
    """A few words changed and a header line added: a near duplicate (Jaccard well over 0.8)."""
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    words = lines[i].split(" ")
    words[rng.randrange(len(words))] = "CHANGED"
    lines[i] = " ".join(words)
    return "Reposted from the archive\n" + "\n".join(lines)


def generate(folder: Path, n: int, seed: int = 7, near_share: float = 0.02) -> list[str]:
    """Write n documents and an INDEX.md listing them; return the file names."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    langs = sorted(PARAGRAPHS)
    names, texts = [], []
    for i in range(n):
        if texts and rng.random() < near_share:
            text = near_copy(rng, rng.choice(texts[-200:]))
        else:
            text = make_document(rng, langs[i % len(langs)], rng.randrange(2000, 5000))
        data = text.encode("utf-8")
        name = f"{i:06d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
        (folder / name).write_bytes(data)
        names.append(name)
        texts.append(text)
    (folder / "INDEX.md").write_text("# Bench corpus\n\n" + "".join(f"- {n}\n" for n in names), encoding="utf-8")
    return names
