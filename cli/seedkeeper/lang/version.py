"""The tagger's cache-key part, importable without loading any detector."""

from __future__ import annotations

from .._version import package_version

VOTER_VERSIONS = (
    f"py3langid-{package_version('py3langid')}/pycld2-{package_version('pycld2')}"
    f"/wordfreq-{package_version('wordfreq')}"
)
# Bump the first part whenever this package's logic may change a result; every detector's
# version is part of the key because a new profile set or model changes results too.
# 19: kanji without kana and without a sign of Chinese is und (han-ja-or-zh).
# 20: an und's others hold every candidate, not only first choices.
# 21: Simplified/Traditional told apart by OpenCC's ~3,800 / ~4,100 characters, not 630 pairs.
# 22: Spanish "zc" (introduzca) is Spanish evidence among ca/es/gl/pt (closepairs); a word one
# frequency list holds 1,000 times more rarely counts as lacking for an overturn (lexicon.NOISE).
# 23: emoji variation selectors and the keycap mark are no letters ("❤️❤️" is too-short, not
# unknown-script); and 22 too.
# 24: "možete da", "mora da" (can/must + da + present) count as Bosnian/Serbian evidence;
# Bengali script: more ৰ/ৱ than র is Assamese, more র Bengali, then words each writes alone,
# else a fragment is und (script-shared); one Yiddish digraph makes a Hebrew-script fragment Yiddish.
# 25: review of 24: "mora da" before an auxiliary ("mora da je bio") is no evidence; the Bengali
# word lists match NFD and U+09DF spellings; alef with patah/qamats is no Yiddish evidence; an
# Ethiopic or Hebrew-script sentence is CLD2's before the letters (QA: "መቐለ" in Amharic was ti,
# Yiddish without digraphs he); an Ethiopic fragment without Tigrinya evidence is und.
# 26: 439 dictionary-derived ekavian forms ("decu", "lekovi": ekavian_forms.py) are Serbian
# evidence; marks without a letter of their script ("ি া ে") are too-short. (Both first came
# under 25, whose cached answers then outlived them.) A paragraph in another script starts a
# chunk of its own in the mixed-document check (a short Bengali paragraph beside English).
# 27: a fragment the detectors split on is settled by the word lists of its script when one
# clearly leads and a detector agrees (wordlists.py, "word-lists-short").
# 28: Serbian's own forms (the fused future "moraćete", "biće prikazane"; "korišćenje";
# "istorija") are Serbian evidence like ekavian (31: Bosnian/Serbian evidence); Croatian
# "tipka", "zaslon", "značajka" are Croatian evidence (not where Slovene, which writes some, is a
# candidate), and decide a vote left open; "izbornik", "preglednik", "stupac", "uvjet",
# "znanstven" (Serbian or Bosnian write them) and Bosnian/Serbian "neko" (Croatian "neko
# vrijeme") are no longer evidence.
# 29: py3langid names a language langdetect does not know at 0.6 or more while langdetect names
# its neighbour and CLD2 none of their group: the language ("py3langid-neighbour"; Galician).
# 30: Galician's own forms ("prema", "vexa", "lle", "páxina"...) are markers, and "ñ" and the
# words it shares with Portuguese count for it too; a group's words are weighed when CLD2 names a
# language outside the group of langdetect's and py3langid's answers.
# 31: review of 28-30: the fused future, "korišćenje", "istorija" are Bosnian/Serbian evidence,
# not Serbian proof (Bosnian usage writes them); a Croatian word beside one is und; nouns before
# "se" ("plaće se") are no fused future; "glede" is Slovene too; "en", "seus", "poden" count for
# Catalan as for Galician; the close-group fallback names only a language a detector named.
# 32: command-line options, snake_case and dotted names ("--preserve=mode", "gtk_widget_show",
# "stdio.h") are set aside as computer text before the vote (textprep._CODE).
# 33: a vote left open where langdetect and py3langid name Bosnian, Croatian, Serbian or Slovene
# and CLD2 a language outside them (Slovak, Interlingua) is settled by the words as if CLD2 had
# named the group (refine.py).
# 34: on a paragraph or more, Indonesian and Malay are told by their words (lexicon.py, margin
# 2.0), whatever the detectors and the spelling markers said (refine.DOCUMENT_MARGIN).
# 35: review of 32-34: an option's value is ASCII ("--color=auto选项" kept its Chinese), names do
# not run on into letters, abbreviations ("f.eks.", "d.h.") and Catalan "l.l" are prose; the
# id/ms paragraph rule does not overturn a spelling only the answer's standard writes.
# 36: identifiers with a prefix in capitals ("GEmblemedIcon", "GSocketControlMessage") are names;
# Slovene "v" and "z", written in lower case, are Slovene markers against Croatian.
# 37: Russian, Ukrainian, Bulgarian and Macedonian are weighed by their words (lexicon.py) where
# no letter tells them apart, and may overturn detectors the words contradict; letters an
# alphabet lacks rule its language out (я in Macedonian, ї in Russian, ы in Ukrainian).
# 38: Croatian "uporaba" (not where Slovene is a candidate) and "elektronički" are Croatian words.
# 39: ekavian beginnings behind a prefix ("usmerivač", "naizmenične"), "premešta", and "levo",
# "levi", "ceni" in lower case are ekavian.
# 40: a sentence the three detectors split three ways is tagged by the word lists of its script
# at twice a fragment's lead ("word-lists"); a letter of another script anywhere in a text keeps
# the lists from answering (Hangul, which has no lower case, was not among the words counted).
# 41: a sentence every word of which one language's list holds, leading the detectors' answer's
# list by 8, is that language when a detector named it first ("word-lists-overturn").
# 42: the overturn weighs only the lists of languages a detector proposed, on sentences under 200
# letters, not on a document's paragraphs looked at for other languages.
# 43: review of 36-42: the Cyrillic lexicon pairs of 37 are gone (the Bulgarian list is too small
# for one missing word to count, and two detectors torn between two of them said nothing against
# a third); no ekavian beginning behind any prefix ("privredni", "usmeno"), only "usmer",
# "naizmen"; a prefix in capitals is a name only before CamelCase ("GEmblemedIcon", not
# "GApplication", whose removal left stubs tagged wrongly).
# 44: review of 40-43: ru/uk is a lexicon pair again (with "ў" ruling both out); "podrazumev-" is
# ekavian; the word lists name a sentence's language only when its list holds every word,
# capitalised ones too, and overturn only on 3 counted words or more; the split rule only below
# 200 letters; letters with no script of their own stop nothing.
# 45: review of 44: the lists' word check spares names no weighed list holds ("GStreamer"), two
# counted words may overturn again, and Russian/Ukrainian is decided on two leaning words.
DETECTOR_VERSION = f"45/langdetect-{package_version('langdetect')}/{VOTER_VERSIONS}"
