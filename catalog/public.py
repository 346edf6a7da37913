"""What the public sees of a publication's body: its paragraphs and tables, personal data masked.

Staff paste lists from a spreadsheet, so a run of lines with tab-separated cells is a table
(the first line its header). A list of persons (a column headed 姓名, 户主 or 申请人, e.g.
a 低保 list) shows each name as surname plus asterisks (rules.md §4, ``lushan_portal.masking``)
and none of its cells shows an ID number, bank card, phone or house number. Anywhere else in
the body the names of that list are masked too, and so are ID and bank-card numbers; the
office's own hotline and address in a paragraph stay, since they are not personal data. A
given name alone is not masked here (unlike an enforcement record about one party): with a
list of thirty names it would garble ordinary words and places, 建设 or 红旗村.

The page, the API and the search index read ``public_body`` or ``public_blocks``; a search
result's snippet reads ``public_region``, the same masking applied to the part of the body
around the first match only (a list of a thousand households is not masked for 120 characters).
The stored body keeps what staff entered.
"""

import re
from dataclasses import dataclass, field

from lushan_portal.masking import (
    HIDDEN,
    KIND_BANK_CARD,
    KIND_GIVEN_NAME,
    KIND_ID_NUMBER,
    KIND_IDENTIFIER,
    KIND_NAME,
    Finding,
    apply,
    describe,
    find_personal_data,
    mask_person_name,
)

CELL_SEPARATOR = "\t"
# A column of persons' names: 姓名, 户主姓名, 申请人, 户主 (not 户主关系).
NAME_HEADER = re.compile(r"姓名|^(?:户主|申请人|救助对象|受助人)$")
# A column whose every cell is an identifier: hidden whole.
IDENTIFIER_HEADER = re.compile(r"身份证|证件号|银行卡|银行账号|卡号|联系电话|手机|家庭住址|住址")
# What a paragraph may not show: a listed person's name, an ID or bank-card number.
PARAGRAPH_KINDS = frozenset([KIND_NAME, KIND_ID_NUMBER, KIND_BANK_CARD, KIND_IDENTIFIER])


@dataclass
class Block:
    """A paragraph (``text``) or a table (``header`` and ``rows`` of cells)."""

    text: str = ""
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    @property
    def is_table(self) -> bool:
        return bool(self.header)


def _is_row(line: str) -> bool:
    return CELL_SEPARATOR in line.strip("\r\n ")


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.rstrip("\r\n").split(CELL_SEPARATOR)]


def body_blocks(body: str) -> list[Block]:
    """Paragraphs (split on blank lines) and tables (two or more tab-separated lines), in order."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    table: list[list[str]] = []

    def flush_paragraph() -> None:
        text = "\n".join(paragraph).strip()
        if text:
            blocks.append(Block(text=text))
        paragraph.clear()

    def flush_table() -> None:
        if len(table) >= 2:
            width = max(len(row) for row in table)
            padded = [row + [""] * (width - len(row)) for row in table]
            blocks.append(Block(header=padded[0], rows=padded[1:]))
        elif table:  # one tabbed line alone is text
            paragraph.append("  ".join(table[0]))
        table.clear()

    for line in (body or "").splitlines():
        if _is_row(line):
            flush_paragraph()
            table.append(_cells(line))
            continue
        flush_table()
        if line.strip():
            paragraph.append(line.rstrip())
        else:
            flush_paragraph()
    flush_table()
    flush_paragraph()
    return blocks


def _columns(header: list[str], pattern: re.Pattern) -> list[int]:
    return [i for i, title in enumerate(header) if pattern.search(title)]


def listed_names(blocks: list[Block]) -> list[str]:
    """Every name in a name column of the body's tables."""
    names = []
    for block in blocks:
        for column in _columns(block.header, NAME_HEADER):
            names += [row[column] for row in block.rows if len(row[column]) >= 2]
    return names


def _paragraph_findings(text: str, names: list[str]) -> list[Finding]:
    return [f for f in find_personal_data(text, names=names) if f.kind in PARAGRAPH_KINDS]


def _person_cell_findings(text: str, names: list[str]) -> list[Finding]:
    return [f for f in find_personal_data(text, names=names) if f.kind != KIND_GIVEN_NAME]


def _public_table(block: Block, names: list[str]) -> Block:
    name_columns = set(_columns(block.header, NAME_HEADER))
    persons = bool(name_columns)
    # In a list of persons a phone or address column is theirs; elsewhere it is an office's.
    hidden_columns = set(_columns(block.header, IDENTIFIER_HEADER)) if persons else set()
    rows = []
    for row in block.rows:
        cells = []
        for i, cell in enumerate(row):
            if i in name_columns:
                cells.append(mask_person_name(cell))
            elif i in hidden_columns and cell:
                cells.append(HIDDEN)
            elif persons:  # a list of persons shows no contact or identifier at all
                cells.append(apply(cell, _person_cell_findings(cell, names)))
            else:
                cells.append(apply(cell, _paragraph_findings(cell, names)))
        rows.append(cells)
    return Block(header=list(block.header), rows=rows)


def public_blocks(body: str) -> list[Block]:
    blocks = body_blocks(body)
    names = listed_names(blocks)
    return [
        _public_table(block, names)
        if block.is_table
        else Block(text=apply(block.text, _paragraph_findings(block.text, names)))
        for block in blocks
    ]


def blocks_text(blocks: list[Block]) -> str:
    """The blocks back as plain text: paragraphs apart, table rows tab-separated."""
    parts = []
    for block in blocks:
        if block.is_table:
            parts.append("\n".join(CELL_SEPARATOR.join(row) for row in [block.header, *block.rows]))
        else:
            parts.append(block.text)
    return "\n\n".join(parts)


def public_body(body: str) -> str:
    """The body as the public may read it (API, search index and snippets)."""
    return blocks_text(public_blocks(body))


def masking_notes(body: str) -> list[str]:
    """For staff before publishing: each value the public will not see, and what it shows instead."""
    blocks = body_blocks(body)
    names = listed_names(blocks)
    notes = []
    for block in blocks:
        if not block.is_table:
            notes += [describe(finding) for finding in _paragraph_findings(block.text, names)]
            continue
        shown = _public_table(block, names)
        for raw_row, shown_row in zip(block.rows, shown.rows, strict=True):
            notes += [
                f"{title}「{raw}」→「{masked}」"
                for title, raw, masked in zip(block.header, raw_row, shown_row, strict=True)
                if raw != masked
            ]
    return notes


# A search snippet masks only the text around its match. What it masks is cut at a sentence end
# or a line break: no ID number, phone, house number or name crosses one, nor do the words a
# phone is recognised by (电话：), so what is masked of a sentence is what masking the whole
# body would mask of it. A table is masked by whole rows, as ``public_blocks`` masks each row.
SENTENCE_END = re.compile(r"[。；！？\n]")
# Characters kept around the snippet before it is cut at sentence ends: more than the snippet's
# lead (a third of it) and than the longest maskable token, so the region always holds the snippet.
REGION_MARGIN = 48
REGION_TRIES = 5  # matches tried before masking the whole body (each earlier one masked away)


@dataclass
class Region:
    """Public text of part of a body, and whether the body goes on before and after it."""

    text: str
    more_before: bool
    more_after: bool


def _block_lines(block: Block) -> list[str]:
    """The block's text as ``blocks_text`` lays it out: a paragraph, or a table's lines."""
    if block.is_table:
        return [CELL_SEPARATOR.join(row) for row in [block.header, *block.rows]]
    return [block.text]


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to sentence ends (or the text's ends)."""
    before = max((m.end() for m in SENTENCE_END.finditer(text, 0, max(start, 0))), default=0)
    after = SENTENCE_END.search(text, min(end, len(text)))
    return before, after.start() if after else len(text)


def public_region(body: str, terms: list[str], length: int) -> Region:
    """Masked public text around the first match of ``terms`` (at least ``length`` characters
    from a third of ``length`` before it), without masking the rest of the body."""
    blocks = body_blocks(body)
    names = listed_names(blocks)
    if any(SENTENCE_END.search(name) for name in names):  # a name across a sentence end: mask it all
        return Region(public_body(body), False, False)
    raw = blocks_text(blocks)
    # The first match may be masked (a listed name holding the word): then the next one.
    occurrences = _matches(raw, terms)
    for first in occurrences[:REGION_TRIES] or [0]:
        margin = REGION_MARGIN
        while True:
            region = _region(blocks, names, len(raw), first - length // 3 - margin, first + length + margin)
            text = " ".join(region.text.split())
            shown = _matches(text, terms)[:1]
            if not shown and occurrences:
                break
            # Masking shortens what it hides ([已隐去] for 18 digits): widen until the snippet fits.
            shown = shown[0] if shown else 0
            lead_fits = shown >= length // 3 or not region.more_before
            if lead_fits and (len(text) - shown >= length or not region.more_after):
                return region
            margin *= 4
    return Region(public_body(body), False, False)


def _matches(text: str, terms: list[str]) -> list[int]:
    """Where the terms occur in ``text``, in order."""
    lowered = text.lower()
    found = set()
    for term in (term.lower() for term in terms if term):
        position = lowered.find(term)
        while position >= 0 and len(found) < 100:
            found.add(position)
            position = lowered.find(term, position + 1)
    return sorted(found)


def _region(blocks: list[Block], names: list[str], total: int, start: int, end: int) -> Region:
    """The public text of the blocks' parts overlapping [start, end) of their raw text."""
    parts: list[str] = []
    offset, shown_from, shown_to = 0, None, 0
    for block in blocks:
        lines = _block_lines(block)
        size = sum(map(len, lines)) + len(lines) - 1
        if offset + size > start and offset < end:
            text, begin, stop = _public_part(block, names, start - offset, end - offset)
            parts.append(text)
            shown_from = offset + begin if shown_from is None else shown_from
            shown_to = offset + stop
        offset += size + 2  # blocks are two line breaks apart
    return Region("\n\n".join(parts), bool(shown_from), shown_to < total)


def _public_part(block: Block, names: list[str], start: int, end: int) -> tuple[str, int, int]:
    """The public text of the block's part overlapping [start, end) (block offsets), and where
    that part begins and ends in the block."""
    if not block.is_table:
        begin, stop = _sentence_span(block.text, start, end)
        text = block.text[begin:stop]
        return apply(text, _paragraph_findings(text, names)), begin, stop
    lines = _block_lines(block)
    first, last, position = None, 0, 0
    for index, line in enumerate(lines):
        if position + len(line) > start and position < end:
            first = index if first is None else first
            last = index
        position += len(line) + 1
    first = 0 if first is None else first
    rows = block.rows[max(first - 1, 0) : last]  # line 0 is the header
    shown = _public_table(Block(header=block.header, rows=rows), names)
    shown_lines = ([CELL_SEPARATOR.join(block.header)] if first == 0 else []) + [
        CELL_SEPARATOR.join(row) for row in shown.rows
    ]
    begin = sum(len(line) + 1 for line in lines[:first])
    stop = sum(len(line) + 1 for line in lines[: last + 1]) - 1
    return "\n".join(shown_lines), begin, stop
