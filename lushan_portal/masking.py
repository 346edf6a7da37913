"""Masking of personal data in every public output (rules.md §4). The one place it happens.

Natural persons, and the person behind a 个体工商户: no ID number, address, phone or bank
account; the name as surname plus asterisks. Free text is scrubbed too, whoever the party:

- the party's own name, and its given name alone when that has two or more characters (a
  one-character given name such as 伟 or 明 occurs in ordinary words, 伟大 and 明确, and
  alone it identifies nobody once the full name is masked);
- the party's own ID number as stored, whatever its shape;
- numbers shaped like an ID number (15 or 18 digits with a plausible birth date), a bank card
  (16–19 digits), a mobile (11 digits, optionally +86) or a landline (0 and an area code,
  10–12 digits; or 7–8 digits right after 电话/手机/座机), written together or in groups
  separated by one space or dash used consistently (4104 2319 8807 1500 33, 138-0013-8000);
- a house number after a road, street, village or estate name (幸福路88号3栋2单元): the
  road stays so that the place remains understandable, the number and the rest go.

Full-width digits, dashes and spaces count like ASCII ones (NFKC, character by character, so
that the public text keeps its own punctuation). Dates (2026-01-15), 文号 (鲁政〔2026〕12号),
amounts (5000元), article numbers (第二十三条) and codes that start with letters are kept.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

# Two-character surnames (复姓) that keep both characters.
COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "令狐",
        "端木",
        "轩辕",
        "西门",
        "南宫",
        "独孤",
        "呼延",
        "申屠",
        "闻人",
        "万俟",
        "澹台",
        "公冶",
        "宗政",
        "濮阳",
        "太叔",
        "仲孙",
        "钟离",
        "拓跋",
        "百里",
        "东郭",
        "第五",
    ]
)
MASK = "*"
HIDDEN = "[已隐去]"
MIN_GIVEN_NAME = 2  # shorter given names are not masked alone (see the module docstring)

KIND_NAME = "姓名"
KIND_GIVEN_NAME = "名字"
KIND_IDENTIFIER = "证件号码"
KIND_ID_NUMBER = "身份证号"
KIND_BANK_CARD = "银行卡号"
KIND_MOBILE = "手机号"
KIND_LANDLINE = "固定电话"
KIND_ADDRESS = "门牌号"

# Where NFKC folds what the patterns read: Latin-1 and typographic spaces, Kangxi radicals
# (⼀ → 一), the ideographic space and the full-width forms (１, Ｘ, －).
FOLDED_CODES = [*range(0xA0, 0x100), *range(0x2000, 0x2070), *range(0x2F00, 0x2FE0), 0x3000, *range(0xFF00, 0xFFF0)]
DASHES = "‐‑‒–—―−"  # read as "-", besides what NFKC already folds (－)
# Runs of digits in groups: one space or dash between groups, an ID's final X allowed.
DIGIT_RUN = re.compile(r"(?<![0-9A-Za-z])[0-9]+(?:[ \-][0-9]+)*[Xx]?(?![0-9A-Za-z])")
GROUP = re.compile(r"[0-9]+[Xx]?")
MIN_DIGITS = 7  # shorter runs are ordinary numbers: years, amounts, article and document numbers
MOBILE_DIGITS = re.compile(r"(?:86)?1[3-9][0-9]{9}")
LANDLINE_DIGITS = re.compile(r"0[1-9][0-9]{8,10}")
PAREN_LANDLINE = re.compile(r"\(0[1-9][0-9]{1,2}\)[ \-]?[0-9]{7,8}(?![0-9])")
PHONE_WORD = re.compile(r"(?:电话|手机|座机|联系方式|tel)[:： ]*$", re.IGNORECASE)
ADDRESS = re.compile(
    r"(?:路|街|大道|巷|弄|胡同|村|屯|庄|小区|花园|公寓|社区|苑)"
    r"((?:[0-9一二三四五六七八九十百零〇]+(?:-[0-9]+)?(?:号院|号楼|号|栋|幢|座|单元|层|楼|室|户)-?)+)"
)


@dataclass(frozen=True)
class Finding:
    """Something that looks like personal data: where, what it is, and what the public sees."""

    start: int
    end: int
    kind: str
    text: str
    masked: str


def mask_person_name(name: str) -> str:
    """张三 → 张*, 张三丰 → 张**, 欧阳锋 → 欧阳*."""
    name = name.strip()
    if not name:
        return ""
    surname = name[:2] if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else name[:1]
    return surname + MASK * max(len(name) - len(surname), 1)


def given_name(name: str) -> str:
    """The name after the surname: 张三丰 → 三丰, 欧阳锋华 → 锋华."""
    name = name.strip()
    return name[len(mask_person_name(name).rstrip(MASK)) :]


def _fold_table() -> dict[int, str]:
    """Each character whose NFKC form is one other character (全角 digits, letters, spaces, －)."""
    table = {ord(dash): "-" for dash in DASHES}
    for code in FOLDED_CODES:
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1 and folded != chr(code):
            table.setdefault(code, folded)
    return table


FOLD = _fold_table()


def normalise(text: str) -> str:
    """NFKC character by character (full-width digits, X, dashes, spaces): same length, same positions."""
    return text.translate(FOLD)


def _plausible_birth(digits: str) -> bool:
    try:
        date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return False
    return 1900 <= int(digits[:4]) <= 2100


def _number_kind(digits: str) -> str:
    """What a run of digits (separators removed) looks like, or '' for an ordinary number."""
    n = len(digits)
    if n == 18 and digits[:17].isdigit() and _plausible_birth(digits[6:14]):
        return KIND_ID_NUMBER
    if n == 15 and digits.isdigit() and _plausible_birth("19" + digits[6:12]):
        return KIND_ID_NUMBER
    if 16 <= n <= 19 and digits.isdigit():
        return KIND_BANK_CARD
    if MOBILE_DIGITS.fullmatch(digits):
        return KIND_MOBILE
    if LANDLINE_DIGITS.fullmatch(digits):
        return KIND_LANDLINE
    return ""


def _groups(run: re.Match) -> list[tuple[int, int, str]]:
    """(start, end, separator before) of each group of a digit run."""
    matches = GROUP.finditer(run.string, run.start(), run.end())
    return [(m.start(), m.end(), run.string[m.start() - 1] if i else "") for i, m in enumerate(matches)]


def _numbers(text: str) -> Iterable[tuple[int, int, str]]:
    """Spans of identifier-shaped numbers: the longest consistently separated groups that qualify."""
    for run in DIGIT_RUN.finditer(text):
        if run.end() - run.start() < MIN_DIGITS:
            continue
        groups = _groups(run)
        i = 0
        while i < len(groups):
            for j in range(len(groups) - 1, i - 1, -1):
                separators = {g[2] for g in groups[i + 1 : j + 1]}
                if len(separators) > 1:
                    continue
                digits = "".join(text[g[0] : g[1]] for g in groups[i : j + 1]).upper()
                kind = _number_kind(digits)
                before = text[max(0, groups[i][0] - 8) : groups[i][0]]
                if not kind and MIN_DIGITS <= len(digits) <= 12 and PHONE_WORD.search(before):
                    kind = KIND_LANDLINE
                if kind:
                    plus = kind == KIND_MOBILE and text[groups[i][0] - 1 : groups[i][0]] == "+"
                    yield groups[i][0] - plus, groups[j][1], kind
                    i = j
                    break
            i += 1
    for match in PAREN_LANDLINE.finditer(text):
        yield match.start(), match.end(), KIND_LANDLINE


def _occurrences(text: str, needle: str) -> Iterable[tuple[int, int]]:
    start = text.find(needle)
    while needle and start >= 0:
        yield start, start + len(needle)
        start = text.find(needle, start + len(needle))


def find_personal_data(text: str, *, names: Iterable[str] = (), identifiers: Iterable[str] = ()) -> list[Finding]:
    """Everything in ``text`` that will be masked, in reading order; no two findings overlap."""
    if not text:
        return []
    plain = normalise(text)
    names = sorted({normalise(n.strip()) for n in names if n and n.strip()}, key=len, reverse=True)
    candidates: list[tuple[int, int, str, str]] = []
    for name in names:
        candidates += [(s, e, KIND_NAME, mask_person_name(name)) for s, e in _occurrences(plain, name)]
    for identifier in identifiers:
        identifier = normalise(identifier.strip()) if identifier else ""
        if len(identifier) >= 6:
            candidates += [(s, e, KIND_IDENTIFIER, HIDDEN) for s, e in _occurrences(plain, identifier)]
    candidates += [(s, e, kind, HIDDEN) for s, e, kind in _numbers(plain)]
    for name in names:
        given = given_name(name)
        if len(given) >= MIN_GIVEN_NAME:
            candidates += [(s, e, KIND_GIVEN_NAME, MASK * len(given)) for s, e in _occurrences(plain, given)]
    candidates += [(m.start(1), m.end(1), KIND_ADDRESS, HIDDEN) for m in ADDRESS.finditer(plain)]
    taken: list[Finding] = []
    for start, end, kind, masked in candidates:  # earlier kinds win an overlap
        if all(end <= f.start or start >= f.end for f in taken):
            taken.append(Finding(start, end, kind, text[start:end], masked))
    return sorted(taken, key=lambda f: f.start)


def apply(text: str, findings: list[Finding]) -> str:
    for finding in reversed(findings):
        text = text[: finding.start] + finding.masked + text[finding.end :]
    return text


def scrub_text(text: str, *, names: Iterable[str] = (), identifiers: Iterable[str] = ()) -> str:
    """Free text as the public sees it: every finding replaced by its masked form."""
    return apply(text, find_personal_data(text, names=names, identifiers=identifiers))


MASKING_WARNING = "以下内容像是个人信息，公开时将隐去（原文→公开显示）：%(items)s"


def describe(finding: Finding, where: str = "") -> str:
    """违法事实：身份证号「4104 2319 …」→「[已隐去]」, for a warning to staff."""
    return f"{where + '：' if where else ''}{finding.kind}「{finding.text}」→「{finding.masked}」"


def finding_kinds(findings: Iterable[Finding]) -> str:
    """身份证号、手机号: what will be masked, without quoting it (for readers who see it masked)."""
    return "、".join(dict.fromkeys(finding.kind for finding in findings))


def masking_warning(items: Iterable[str]) -> str:
    """The warning staff see before publishing text that still carries personal data; '' if none."""
    items = list(items)
    return MASKING_WARNING % {"items": "；".join(items)} if items else ""
