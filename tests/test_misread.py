"""Another script's code page read as Windows-1252 and saved as UTF-8 (corpus/misread.py): a
`mojibake` finding that ftfy alone does not give, and a `fix --select mojibake` that reads it back."""

from __future__ import annotations

import json

import pytest

from helpers import doc_name, make_seeds
from multilingual import CLEAN
from seedkeeper.corpus import misread
from seedkeeper.corpus.content_checks import check_content, looks_mojibake
from seedkeeper.corpus.readings import known_share
from seedkeeper.corpus.repair import repair

pytestmark = pytest.mark.usefixtures("isolated_env")

# Our own texts, in the Windows code page their script had, opened as cp1252 and saved.
PAGES = {"ar": "cp1256", "ru": "cp1251", "el": "cp1253", "he": "cp1255", "th": "cp874"}
UKRAINIAN = "Вчора ми довго гуляли старим містом і говорили про книжки та музику.\n"
# Legacy Persian files wrote Arabic yeh and kaf (cp1256 has no Persian ones) and no ZWNJ.
PERSIAN = "من امروز به كتابخانه مي روم و چند كتاب تازه درباره تاريخ ايران مي خوانم.\n"


def _misread(text: str, page: str) -> str:
    return text.encode(page).decode("cp1252", errors="replace")


@pytest.mark.parametrize(("lang", "page"), sorted(PAGES.items()))
def test_a_code_page_of_another_script_read_as_cp1252_is_mojibake_and_is_read_back(lang, page):
    seen = _misread(CLEAN[lang], page)
    found = {p.code: p for p in check_content("a.txt", seen.encode("utf-8"), 10).problems}
    assert "mojibake" in found, seen[:40]
    assert f"({page} read as cp1252)" in found["mojibake"].message
    fixed = repair(seen.encode("utf-8"), {"mojibake"}, None)
    assert fixed.codes == ["mojibake"] and fixed.new_text == CLEAN[lang]


def test_ukrainian_and_persian_too_and_a_lost_byte_stays_lost():
    assert repair(_misread(UKRAINIAN, "cp1251").encode(), {"mojibake"}, None).new_text == UKRAINIAN
    # cp1252 defines no byte 0x8D (cp1256's چ) nor 0x81 (پ): the reading that saved the text lost
    # them as U+FFFD, and they stay so; every other letter comes back.
    seen = _misread(PERSIAN, "cp1256")
    assert seen.count("\ufffd") == PERSIAN.count("چ") == 1
    fixed = repair(seen.encode(), {"mojibake"}, None).new_text
    assert fixed == PERSIAN.replace("چ", "\ufffd")


def test_ftfy_no_longer_garbles_persian_read_as_cp1252():
    # ftfy took "ßÔæÑ" (كشور) for UTF-8 read wrongly and made it "ßﾄ".
    seen = _misread("ايران كشوري در غرب آسيا است.\n", "cp1256")
    assert repair(seen.encode(), {"mojibake"}, None).new_text == "ايران كشوري در غرب آسيا است.\n"


@pytest.mark.parametrize(
    "text",
    [
        CLEAN["fr"],
        CLEAN["de"],
        CLEAN["tr"],
        "Ærøskøbing er en lille by på Ærø, hvor vi spiste rødgrød med fløde.\n",
        "Þú ert í Íslandi á sumrin, það er æðislegt og þér líður vel.\n",
        "Jäääär on jäätikön reuna, ja yöllä sää oli kylmä.\n",  # three accented letters in a row
        "Ça a été créé à Évora, où l'œuvre est exposée près de la cathédrale.\n",
        CLEAN["ar"],
        CLEAN["ru"],
        PERSIAN,
    ],
)
def test_good_text_is_no_misread(text):
    assert misread.first_misread(text) is None
    assert not looks_mojibake(text)


def test_utf8_read_as_cp1252_stays_ftfys_case():
    # "Москва" as UTF-8 read as Latin-1 ("Ð\x9cÐ¾Ñ..."): its bytes are UTF-8, so it is not read as
    # cp1251 ("РњРѕСЃ"); ftfy repairs it.
    seen = "Москва является столицей России.\n".encode().decode("latin-1")
    assert misread.first_misread(seen) is None
    fixed = repair(seen.encode(), {"mojibake"}, None)
    assert fixed.new_text == "Москва является столицей России.\n"


def test_an_unclear_page_is_found_but_not_guessed_and_a_named_one_reads_it(cli, tmp_path):
    # A short Cyrillic line of names reads as flawless Greek in cp1253 too, and no word list
    # knows its words: the finding names both pages, the repair leaves it (neither ftfy nor a
    # guess), and --encoding names the page.
    line = "Бибигон, Мойдодыр и Айболит.\n"
    seen = _misread(line, "cp1251")
    pages = misread.reading(seen.rstrip("\n"))
    assert pages is not None and {"cp1251", "cp1253"} <= set(pages)
    name = doc_name(0)
    root = make_seeds(tmp_path, {name: seen.encode()})
    r = cli("fix", root, "--select", "mojibake", "--format", "json")
    data = json.loads(r.stdout)
    assert r.exit_code == 1 and (root / name).read_text(encoding="utf-8") == seen
    (left,) = data["remaining"]
    assert left["code"] == "mojibake" and "which one is unclear" in left["message"] and "--encoding" in left["message"]
    r = cli("fix", root, "--select", "mojibake", "--encoding", "cp1251", "--format", "json")
    assert r.exit_code == 0, r.output
    assert (root / name).read_text(encoding="utf-8") == line


def test_a_named_page_the_text_cannot_be_in_is_not_forced():
    seen = _misread(CLEAN["el"], "cp1253")
    fixed = repair(seen.encode(), {"mojibake"}, "cp1251")
    assert fixed.new_text == CLEAN["el"]


def test_check_and_tag_see_it(cli, tmp_path):
    name = doc_name(0)
    root = make_seeds(tmp_path, {name: _misread(CLEAN["ar"], "cp1256").encode()})
    r = cli("validate", root, "--format", "json")
    (p,) = [p for p in json.loads(r.stdout)["problems"] if p["code"] == "mojibake"]
    assert p["line"] == 1 and "(cp1256 read as cp1252)" in p["message"]
    r = cli("tag", root, "--format", "json", "--explain")
    (d,) = json.loads(r.stdout)["documents"]
    assert (d["lang"], d["decided_by"]) == ("und", "not-text")


@pytest.mark.parametrize(
    "line",
    [
        "Umlaute: ÄÖÜäöüß",  # a letter list read as Greek (cp1253) was rewritten
        "Les lettres accentuées: àâäéèêëîïôöùûüÿç",
        "Majuscules: ÀÁÂÃÄÅ ÈÉÊË",
        "ÀÈÌÒÙ àèìòù",  # a list in words of five or fewer (was read as cp1251 or koi8_r)
        "ÂÊÎÔÛ âêîôû",
        "Aaaah ÖÖÖÖÖÖÖ äääääää",  # stretched letters
        "ÉÉÉÉÉÉÉÉ!!!",
        "ÉÉÉ ÀÀÀ ÈÈÈ",
        # Letters listed in both cases: "ñÑ" read as KOI8-R was "Яя", "ÅÄÖ åäö" as cp1256 Arabic,
        # "Àèìòù ÀÈÌÒÙ" as cp1251 "Аимтщ АИМТЩ".
        "Tastatur: äöüß ÄÖÜ ñÑ çÇ øØ åÅ æÆ",  # was read as KOI8-R ("ДЖЭъ джэ Яя ...")
        "ÅÄÖ åäö",  # was read as Arabic (cp1256)
        "Åå Ää Öö",
        "Accenti: Àèìòù ÀÈÌÒÙ",
        "Äöü ÄÖÜ ß",
        "Åäö ÅÄÖ",
        "Áéíóú ÁÉÍÓÚ",
        # Symbols (cp866's test): typographic rows, dividers ("•—•—•" was read as cp866 "ХЧХЧХ",
        # "·«·" as Thai, "±±±" as ISO-8859-5 "БББ").
        "©®™ — «»  ±½¼¾ ×÷ °°° µ¶·",
        "•••••••••• ——————— ………",
        "°º¤ø,¸¸,ø¤º°`°º¤ø,¸,ø¤°º¤ø,¸¸,ø¤º°`°º¤ø,¸",
        "§ 12 ¶ 3 — ¬ ¦ ¨ ª º « » ¯ ´ ¸",
        "Æsir Æðelstan Ææ Øø Åå Þþ Ðð ŒœŠšŽžŸƒ",
        "•—•—•—•—•—•—•—•—•",
        "·«· ·«· ·«· ·«·",
        "·€· ·€· ·€· ·€·",
        "±±± ×× ÷÷ ±±",
    ],
)
def test_letter_lists_stretched_letters_and_symbols_are_no_misread(line):
    text = f"Ein kurzer Absatz über Buchstaben.\n{line}\n"
    assert misread.reading(line) is None
    assert misread.first_misread(text) is None
    assert not looks_mojibake(text)
    assert repair(text.encode(), {"mojibake"}, None).new_text == text


def test_short_western_lines_in_a_misread_document_stay_western():
    # The misread Russian lines are read back; "Été" (two accented letters of three) was read
    # again too and became "Йtй", and "à" alone became Cyrillic "а".
    seen = _misread(CLEAN["ru"], "cp1251")
    text = f"Été\n{seen}à\nCafé Noël\n"
    fixed = repair(text.encode(), {"mojibake"}, None).new_text
    assert fixed == f"Été\n{CLEAN['ru']}à\nCafé Noël\n"


def test_a_huge_misread_file_is_judged_on_its_beginning(monkeypatch):
    # Where the first line leaves the page open, the suspect lines are judged together: only
    # their first ~16,000 characters, not the whole of a large file.
    from seedkeeper.corpus import plausibility

    seen = _misread("Всеки човек има право на образование.\n", "cp1251")
    text = seen * 5000
    sizes = []
    real = plausibility.judge
    monkeypatch.setattr(plausibility, "judge", lambda raw: sizes.append(len(raw)) or real(raw))
    assert misread.first_misread(text) is not None
    assert sizes and max(sizes) <= misread.MAX_JOINT + 200


def test_stretched_arabic_and_a_camel_cased_brand_are_still_read_back():
    # Tatweel stretches Arabic words ("الســـلام") and a brand may be cased inside ("ВКонтакте"):
    # neither makes a misread line look like a letter list.
    arabic = "الســـلام عليكم ورحمة الله وبركاته، أهلاً بكم في موقعنا الجديد.\n"
    fixed = repair(_misread(arabic, "cp1256").encode(), {"mojibake"}, None)
    assert fixed.new_text == arabic
    russian = "Я открыл страницу ВКонтакте и написал другу длинное письмо о поездке.\n"
    fixed = repair(_misread(russian, "cp1251").encode(), {"mojibake"}, "cp1251")
    assert fixed.new_text == russian


def test_the_words_of_a_reading_settle_a_page_the_judge_leaves_open():
    # Read in cp1253, this Bulgarian line is flawless Greek letters; read in cp1251 it is words
    # of the Bulgarian list (lang/wordlists.py): the page is cp1251, and fix reads it back.
    line = "Всеки човек има право на образование.\n"
    seen = _misread(line, "cp1251")
    assert misread.reading(seen.rstrip("\n")) == ("cp1251",)
    assert repair(seen.encode(), {"mojibake"}, None).new_text == line
    # A long Russian line too (the judge had left it between cp1251, cp1253 and KOI8-R).
    russian = "Я открыл страницу ВКонтакте и написал другу длинное письмо о поездке.\n"
    assert repair(_misread(russian, "cp1251").encode(), {"mojibake"}, None).new_text == russian


def test_dos_cyrillic_read_as_cp1252_is_found_and_read_back_not_garbled():
    # cp866 read as cp1252 is half symbols ("¯à\xa0¢®" is "право"): it was no suspect line, and
    # ftfy's repair made CJK of it ("箢¥ª"). Now the page is found and every line read back.
    for text in (CLEAN["ru"], "Всеки човек има право на образование и на свобода.\n"):
        seen = _misread(text, "cp866")
        found = {p.code: p for p in check_content("a.txt", seen.encode("utf-8"), 10).problems}
        assert "(cp866 read as cp1252)" in found["mojibake"].message
        assert repair(seen.encode(), {"mojibake"}, None).new_text == text


def test_one_fix_repairs_a_misread_line_and_a_utf8_mojibake_line_of_the_same_document():
    # The misread Russian line was read back and the "cafÃ©" line left for a second run.
    russian = "Москва является столицей России и крупнейшим городом страны.\n"
    french = "Un café au lait, naïve.\n"
    seen = _misread(russian, "cp1251") + french.encode().decode("cp1252")
    fixed = repair(seen.encode(), {"mojibake"}, None)
    assert fixed.new_text == russian + french
    assert not looks_mojibake(fixed.new_text)


def test_a_letter_three_times_in_a_word_is_read_back():
    # "СССР" (the USSR) and "змееед" write one letter three times: words, not stretched letters.
    text = "Вчера мы долго говорили о книгах и музыке.\nИстория СССР\nЗмееед в зоопарке.\n"
    seen = _misread(text, "cp1251")
    assert repair(seen.encode(), {"mojibake"}, None).new_text == text


def test_a_page_the_first_line_reads_alike_with_another_is_settled_by_the_whole_text():
    # The first line reads alike in KOI8-R and KOI8-U (no "і", "ї", "є", "ґ"), or in cp1251 and
    # mac_cyrillic (lower case): the judge's first name was taken for the whole text, and the
    # next lines were rewritten wrong ("Ки╖в ╓ столицею", "џблоки, ѓруши").
    for text, page in (
        ("Добрий день, як справи у вас?\nКиїв є столицею України і найбільшим містом країни.\n", "koi8_u"),
        ("- список покупок на завтра утром\nЯблоки, Груши и Сливы. Я их люблю.\n", "mac_cyrillic"),
    ):
        seen = _misread(text, page)
        assert misread.first_misread(seen)[2] == (page,)
        assert repair(seen.encode(), {"mojibake"}, None).new_text == text
    # A text the rest does not settle keeps the judge's first name.
    russian = "Маша пошла домой вечером.\nМосква является столицей России.\n"
    assert repair(_misread(russian, "koi8_r").encode(), {"mojibake"}, None).new_text == russian


def test_pages_that_read_a_line_alike_but_for_a_letter_are_told_apart_by_its_word():
    # ISO-8859-7 and cp1253 read Greek alike but for "Ά" (cp1253 has "¶" there): the word
    # "Άρθρο" is Greek, "¶ρθρο" is not. Before, the first page named was taken, or none.
    for text in (
        "Άνθρωποι γεννιούνται ελεύθεροι και ίσοι στην αξιοπρέπεια και τα δικαιώματα.\n",
        "Η Ελλάδα είναι χώρα της Ευρώπης.\nΆρθρο πρώτο: όλοι οι άνθρωποι γεννιούνται ελεύθεροι.\n",
    ):
        seen = _misread(text, "iso8859_7")
        assert misread.first_misread(seen)[2] == ("iso8859_7",)
        assert repair(seen.encode(), {"mojibake"}, None).new_text == text
    # The same text in cp1253 stays cp1253.
    text = "Άρθρο πρώτο: όλοι οι άνθρωποι γεννιούνται ελεύθεροι και ίσοι.\n"
    assert repair(_misread(text, "cp1253").encode(), {"mojibake"}, None).new_text == text


def test_the_words_where_readings_differ_are_found_in_linear_time():
    # known_share(text, where) looked at every position of `where` for every word: a long line
    # whose two pages differ all along (cp1253 and ISO-8859-7 on "Άρης") took minutes. Each
    # character is now looked up once.
    class Counted(frozenset):
        lookups = 0

        def __contains__(self, item):
            Counted.lookups += 1
            return frozenset.__contains__(self, item)

    text = " ".join(["Ο Άρης και η Ελένη πήγαν στην αγορά με τα παιδιά τους."] * 600)
    assert known_share(text, Counted(range(len(text)))) == pytest.approx(0.8)
    assert 0 < Counted.lookups <= len(text)


def test_a_misread_word_in_title_case_and_capitals_is_read_back():
    # Letters listed so are no misreading (above), but a reading that is words is.
    seen = _misread("Глава первая. ГЛАВА ПЕРВАЯ\n", "cp1251")
    assert repair(seen.encode(), {"mojibake"}, None).new_text == "Глава первая. ГЛАВА ПЕРВАЯ\n"


def test_a_long_line_is_judged_on_its_beginning(monkeypatch):
    # A 2 MB line of misread Greek took 18 s: the judge and the readings ran on all of it.
    from seedkeeper.corpus import plausibility

    line = " ".join(["Η γλώσσα της Ελλάδας είναι τα ελληνικά και γράφεται με το ελληνικό αλφάβητο."] * 3000)
    seen = _misread(line + "\n", "cp1253")
    sizes = []
    real = plausibility.judge
    monkeypatch.setattr(plausibility, "judge", lambda raw: sizes.append(len(raw)) or real(raw))
    assert misread.first_misread(seen) is not None
    assert sizes and max(sizes) <= misread.MAX_JOINT
    assert repair(seen.encode(), {"mojibake"}, None).new_text == line + "\n"
