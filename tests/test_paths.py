"""`seedkeeper.corpus.paths`: include globs, turning what INDEX.md writes into a safe
folder-relative path (or refusing it), and telling a document reference from prose."""

from __future__ import annotations

import re

import pytest

from seedkeeper.corpus.paths import is_external, looks_like_reference, matches_glob, matches_include, normalize_target
from seedkeeper.settings import DEFAULT_NAME_PATTERN

NAME_RE = re.compile(DEFAULT_NAME_PATTERN)
DOC = "001_0123456789abcdef.txt"

# ---------------------------------------------------------------- matches_include


@pytest.mark.parametrize("rel", ["a.txt", "sub/a.txt", "sub/deeper/متن.txt"])
def test_a_glob_without_slash_matches_the_name_at_any_depth(rel):
    assert matches_include(rel, ("*.txt",))
    assert not matches_include(rel, ("*.md",))


def test_a_glob_with_slash_matches_the_path():
    assert matches_include("sub/a.txt", ("sub/*.txt",))
    assert not matches_include("other/a.txt", ("sub/*.txt",))
    assert not matches_include("a.txt", ("sub/*.txt",))


@pytest.mark.parametrize(
    "rel, pattern, expected",
    [
        # Anchored at the seeds folder, as .gitignore reads a glob with "/" (pathlib's match
        # anchored it at the end: `legal/*.txt` named `archive/legal/x.txt`).
        ("archive/legal/x.txt", "legal/*.txt", False),
        ("legal/x.txt", "./legal/*.txt", True),
        # `*`, `?` and `[...]` stay within one folder name (fnmatch's `*` crossed "/").
        ("legal/old/x.txt", "legal/*.txt", False),
        ("legal/ab/x.txt", "legal/a?b/x.txt", False),
        ("legal/a/b.txt", "legal/a[/]b.txt", False),
        ("legal/ab.txt", "legal/[!x]b.txt", True),
        ("legal/xb.txt", "legal/[!x]b.txt", False),
        ("legal/]b.txt", "legal/[]]b.txt", True),
        ("legal/[b.txt", "legal/[b.txt", True),  # no closing bracket: a plain "["
        # `**` spans any number of folders, none included.
        ("legal/x.txt", "legal/**/*.txt", True),
        ("legal/2024/05/x.txt", "legal/**/*.txt", True),
        ("x.txt", "**/*.txt", True),
        ("a/b/legal/x.txt", "**/legal/*.txt", True),
        ("legal/x.md", "legal/**", True),
        ("other/x.txt", "legal/**", False),
        ("متن/آرشیو/x.txt", "متن/*/*.txt", True),
    ],
)
def test_a_glob_with_slash_is_anchored_and_its_star_stays_in_one_folder(rel, pattern, expected):
    assert matches_include(rel, (pattern,)) is expected
    # per-file-ignores read their globs the same way (acceptance.py)
    assert matches_glob(rel, pattern) is expected


def test_a_per_file_ignores_glob_without_slash_matches_the_file_name_only():
    assert matches_glob("sub/deeper/a.txt", "a.txt")
    assert matches_glob("sub/a.txt", "*.txt")
    # fnmatch on the whole path let `sub*` take every file below a folder named sub...
    assert not matches_glob("sub/a.txt", "sub*")
    assert matches_glob("sub/sub1.txt", "sub*")


def test_include_is_case_sensitive_and_any_pattern_may_match():
    assert not matches_include("A.TXT", ("*.txt",))
    assert matches_include("A.TXT", ("*.md", "*.TXT"))
    assert not matches_include("a.txt", ())


def test_a_glob_without_slash_is_not_matched_against_the_folder_names():
    assert not matches_include("notes.txt.d/readme", ("*.txt",))


# ---------------------------------------------------------------- normalize_target


@pytest.mark.parametrize("from_link", [True, False])
@pytest.mark.parametrize(
    "written, rel",
    [
        (f"./{DOC}", DOC),
        (f"  {DOC}  ", DOC),
        (f"sub/./{DOC}", f"sub/{DOC}"),
        (f"sub//{DOC}", f"sub/{DOC}"),
        ("./sub/متن.txt", "sub/متن.txt"),
    ],
)
def test_safe_forms_normalize_to_the_folder_relative_path(written, rel, from_link):
    t = normalize_target(written, from_link=from_link)
    assert (t.rel, t.unsafe_reason, t.written) == (rel, None, written)


@pytest.mark.parametrize("from_link", [True, False])
@pytest.mark.parametrize(
    "written, reason",
    [
        (f"../{DOC}", ".."),
        (f"sub/../../{DOC}", ".."),
        (f"sub/../{DOC}", ".."),  # stays inside, but `..` is never resolved
        (f"/etc/{DOC}", "absolute"),
        (f"~/{DOC}", "absolute"),
        (f"C:\\seeds\\{DOC}", "absolute"),
        (f"c:/seeds/{DOC}", "absolute"),
        ("./", "empty"),
        ("", "empty"),
    ],
)
def test_unsafe_forms_have_no_path_and_say_why(written, reason, from_link):
    t = normalize_target(written, from_link=from_link)
    assert t.rel is None
    assert reason in t.unsafe_reason


def test_a_backslash_is_an_ordinary_character_in_a_name():
    t = normalize_target("odd\\name.txt", from_link=False)
    assert t.rel == "odd\\name.txt" and t.unsafe_reason is None


@pytest.mark.parametrize(
    "written, reason",
    [
        (f"..\\{DOC}", ".."),  # climbs out on Windows
        (f"sub\\..\\..\\{DOC}", ".."),
        (f"\\\\server\\share\\{DOC}", "absolute"),
        (f"\\{DOC}", "absolute"),
    ],
)
def test_backslash_forms_are_read_as_the_platform_reads_them(written, reason):
    # Where a backslash separates folders they climb out or are absolute; on POSIX they are
    # names inside the folder, which `index` lists and `check` must then accept.
    windows = normalize_target(written, from_link=False, backslash_separates=True)
    assert windows.rel is None and reason in windows.unsafe_reason
    posix = normalize_target(written, from_link=False, backslash_separates=False)
    assert (posix.rel, posix.unsafe_reason) == (written, None)


def test_links_are_percent_decoded_and_lose_fragment_and_query():
    assert normalize_target("my%20copy.txt", from_link=True).rel == "my copy.txt"
    assert normalize_target("sub%20dir/x%25.txt", from_link=True).rel == "sub dir/x%.txt"
    assert normalize_target("%D9%85%D8%AA%D9%86.txt", from_link=True).rel == "متن.txt"
    assert normalize_target(f"{DOC}#section-2", from_link=True).rel == DOC
    assert normalize_target(f"{DOC}?plain=1", from_link=True).rel == DOC
    assert normalize_target("a%23b.txt", from_link=True).rel == "a#b.txt"  # encoded '#' is part of the name


@pytest.mark.parametrize("written", ["%2e%2e/x.txt", "%2E%2E%2Fx.txt", "sub/%2e%2e/%2e%2e/x.txt", "%2Fetc%2Fx.txt"])
def test_percent_encoding_cannot_smuggle_an_unsafe_link(written):
    assert normalize_target(written, from_link=True).rel is None


def test_list_words_are_taken_literally():
    # Only links are percent-decoded; a list item names the file exactly as written.
    assert normalize_target("my%20copy.txt", from_link=False).rel == "my%20copy.txt"
    assert normalize_target("%2e%2e/x.txt", from_link=False).rel == "%2e%2e/x.txt"
    assert normalize_target("a#b.txt", from_link=False).rel == "a#b.txt"


# ---------------------------------------------------------------- looks_like_reference


@pytest.mark.parametrize(
    "written", ["https://example.org/001_0123456789abcdef.txt", "mailto:a@b.org", "#notes.txt", "//cdn/x.txt"]
)
def test_external_targets_are_not_references(written):
    assert is_external(written)
    assert not looks_like_reference(written, ("*.txt",), NAME_RE, from_link=True)


def test_a_drive_letter_is_not_a_url_scheme():
    assert not is_external("C:/seeds/a.txt")


@pytest.mark.parametrize(
    "written, expected",
    [
        (DOC, True),  # the name pattern and the include glob
        (f"sub/{DOC}", True),
        ("notes.txt", True),  # the include glob alone
        ("CONTRIBUTING.md", False),  # neither
        ("https://example.org/a.txt", False),
        (f"./{DOC}#top", True),
        ("guide/", False),  # a folder
        ("", False),
    ],
)
def test_links_that_name_a_document(written, expected):
    assert looks_like_reference(written, ("*.txt",), NAME_RE, from_link=True) is expected


def test_the_name_pattern_alone_makes_no_document_but_names_an_unsafe_one():
    # A document is a file the include globs match (discovery's rule); the name pattern only says
    # which documents are well named. An unsafe target has no path to match: its name decides.
    assert not looks_like_reference(DOC, ("*.md",), NAME_RE, from_link=False)
    assert looks_like_reference(f"../{DOC}", ("*.md",), NAME_RE, from_link=False)
    assert not looks_like_reference("notes.txt", ("*.md",), NAME_RE, from_link=False)


def test_an_include_glob_with_a_folder_is_matched_on_the_path():
    assert looks_like_reference("texts/notes.txt", ("texts/*.txt",), NAME_RE, from_link=False)
    assert not looks_like_reference("deep/notes.txt", ("texts/*.txt",), NAME_RE, from_link=False)
    assert not looks_like_reference("deep/notes.md", ("texts/*.txt",), NAME_RE, from_link=False)


def test_link_targets_are_decoded_before_matching_list_words_are_not():
    encoded = "my%20notes.t%78t"  # "my notes.txt"
    assert looks_like_reference(encoded, ("*.txt",), NAME_RE, from_link=True)
    assert not looks_like_reference(encoded, ("*.txt",), NAME_RE, from_link=False)
    assert looks_like_reference("sub\\notes.txt", ("*.txt",), NAME_RE, from_link=False)


def test_a_percent_encoded_nul_in_a_link_is_unsafe_not_a_crash(cli, seeds_factory):
    t = normalize_target("a%00b.txt", from_link=True)
    assert t.rel is None and "NUL" in t.unsafe_reason
    seeds = seeds_factory(
        {"001_aaaaaaaaaaaaaaaa.txt": "A document long enough to check, with words.\n"},
        index="- 001_aaaaaaaaaaaaaaaa.txt\n- [x](a%00.txt)\n",
    )
    r = cli("validate", seeds, "--format", "json")
    assert r.exit_code == 1 and "unsafe-path" in r.stdout and "internal error" not in r.output
