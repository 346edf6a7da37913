"""What the public sees of a comment body: personal data masked (lushan_portal.masking).

The commenter's own name (from the private name field) is masked where the body repeats it,
unless it is a placeholder such as 匿名 or 市民 (masking those would only garble the text) or a
single character (which would mask that character everywhere).
"""

from lushan_portal.masking import Finding, apply, find_personal_data

PLACEHOLDER_NAMES = frozenset(["匿名", "无", "市民", "群众", "居民", "村民", "网友", "不公开", "不愿透露"])


def _names(name: str) -> list[str]:
    name = (name or "").strip()
    return [name] if len(name) >= 2 and name not in PLACEHOLDER_NAMES else []


def comment_findings(body: str, name: str = "") -> list[Finding]:
    return find_personal_data(body, names=_names(name))


def public_comment_body(body: str, name: str = "") -> str:
    return apply(body, comment_findings(body, name))
