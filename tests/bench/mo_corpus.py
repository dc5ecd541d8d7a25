"""A fourth real text nobody here wrote, kept out of tuning: free desktop software's messages.

The three texts bench_tag.py reports on have a "dev" half the tagger's rules were tuned on and a
"test" half they were checked on; after many rounds of reading the test half's errors, it is no
longer quite held out. This one was added in session 32 (2026-12-02) and no threshold has been
chosen on it; that session did read its errors once, which led to the computer-text rule
(textprep._CODE), and checked every change of the session against it (tests/bench/RESULTS.md).
It is the translators' messages of eight Debian 12 packages (GLib, GTK 2, GSettings' desktop
schemas, the accessibility bus, GDK-Pixbuf, GnuTLS, coreutils, diffutils: gettext catalogues
under usr/share/locale, GPL/LGPL), fetched once with `apt-get download` into the user's cache
folder, like gnome_corpus.py.
Interface messages and help texts, like Django's, but other projects' translators and words.

Only languages the other three texts measure are kept (a language no detector knows would say
nothing about the rules), regional variants fold into the language as in lang_corpus.py, and a
translation identical to the English message is left out. Messages are split into halves by a
hash of the message id, as Django's are; report the "test" half, but either half is unseen.
"""

from __future__ import annotations

import fcntl
import gettext
import struct
import subprocess
from pathlib import Path

import lang_corpus
from udhr_corpus import cache_dir

# Pinned where Debian 12 (bookworm) has not updated the package since its release; GLib, GTK 2,
# GDK-Pixbuf and GnuTLS get security updates (its mirror keeps only the latest), which leave their
# translations as they were: the version fetched is written into the cache folder's ".unpacked".
PACKAGES = (
    "libglib2.0-data",
    "libgtk2.0-common",
    "gsettings-desktop-schemas=43.0-1",
    "at-spi2-common=2.46.0-5",
    "libgdk-pixbuf2.0-common",
    "libgnutls30",
    "coreutils=9.1-1",
    "diffutils=1:3.8-4",
)
# Locale folder -> tag, where the locale's language part is not the tag.
_TAG = {
    "nb": "no",
    "sr": "sr-Cyrl",
    "sr@latin": "sr-Latn",
    "sr@Latn": "sr-Latn",
    "zh_CN": "zh-Hans",
    "zh_SG": "zh-Hans",
    "zh_TW": "zh-Hant",
    "zh_HK": "zh-Hant",
}


def _root() -> Path:
    """The folder the packages are unpacked into, fetched and unpacked on first use (under a lock:
    two benchmark processes starting at once must not unpack over each other)."""
    folder = cache_dir() / "debian-mo-1"
    done = folder / ".unpacked"
    if done.is_file():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.is_file():
            return folder
        if not any(folder.glob("*.deb")):
            subprocess.run(["apt-get", "download", *PACKAGES], cwd=folder, capture_output=True, check=True, timeout=600)
        for deb in sorted(folder.glob("*.deb")):
            subprocess.run(["dpkg-deb", "-x", str(deb), str(folder)], capture_output=True, check=True, timeout=300)
        done.write_text("\n".join(sorted(p.name for p in folder.glob("*.deb"))) + "\n", encoding="utf-8")
    return folder


def _clean(text: str) -> str:
    """Placeholders and markup out, as lang_corpus does, but "_" kept: a snake_case name
    ("atspi_event_listener_register") is one name in a message, not four English words."""
    text = lang_corpus._PLACEHOLDER.sub(" ", text)  # noqa: SLF001 - the same placeholders as Django's
    return " ".join(text.split())


def _tag(locale: str) -> str | None:
    if locale in _TAG:
        return _TAG[locale]
    if "@" in locale or locale == "en" or locale.startswith("en_"):
        return None  # a script or dialect variant (ca@valencia, be@latin) or English
    return locale.split("_")[0]


def _messages(path: Path) -> list[tuple[str, str]]:
    """(msgid, first translation) pairs of a .mo catalogue; [] if it does not parse."""
    try:
        with path.open("rb") as handle:
            catalog = gettext.GNUTranslations(handle)._catalog  # noqa: SLF001 - the parsed table
    except (OSError, ValueError, LookupError, struct.error):  # a catalogue that does not parse
        return []
    out = []
    for key, value in catalog.items():
        msgid, index = (key, 0) if isinstance(key, str) else key
        if msgid and index == 0 and value:
            # A message with a context is stored as "context\x04msgid": the English is after it.
            out.append((msgid.split("\x04")[-1].split("\x00")[0], value))
    return sorted(out)


def load(split: str = "test", languages: frozenset[str] | None = None) -> dict[str, list[str]]:
    """Language tag -> cleaned, distinct translations of the `split` half, in a fixed order;
    only `languages` (default: those Django's strings hold) are kept."""
    keep = languages if languages is not None else frozenset(lang_corpus.load("dev"))
    by_lang: dict[str, dict[str, None]] = {}
    for mo in sorted((_root() / "usr" / "share" / "locale").glob("*/LC_MESSAGES/*.mo")):
        tag = _tag(mo.parent.parent.name)
        if tag is None or tag not in keep:
            continue
        for msgid, msgstr in _messages(mo):
            if lang_corpus._half(msgid) != split:  # noqa: SLF001 - the same split as Django's
                continue
            text = _clean(msgstr)
            if text and text != _clean(msgid):
                by_lang.setdefault(tag, {})[text] = None
    return {lang: sorted(texts) for lang, texts in sorted(by_lang.items())}
