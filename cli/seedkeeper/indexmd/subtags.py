"""The subtags a pinned language may carry after its language subtag: those the IANA Language
Subtag Registry holds (File-Date 2021-08-06, the copy langcodes ships; BCP 47 is RFC 5646), lower
case. Private-use ones (Qaaa..Qabx, AA, QM..QZ, XA..XZ, ZZ) are left out: no detector gives them.

A BCP 47 subtag's shape says what it is (a script has 4 letters, a region 2 letters or 3 digits,
a variant 5-8 letters or digits or a digit and 3 more), but shapes alone read English as a tag:
"no-nonsense" has the shape of Norwegian with a variant, "no-fuss" of Norwegian with a script.
A registered subtag is a tag's; an unregistered one is prose (is_pin_tag, below: the rule a note's
pin and the configuration's allow-list of languages are both read by).
"""

from __future__ import annotations

import re

# What a pin looks like before the registry is asked: a 2-3 letter language, then subtags.
TAG_SHAPE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")

# ISO 15924 codes: zh-Hant, sr-Latn.
SCRIPTS = frozenset(
    "adlm afak aghb ahom arab aran armi armn avst bali bamu bass batk beng bhks blis bopo brah brai "
    "bugi buhd cakm cans cari cham cher chrs cirt copt cpmn cprt cyrl cyrs deva diak dogr dsrt dupl "
    "egyd egyh egyp elba elym ethi geok geor glag gong gonm goth gran grek gujr guru hanb hang hani "
    "hano hans hant hatr hebr hira hluw hmng hmnp hrkt hung inds ital jamo java jpan jurc kali kana "
    "khar khmr khoj kitl kits knda kore kpel kthi lana laoo latf latg latn leke lepc limb lina linb "
    "lisu loma lyci lydi mahj maka mand mani marc maya medf mend merc mero mlym modi mong moon mroo "
    "mtei mult mymr nand narb nbat newa nkdb nkgb nkoo nshu ogam olck orkh orya osge osma ougr palm "
    "pauc pcun pelm perm phag phli phlp phlv phnx piqd plrd prti psin ranj rjng rohg roro runr samr "
    "sara sarb saur sgnw shaw shrd shui sidd sind sinh sogd sogo sora soyo sund sylo syrc syre syrj "
    "syrn tagb takr tale talu taml tang tavt telu teng tfng tglg thaa thai tibt tirh tnsa toto ugar "
    "vaii visp vith wara wcho wole xpeo xsux yezi yiii zanb zinh zmth zsye zsym zxxx zyyy zzzz".split()
)

# ISO 3166-1 codes and UN M.49 areas: pt-BR, es-419.
REGIONS = frozenset(
    "001 002 003 005 009 011 013 014 015 017 018 019 021 029 030 034 035 039 053 054 057 061 142 "
    "143 145 150 151 154 155 202 419 ac ad ae af ag ai al am an ao aq ar as at au aw ax az ba bb bd "
    "be bf bg bh bi bj bl bm bn bo bq br bs bt bu bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co "
    "cp cr cs cu cv cw cx cy cz dd de dg dj dk dm do dz ea ec ee eg eh er es et eu ez fi fj fk fm "
    "fo fr fx ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu ic id ie "
    "il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt "
    "lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng "
    "ni nl no np nr nt nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb "
    "sc sd se sg sh si sj sk sl sm sn so sr ss st su sv sx sy sz ta tc td tf tg th tj tk tl tm tn "
    "to tp tr tt tv tw tz ua ug um un us uy uz va vc ve vg vi vn vu wf ws yd ye yt yu za zm zr zw".split()
)

# Registered variants: sl-rozaj, de-1996, ca-valencia.
VARIANTS = frozenset(
    "1606nict 1694acad 1901 1959acad 1994 1996 abl1943 akuapem alalc97 aluku ao1990 aranes arevela "
    "arevmda arkaika asante auvern baku1926 balanka barla basiceng bauddha biscayan biske bohoric "
    "boont bornholm cisaup colb1945 cornu creiss dajnko ekavsk emodeng fonipa fonkirsh fonnapa "
    "fonupa fonxsamp gallo gascon grclass grital grmistr hepburn heploc hognorsk hsistemo ijekavsk "
    "itihasa ivanchov jauer jyutping kkcor kociewie kscor laukika lemosin lengadoc lipaw luna1918 "
    "metelko monoton ndyuka nedis newfound nicard njiva nulik osojs oxendict pahawh2 pahawh3 "
    "pahawh4 pamaka peano petr1708 pinyin polyton provenc puter rigik rozaj rumgr scotland scouse "
    "simple solba sotav spanglis surmiran sursilv sutsilv synnejyl tarask tongyong tunumiit uccor "
    "ucrcor ulster unifon vaidika valencia vallader vecdruka vivaraup wadegile xsistemo".split()
)


def is_pin_tag(tag: str) -> bool:
    """Whether `tag` is a language tag a note may pin (BCP 47, RFC 5646): a 2-3 letter language
    subtag, then a script (4 letters), a region (2 letters or 3 digits) and variants, in that
    order, each registered, in any case (zh-hant is zh-Hant). Their shapes alone would read
    English as a tag: "no-nonsense" is Norwegian and a variant, "no-fuss" Norwegian and a script.
    Extended language subtags (zh-yue), extensions and private use are not pins: the language's
    own subtag says the same (yue)."""
    if not TAG_SHAPE.fullmatch(tag):
        return False
    rest = tag.lower().split("-")[1:]
    at = 0
    for registered in (SCRIPTS, REGIONS):
        if at < len(rest) and rest[at] in registered:
            at += 1
    while at < len(rest) and rest[at] in VARIANTS:
        at += 1
    return at == len(rest)


def why_no_pin(tag: str) -> tuple[str, str | None]:
    """Why is_pin_tag refuses `tag` (a BCP 47 tag by its shape), and the pin that says what it
    can: (reason, the tag to write instead, or None when no part of it names a language). An
    extended language subtag is the language itself (`zh-yue` -> `yue`, `zh-yue-HK` -> `yue-HK`),
    an extension or private-use part goes (`de-DE-u-co-phonebk` -> `de-DE`), and so does an
    unregistered subtag with what follows it (`fr-UK` -> `fr`)."""
    parts = tag.split("-")
    if len(parts[0]) == 1:
        return "a private-use or grandfathered tag, which no detector gives", None
    if not 2 <= len(parts[0]) <= 3:
        return "a language subtag has 2 or 3 letters", None
    reason = ""
    if len(parts) > 1 and len(parts[1]) == 3 and parts[1].isalpha():  # a region is 2 letters or 3 digits
        reason, parts = f"an extended language subtag ({parts[1]!r} is the language itself)", parts[1:]
    single = next((k for k, p in enumerate(parts) if len(p) == 1), None)
    if single is not None:
        reason, parts = reason or "an extension or private-use part, which no detector gives", parts[:single]
    keep = len(parts)
    while keep > 1 and not is_pin_tag("-".join(parts[:keep])):
        keep -= 1
    if keep < len(parts) and not reason:
        reason = f"{parts[keep]!r} is no registered script, region or variant subtag"
    return reason or "not a language tag a pin takes", "-".join(parts[:keep])
