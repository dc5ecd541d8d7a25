"""HTML/XML tags and character entities left in the text by a careless extraction.

What counts as markup, and why the rules are this strict:
- a tag is `<name ...>`, `</name>` or `<name/>` where the name follows '<' at once. A known HTML
  element name (p, div, br, a, span, ...) is enough; an unknown name needs an attribute with '='
  (`<foo bar="x">`), a closing slash or a self-closing slash, because `List<T>` or `<Name>` in
  prose are text. Comments, CDATA, doctype and `<?xml` are markup too.
- an entity is `&name;` with a name HTML5 defines, or a numeric `&#1740;` / `&#x6CC;`.
So `a < b`, `a < b > c`, `<3`, `x -> y`, `AT&T`, `Q&A`, `《书名》` and `<user@example.com>` stay text:
no letter right after '<', no ';' after the entity-like word, or other brackets.
"""

from __future__ import annotations

import re
from html.entities import html5

from .chars import Profile
from .findings import Finding

_ELEMENTS = frozenset(
    """a abbr address article aside audio b bdi bdo big blockquote body br button canvas caption
center cite code col colgroup data dd del details dfn dialog div dl dt em embed fieldset figcaption figure font
footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link
main map mark meta meter nav nobr noscript object ol optgroup option output p param picture pre progress q rp rt
ruby s samp script section select small source span strike strong style sub summary sup svg table tbody td
template textarea tfoot th thead time title tr track tt u ul var video wbr""".split()
)

_TAG = re.compile(
    r"<!--.*?-->|<!\[CDATA\[|<!DOCTYPE\b|<\?xml\b"  # comments, CDATA, doctype, XML declarations
    r"|<(/?)([A-Za-z][A-Za-z0-9]*(?::[A-Za-z][A-Za-z0-9-]*)?)"  # '<' or '</' and a name, at once
    r"((?:\s+[A-Za-z_:][-\w:.]*(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=`]+))?)*)\s*(/?)>",
    re.IGNORECASE | re.DOTALL,
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_NAMED = frozenset(k[:-1] for k in html5 if k.endswith(";"))


def _is_tag(m: re.Match) -> bool:
    if m.group(2) is None:
        return True  # comment, CDATA, doctype, XML declaration
    closing, name, attrs, selfclose = m.group(1), m.group(2).lower(), m.group(3) or "", m.group(4)
    if name in _ELEMENTS:
        return True
    return bool(closing or selfclose or "=" in attrs)


def _is_entity(m: re.Match) -> bool:
    body = m.group()[1:-1]
    return body.startswith("#") or body in _NAMED


def find_markup(text: str) -> list[tuple[int, str]]:
    """(offset, markup) for every tag and entity, in text order; cheap when there is no '<' or '&'."""
    out: list[tuple[int, str]] = []
    if "<" in text:
        out += [(m.start(), m.group()) for m in _TAG.finditer(text) if _is_tag(m)]
    if "&" in text:
        out += [(m.start(), m.group()) for m in _ENTITY.finditer(text) if _is_entity(m)]
    out.sort()
    return out


def markup_findings(text: str, prof: Profile, excerpt_chars: int) -> list[Finding]:
    """One finding per document at the first piece of markup, naming it and counting them all."""
    found = find_markup(text)
    if not found:
        return []
    from .masking import quoted, shorten
    from .pii import mask_pii  # a tag may carry an address: <a href="mailto:...">

    offset, first = found[0]
    example = shorten(mask_pii(first), min(excerpt_chars, 40))
    n = len(found)
    total = f"{n} tags or entities in all" if n > 1 else "the only one"
    return [Finding("markup", prof.line_of(offset), f"HTML/XML markup left in the text: {quoted(example)} ({total})")]
