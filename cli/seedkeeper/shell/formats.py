"""Findings as SARIF 2.1.0 (code scanning), JUnit XML (test reporters) and a Markdown summary
(GitHub's job summary). Pure string builders: the CLI decides where they go."""

from __future__ import annotations

import json
import posixpath
from collections import Counter

from seedkeeper._version import __version__
from seedkeeper.corpus.paths import shown
from seedkeeper.corpus.raw_names import quoted, uri_path
from seedkeeper.problems import CODES, INDEX_LINE_CODES, Problem


def _location(p: Problem, seeds_prefix: str) -> tuple[str, int | None]:
    in_index = p.file is None or (p.code in INDEX_LINE_CODES and p.line is not None)
    path = "INDEX.md" if in_index else p.file
    # normpath: a finding on the config file beside the folder is "../seedkeeper.toml".
    return posixpath.normpath(f"{seeds_prefix}/{path}" if seeds_prefix not in ("", ".") else path), p.line


def sarif(problems: list[Problem], seeds_prefix: str) -> str:
    """A SARIF 2.1.0 log with one rule per problem code; paths relative to the repository."""
    rules = [
        {
            "id": code,
            "shortDescription": {"text": desc},
            "defaultConfiguration": {"level": "error" if sev == "error" else "warning"},
        }
        for code, (sev, desc) in sorted(CODES.items())
    ]
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for p in problems:
        path, line = _location(p, seeds_prefix)
        region = {"startLine": line} if line else {}
        # Percent-encoded where a URI needs it: a byte that is not UTF-8 is `%FF`, and a `%` of a
        # name `%25`, so every name has its own URI, which decodes to its exact bytes.
        uri = uri_path(path)
        loc = {"physicalLocation": {"artifactLocation": {"uri": uri}, **({"region": region} if region else {})}}
        results.append(
            {
                "ruleId": p.code,
                "ruleIndex": index[p.code],
                "level": "error" if p.severity == "error" else "warning",
                "message": {
                    "text": p.message
                    + (
                        f" ({quoted(p.file)})"
                        if p.file and path.rsplit("/", 1)[-1] == "INDEX.md" and p.file != "INDEX.md"
                        else ""
                    )
                },
                "locations": [loc],
            }
        )
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {"tool": {"driver": {"name": "seedkeeper", "version": __version__, "rules": rules}}, "results": results}
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _xml(text: str) -> str:
    """Text XML 1.0 can hold: control characters (which no XML parser accepts, even escaped) are
    shown as `\\xNN`, as in every other output; then the usual entity escaping."""
    from xml.sax.saxutils import escape  # here: it loads urllib and http (~10 ms) for JUnit only

    return escape(_plain(text))


def _plain(text: str) -> str:
    return shown(text).replace("\ufffe", "\\ufffe").replace("\uffff", "\\uffff")


def junit(problems: list[Problem], documents: list[str], strict: bool = False) -> str:
    """JUnit XML: a test case per document (and one for the folder), failing on its errors (and
    warnings when strict); other findings are listed in system-out."""
    from xml.sax.saxutils import quoteattr

    by_file: dict[str | None, list[Problem]] = {}
    for p in problems:
        # Findings about INDEX.md itself belong to the folder's test case.
        by_file.setdefault(None if p.file == "INDEX.md" else p.file, []).append(p)
    names = [None, *sorted(set(documents) | {f for f in by_file if f is not None})]
    cases, failures = [], 0
    for name in names:
        ps = by_file.get(name, [])
        failing = [p for p in ps if p.severity == "error" or strict]
        body = ""
        if failing:
            failures += 1
            text = "\n".join(
                _xml(f"{p.code} (line {p.line}): {p.message}" if p.line else f"{p.code}: {p.message}") for p in failing
            )
            codes = ", ".join(sorted({p.code for p in failing}))
            body += f"<failure message={quoteattr(codes)}>{text}</failure>"
        rest = [p for p in ps if p not in failing]
        if rest:
            body += (
                "<system-out>" + "\n".join(_xml(f"{p.severity} {p.code}: {p.message}") for p in rest) + "</system-out>"
            )
        # A name that is not UTF-8 is quoted as bash writes it: two test cases named alike would
        # be merged by a reader, and its escaped text is also a valid name.
        label = quoted(name) if name is not None else "INDEX.md and folder"
        cases.append(f'    <testcase classname="seedkeeper" name={quoteattr(_plain(label))}>{body}</testcase>')
    head = f'<testsuite name="seedkeeper check" tests="{len(cases)}" failures="{failures}" errors="0">'
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  '
        + head
        + "\n"
        + "\n".join(cases)
        + "\n  </testsuite>\n</testsuites>\n"
    )


def markdown_summary(problems: list[Problem], documents: int, ok: bool) -> str:
    """A short Markdown report for $GITHUB_STEP_SUMMARY: verdict, counts by code, first findings."""
    counts = Counter((p.code, p.severity) for p in problems)
    lines = [
        f"## seedkeeper check: {'passed' if ok else 'failed'}",
        "",
        f"{_plural(documents, 'document')}, {_plural(sum(p.severity == 'error' for p in problems), 'error')}, "
        f"{_plural(sum(p.severity == 'warning' for p in problems), 'warning')}",
        "",
    ]
    if counts:
        lines += ["| code | severity | count |", "|---|---|---:|"]
        lines += [f"| `{code}` | {sev} | {n} |" for (code, sev), n in sorted(counts.items())]
        lines += ["", "| file | line | code | message |", "|---|---:|---|---|"]
        for p in problems[:50]:
            msg = shown(p.message).replace("|", "\\|")
            file = quoted(p.file or "").replace("|", "\\|")
            lines.append(f"| {file} | {p.line or ''} | `{p.code}` | {msg} |")
        if len(problems) > 50:
            lines.append(f"\n…and {len(problems) - 50} more.")
    return "\n".join(lines) + "\n"


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
