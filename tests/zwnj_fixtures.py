"""Texts written for the zero-width non-joiner (ZWNJ, U+200C) tests, in the spelling with ZWNJ.

In Persian and Urdu a ZWNJ separates the parts of a word ("می‌خواهم", "کتاب‌ها", "خوب‌صورت");
people whose keyboard lacks it type a space there instead. `spaced()` gives that second spelling.
In Hindi a ZWNJ after a virama only asks for the visible virama instead of a conjunct
("पुस्‌तक" shows as "पुस्तक" without the ligature): the same word, never two.

Each text is long enough (over 50 distinct word 3-shingles) to be compared as a near or
contained duplicate.
"""

from __future__ import annotations

ZWNJ = "\u200c"

# Persian, with ZWNJ as it is meant to be typed; one line has two (هم‌کلاسی‌هایم).
FA_ZWNJ = (
    "من می‌خواهم امروز بعد از کلاس به کتاب‌خانهٔ محله بروم و چند کتاب تازه بگیرم.\n"
    "کتاب‌های این کتاب‌خانه همیشه تمیز و مرتب‌اند و قفسه‌ها را هر هفته گردگیری می‌کنند.\n"
    "کتابدارها مهربان‌اند و به بچه‌ها کمک می‌کنند تا کتاب‌های مناسب سن خودشان را پیدا کنند.\n"
    "ما عصرها آن‌جا می‌نشینیم، روزنامه‌ها را ورق می‌زنیم و درباره‌ی خبرهای تازه حرف می‌زنیم.\n"
    "خواهرم می‌گوید که سالن مطالعه‌ی طبقه‌ی دوم آرام‌ترین جای شهر است.\n"
    "شاید فردا با هم‌کلاسی‌هایم به آن‌جا برگردیم تا درس‌های هفته‌ی بعد را با هم مرور کنیم.\n"
    "پدربزرگم هم گاهی می‌آید و کتاب‌های شعر قدیمی را از قفسه‌ی پایینی برمی‌دارد.\n"
    "او می‌گوید که در جوانی هر شب زیر نور چراغ نفتی غزل‌های حافظ را می‌خواند.\n"
)

# More of the same Persian story: FA_ZWNJ + FA_MORE is a longer document that holds FA_ZWNJ.
FA_MORE = (
    "سال گذشته شهرداری ساختمان کتاب‌خانه را تعمیر کرد و پنجره‌های کهنه را با پنجره‌های تازه عوض کرد.\n"
    "حالا در زمستان سالن‌ها گرم‌اند و بچه‌ها تا دیروقت همان‌جا می‌مانند و تکلیف‌هایشان را می‌نویسند.\n"
    "کتابدار پیر می‌گوید که هیچ‌وقت این‌همه آدم را در کتاب‌خانه ندیده بود و از این بابت خوش‌حال است.\n"
    "او امیدوار است که سال‌های آینده هم کتاب‌خانه‌های کوچک شهر پر از خواننده‌های جوان باشند.\n"
)

# Urdu: ZWNJ inside compounds (کتاب‌خانہ, خوش‌اخلاق, ذمہ‌داری, خوب‌صورت).
UR_ZWNJ = (
    "ہمارے شہر کا کتاب‌خانہ ہر صبح نو بجے کھلتا ہے اور شام تک طلبہ سے بھرا رہتا ہے۔\n"
    "یہاں کی لائبریرین بہت خوش‌اخلاق ہیں اور ہر ایک کی مدد کرنا اپنی ذمہ‌داری سمجھتی ہیں۔\n"
    "بچوں کے لیے ایک خوب‌صورت کمرہ ہے جس میں رنگین تصویروں والی کہانیاں رکھی گئی ہیں۔\n"
    "بزرگ لوگ اخبار پڑھنے آتے ہیں اور چائے پر ملکی سیاست کے بارے میں گفتگو کرتے ہیں۔\n"
    "پچھلے سال محلے‌والوں نے مل کر نئی کتابیں خریدنے کے لیے چندہ جمع کیا تھا۔\n"
)

# Hindi without ZWNJ; HI_ZWNJ asks for a visible virama in three words.
HI = (
    "हमारे मोहल्ले का पुस्तकालय हर सुबह नौ बजे खुलता है और शाम तक विद्यार्थियों से भरा रहता है।\n"
    "वहाँ की पुस्तकालयाध्यक्ष बहुत विनम्र हैं और हर किसी की मदद करना अपना कर्तव्य समझती हैं।\n"
    "बच्चों के लिए एक सुंदर कमरा है जिसमें रंगीन चित्रों वाली कहानियाँ रखी गई हैं।\n"
    "बुज़ुर्ग लोग अख़बार पढ़ने आते हैं और चाय पर देश की राजनीति के बारे में बातें करते हैं।\n"
)
HI_ZWNJ = HI.replace("पुस्तक", "पुस्‌तक").replace("विद्या", "विद्‌या").replace("बच्चों", "बच्‌चों")


def spaced(text: str) -> str:
    """The same text typed on a keyboard without ZWNJ: a space in its place."""
    return text.replace(ZWNJ, " ")
