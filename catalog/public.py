"""What the public sees of a publication's body: its paragraphs and tables, personal data masked.

Staff paste lists from a spreadsheet, so a run of lines with tab-separated cells is a table
(the first line its header). A list of persons (a column headed 姓名, 户主 or 申请人, e.g.
a 低保 list) shows each name as surname plus asterisks (rules.md §4, ``lushan_portal.masking``)
and none of its cells shows an ID number, bank card, phone or house number. Anywhere else in
the body the names of that list are masked too, and so are ID and bank-card numbers; the
office's own hotline and address in a paragraph stay, since they are not personal data. A
given name alone is not masked here (unlike an enforcement record about one party): with a
list of thirty names it would garble ordinary words and places, 建设 or 红旗村.

The page, the API, the search index and the search snippets all read ``public_body`` or
``public_blocks``: the stored body keeps what staff entered.
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
