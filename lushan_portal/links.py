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

# Digits (and an index after them): match the int, slug, str and path converters alike.
PLACEHOLDER = "9081726354"
# What reverse() leaves unquoted in an argument (django.urls.resolvers: RFC 3986 sub-delims and "/~:@").
SAFE = "!$&'()*+,;=/~:@"

_patterns: dict[tuple[str, str, str, int], list[str]] = {}


def _pattern(name: str, count: int) -> list[str]:
    """The pattern's fixed text around its ``count`` arguments: count + 1 strings."""
    key = (str(get_urlconf() or settings.ROOT_URLCONF), get_script_prefix(), name, count)
    parts = _patterns.get(key)
    if parts is None:
        placeholders = [f"{PLACEHOLDER}{index}" for index in range(count)]
        rest = reverse(name, args=placeholders)
        parts = []
        for placeholder in placeholders:
            if rest.count(placeholder) != 1:
                raise ValueError(f"URL pattern {name!r} does not show each argument once")
            before, _placeholder, rest = rest.partition(placeholder)
            parts.append(before)
        parts.append(rest)
        _patterns[key] = parts
    return parts


def record_url(name: str, *arguments: object) -> str:
    """``reverse(name, args=arguments)``: a record's page by its pk or code(s)."""
    parts = _pattern(name, len(arguments))
    quoted = [quote(str(argument), safe=SAFE) for argument in arguments]
    return "".join(part + value for part, value in zip(parts, [*quoted, ""], strict=True))
