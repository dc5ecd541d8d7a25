"""Small clean multilingual texts, written for these tests, that other tests may reuse.

Every paragraph is NFC, LF-only, UTF-8 without a BOM, has no control or bidi-control characters,
and is longer than 60 characters, so `validate` must find nothing wrong with any of them. The
Persian, Arabic, Hebrew and Hindi ones deliberately carry the format characters those scripts
need (ZWNJ U+200C, ZWJ U+200D, LRM U+200E, RLM U+200F): these are ordinary text.
"""

from __future__ import annotations

ZWNJ = "\u200c"
ZWJ = "\u200d"
LRM = "\u200e"
RLM = "\u200f"

CLEAN: dict[str, str] = {
    "en": (
        "The library opens at nine every morning, and the reading room stays quiet until noon.\n"
        "Volunteers sort the donated books by subject before the first visitors arrive.\n"
    ),
    "fr": (
        "L'été dernier, nous sommes allés à la montagne où l'on a découvert des forêts élégantes.\n"
        "Le garçon a goûté une crème brûlée près du théâtre, à côté de l'hôpital.\n"
    ),
    "de": (
        "Die Mädchen überquerten die Straße und aßen danach ein großes Stück Käsekuchen.\n"
        "Über die Brücke fährt täglich ein Zug nach Köln, München und Düsseldorf.\n"
    ),
    # ZWNJ inside words (می‌خواهم, کتاب‌ها, درباره‌ی) and an RLM after the number.
    "fa": (
        f"من می{ZWNJ}خواهم امروز به کتابخانه بروم و چند کتاب تازه درباره{ZWNJ}ی تاریخ ایران بخوانم.\n"
        f"کتاب{ZWNJ}ها را سال ۱۴۰۲{RLM} به کتابخانه هدیه دادند و همه آن{ZWNJ}ها را خواندند.\n"
    ),
    # An LRM around a Latin product name inside Arabic text.
    "ar": (
        "ذهبت إلى السوق في الصباح واشتريت الخبز والحليب والفواكه الطازجة لعائلتي.\n"
        f"ثم جلسنا في المقهى وتحدثنا عن برنامج {LRM}Python{LRM} الجديد حتى المساء.\n"
    ),
    "zh": (
        "今天天气很好，我们一起去公园散步，然后在湖边的小餐馆吃了午饭。"
        "下午我们去图书馆看书，晚上回家以后大家一起包饺子，聊了很多有趣的事情。\n"
    ),
    # ZWJ in क्‍ष (explicit half form) and a nukta written as two code points (NFC keeps them).
    "hi": (
        "मैं आज बाज़ार गया और वहाँ से ताज़ी सब्ज़ियाँ और मीठे फल खरीदे।\n"
        f"मेरे दोस्त ने कहा कि क्{ZWJ}ष और त्र जैसे संयुक्त अक्षर सीखना आसान नहीं है।\n"
    ),
    "ru": (
        "Вчера мы гуляли по старому городу и долго разговаривали о литературе и музыке.\n"
        "Съешь же ещё этих мягких французских булок, да выпей чаю.\n"
    ),
    "he": (
        "אתמול הלכנו לים ושחינו במים הצלולים עד שהשמש שקעה מאחורי ההרים.\n"
        f"בערב קראנו ספר על ההיסטוריה של העיר ירושלים{RLM} ודיברנו עליו עד מאוחר.\n"
    ),
    "th": ("วันนี้อากาศดีมาก พวกเราจึงไปเดินเล่นที่สวนสาธารณะใกล้บ้านกันทั้งครอบครัว แล้วก็แวะกินก๋วยเตี๋ยวร้านโปรดก่อนกลับบ้าน\n"),
    "el": (
        "Χθες το απόγευμα περπατήσαμε στην παραλία και μιλήσαμε για τα ταξίδια μας.\n"
        "Η γιαγιά μου έφτιαξε μια υπέροχη σπανακόπιτα για όλη την οικογένεια.\n"
    ),
    "ja": (
        "昨日は友達と一緒に京都へ行き、古いお寺を見て回りました。"
        "夕方には川沿いの小さな店で抹茶を飲み、とても楽しい一日を過ごしました。\n"
    ),
    "ko": (
        "어제는 친구들과 함께 한강 공원에 가서 자전거를 타고 맛있는 치킨을 먹었습니다. "
        "저녁에는 도서관에 들러 새로 나온 소설책을 두 권 빌렸습니다.\n"
    ),
    "tr": (
        "Dün akşam İstanbul'da Boğaz kıyısında yürüdük ve çay içip simit yedik.\n"
        "Öğretmenimiz ağaçların, çiçeklerin ve kuşların adlarını öğretti.\n"
    ),
}

# The ones the brief singles out: must produce no problem at all.
PERSIAN_ZWNJ_RLM = (
    f"ما دیروز به بازار رفتیم و می{ZWNJ}خواستیم چند کتاب بخریم.{RLM}\n"
    f"فروشنده گفت که کتاب{ZWNJ}های تازه هفته{ZWNJ}ی آینده می{ZWNJ}رسند.{RLM}\n"
)
HINDI_ZWJ = (
    f"हमने कल शाम को पुस्तकालय में बैठकर कहानियाँ पढ़ीं और क्{ZWJ}ष लिखना सीखा।\n"
    f"मराठी में र्{ZWJ}य जैसा आधा र भी लिखा जाता है, यह बिल्कुल सामान्य पाठ है।\n"
)


def clean(lang: str) -> str:
    """One clean paragraph (LF-terminated)."""
    return CLEAN[lang]
