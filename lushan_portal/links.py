"""Links to records' pages without a reverse() per row.

A list of 20 decisions, the home page's newest lists and the unit grid each asked Django's
resolver for every row's link: about a hundred reverse() calls per page (issue 14). A record's
URL is its pattern's fixed text around one argument, so ``record_url`` reverses each pattern
once per process (per URL configuration and script prefix) with a placeholder and then only
joins strings, quoting the argument as ``reverse()`` does; lushan_portal/tests/test_links.py
compares the two.
"""

from urllib.parse import quote

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

# Digits: matches the int, slug, str and path converters alike.
PLACEHOLDER = "9081726354"
# What reverse() leaves unquoted in an argument (django.urls.resolvers: RFC 3986 sub-delims and "/~:@").
SAFE = "!$&'()*+,;=/~:@"

_patterns: dict[tuple[str, str, str], tuple[str, str]] = {}


def _pattern(name: str) -> tuple[str, str]:
    key = (str(get_urlconf() or settings.ROOT_URLCONF), get_script_prefix(), name)
    parts = _patterns.get(key)
    if parts is None:
        url = reverse(name, args=[PLACEHOLDER])
        if url.count(PLACEHOLDER) != 1:
            raise ValueError(f"URL pattern {name!r} does not take one argument")
        prefix, _placeholder, suffix = url.partition(PLACEHOLDER)
        parts = _patterns[key] = (prefix, suffix)
    return parts


def record_url(name: str, argument: object) -> str:
    """``reverse(name, args=[argument])`` for a pattern with one argument (a pk or a code)."""
    prefix, suffix = _pattern(name)
    return f"{prefix}{quote(str(argument), safe=SAFE)}{suffix}"
