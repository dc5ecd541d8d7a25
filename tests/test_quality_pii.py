"""Personal data: detection in many digit scripts, validation, and masks that never leak the value."""

from __future__ import annotations

import pytest

import quality_fixtures as F
from seedkeeper.quality import QualitySettings, find_pii, mask_pii, quality_findings


def test_messages_never_carry_the_personal_data():
    secrets = [
        "reza.ahmadi@example.ir",
        "+98 912 345 6789",
        "4111 1111 1111 1111",
        "DE89 3704 0044 0532 0130 00",
        "192.168.10.25",
        "2001:db8:85a3::8a2e:370:7334",
    ]
    text = "\n".join(f"{F._EN} {s}" for s in secrets) + "\n"
    found = quality_findings(text)
    assert len(found) == len(secrets)
    for f in found:
        for s in secrets:
            assert s not in f.message
            assert s.replace(" ", "")[4:12] not in f.message.replace(" ", "")


@pytest.mark.parametrize(
    "raw,masked",
    [
        ("reza.ahmadi@example.ir", "r***@example.ir"),
        ("+98 912 345 6789", "+98 *** *** 6789"),
        ("+۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹", "+۹۸ *** *** ۶۷۸۹"),
        ("4111 1111 1111 1111", "4111 **** **** 1111"),
        ("4111-1111-1111-1111", "4111-****-****-1111"),
        ("DE89 3704 0044 0532 0130 00", "DE89 **** 3000"),
        ("192.168.10.25", "192.168.*.*"),
    ],
)
def test_masks(raw, masked):
    assert mask_pii(f"x {raw} y") == f"x {masked} y"


def test_one_finding_per_line_counts_the_rest_and_caps_per_document():
    line = "a@example.org b@example.org c@example.org"
    found = quality_findings(f"{F._EN}\n{line}\n")
    assert [(f.code, f.line) for f in found] == [("pii-email", 2)]
    assert "2 more on this line" in found[0].message
    many = "".join(f"{F._EN} n{i}@example.org\n" for i in range(30))
    capped = quality_findings(many, QualitySettings(max_per_code=5))
    assert len(capped) == 5 and "25 more in this document" in capped[-1].message


def test_card_needs_issuer_prefix_grouping_and_luhn():
    good = F.luhn_complete("4" + "0" * 14)
    assert [h.code for h in find_pii(f"x {good} y")] == ["pii-card"]
    isbn_like = F.luhn_complete("978030640615")  # 13 digits starting with 9: ISBN territory
    assert find_pii(f"x {isbn_like} y") == []
    assert find_pii(f"x {good[:3]} {good[3:9]} {good[9:]} y") == []  # grouped 3-6-7: not how cards are written


@pytest.mark.parametrize(
    "text",
    [
        "Сумма: +49 000 000 рублей.",
        "Прирост +20.500.000 человек",
        "افزایش +۲۰ ۵۰۰ ۰۰۰ نفر بود",
        "+90 000 000 TL",
        # A piece of an amount one group shorter is no phone either (the review found it reported).
        "Revenue rose +44 207 946 000 dollars",
        "Stigning på +45 312 500 000 kr",
    ],
)
def test_a_signed_amount_in_thousands_is_no_phone(text):
    # Russian, Persian and Turkish write large amounts in groups of three; a "+" in front (a rise)
    # and a country code's digits made "+49 000 000 rubles" a German phone number.
    assert find_pii(text) == []


def test_phones_grouped_in_threes_are_still_phones():
    assert [h.code for h in find_pii("Llame al +34 912 345 678 hoy")] == ["pii-phone"]
    assert [h.code for h in find_pii("x +49 30 123456 und +49 000 000 000 €")] == ["pii-phone"]


@pytest.mark.parametrize(
    "text, masked",
    [
        ("电话：＋86 138 0013 8000。", "+86 *** *** 8000"),
        ("电话：＋８６ １３８ ００１３ ８０００。", "+８６ *** *** ８０００"),
        ("電話：＋８１－３－１２３４－５６７８です", "+８１ *** *** ５６７８"),
    ],
)
def test_a_full_width_plus_is_a_plus(text, masked):
    # A Chinese or Japanese input method in full-width mode types ＋ (and －): the number was missed.
    hits = find_pii(text)
    assert [(h.code, h.masked) for h in hits] == [("pii-phone", masked)]
    assert "0013" not in mask_pii(text) and "１２３４" not in mask_pii(text)


def test_iban_check_digits_and_length():
    iban = F.make_iban("IR", "0120000000003333333333")
    assert [h.code for h in find_pii(f"شبا {iban}")] == ["pii-iban"]
    assert [h.code for h in find_pii(f"شبا {F.group4(iban).translate(F.FA_DIGITS)}")] == ["pii-iban"]
    assert find_pii(f"x {iban[:-1]} y") == []  # one character short for Iran
    assert find_pii(f"x {iban[:2]}{(int(iban[2:4]) + 1) % 100:02d}{iban[4:]} y") == []


def test_phone_needs_a_country_code_and_a_plausible_length():
    assert find_pii("x +1 555 0123 y") == []  # too short for North America
    assert find_pii("x +999 1234 5678 y") == []  # 999 is not a country code
    assert [h.code for h in find_pii("x +7 495 123-45-67 y")] == ["pii-phone"]


def test_ip_choices():
    # Documented: all-single-digit quads are versions or public resolvers; loopback is not personal.
    for quiet in ["1.2.3.4", "8.8.8.8", "127.0.0.1", "255.255.255.0", "::1", "1.2.3.4.5", "v10.1.2.3"]:
        assert find_pii(f"x {quiet} y") == [], quiet
    assert [h.code for h in find_pii("x 10.0.0.12 y")] == ["pii-ip"]


# A Japanese or Chinese input method types full-width digits, and with them the full-width
# hyphen (－) or the ideographic space (　) between the groups of a card number.
@pytest.mark.parametrize(
    "text,masked",
    [
        ("カード番号は４１１１－１１１１－１１１１－１１１１です。", "４１１１－****－****－１１１１"),
        ("カード番号：４１１１　１１１１　１１１１　１１１１。", "４１１１　****　****　１１１１"),
        ("卡号５５００　００００　００００　０００４，请妥善保管。", "５５００　****　****　０００４"),
    ],
)
def test_a_card_written_with_full_width_separators_is_found(text, masked):
    assert [h.code for h in find_pii(text)] == ["pii-card"]
    assert masked in mask_pii(text)


@pytest.mark.parametrize(
    "text",
    [
        "受付番号は１２３４－５６７８－９０１２－３４５６です。",  # Luhn-invalid
        "会議は２０２４－０３－１５　１０：３０から、会場は東京です。",  # a date and a time
        "東京都は２０２４年４月１日から新しい制度を始めます。",
    ],
)
def test_full_width_numbers_that_are_no_card_stay_quiet(text):
    assert find_pii(text) == []


# Hebrew glues a one-letter preposition to a Latin word with a hyphen or maqaf: "write to-dana@...".
@pytest.mark.parametrize(
    "text",
    [
        "שלחו מייל ל-dana@example.co.il או התקשרו אלינו בשעות העבודה.",
        "כתבו ל\u05bedana@example.co.il ונחזור אליכם.",
    ],
)
def test_an_address_after_a_hebrew_prefix_and_hyphen_is_found(text):
    assert [h.masked for h in find_pii(text)] == ["d***@example.co.il"]


@pytest.mark.parametrize(
    "text",
    [
        "ב-2024 נפתח הסניף החדש ב-ירושלים, ליד התחנה המרכזית.",
        "the news-desk@example.org address and foo-bar@example.org",  # whole, as before
    ],
)
def test_a_hebrew_prefix_takes_nothing_that_is_no_address(text):
    assert [h.masked[0] for h in find_pii(text)] == [w[0] for w in text.split() if "@" in w]


# A URL's user-info or /@handle is no address, but one in its query string is a person's.
def test_an_address_in_a_urls_query_string_is_found():
    text = "لغو اشتراک: https://example.com/unsub?email=reza@example.ir&list=7 را باز کنید."
    assert [h.masked for h in find_pii(text)] == ["r***@example.ir"]
    assert "reza@" not in mask_pii(text)


@pytest.mark.parametrize(
    "text",
    [
        "Open https://user@example.com/path or https://medium.com/@someone/post?x=1 now.",
        "Clone https://git@example.org/repo.git?ref=main for the code.",
    ],
)
def test_a_urls_user_info_and_handles_stay_quiet(text):
    assert find_pii(text) == []
