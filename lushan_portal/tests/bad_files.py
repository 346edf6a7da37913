"""Hostile and broken spreadsheets, built in the tests that use them (no binary fixtures)."""

import io
import struct
import zipfile
import zlib
from collections.abc import Callable

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
MIB = 1024 * 1024


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def entries(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rezip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def edit_entry(content: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    files = entries(content)
    files[name] = change(files[name])
    return rezip(files)


def with_dimension(content: bytes, ref: str) -> bytes:
    """The sheet's <dimension> says ``ref`` whatever the sheet holds (as some exporters leave it)."""

    def change(xml: bytes) -> bytes:
        start = xml.index(b"<dimension ref=")
        end = xml.index(b"/>", start)
        return xml[:start] + f'<dimension ref="{ref}"'.encode() + xml[end:]

    return edit_entry(content, SHEET, change)


def with_broken_sheet_xml(content: bytes) -> bytes:
    """The sheet's XML cut off in the middle of its third row."""
    return edit_entry(content, SHEET, lambda xml: xml[: xml.index(b'<row r="3"') + 20])


def deflated_repeat(head: bytes, chunk: bytes, times: int, tail: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of head + chunk × times + tail, built without compressing it all: after a
    full flush the compressor starts afresh, so the chunk's compressed block can be repeated."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    end = compressor.compress(tail) + compressor.flush()
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail, crc)
    return start + block * times + end, crc, len(head) + len(chunk) * times + len(tail)


def zip_with_raw_entry(files: dict[str, bytes], name: str, raw: tuple[bytes, int, int]) -> bytes:
    """A zip of ``files`` where ``name`` holds already-deflated data (data, crc, size)."""
    members = {n: (zlib.compress(d, 9)[2:-4], zlib.crc32(d), len(d)) for n, d in files.items() if n != name}
    members[name] = raw
    body, directory = io.BytesIO(), io.BytesIO()
    for member, (data, crc, size) in members.items():
        encoded = member.encode()
        offset = body.tell()
        body.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0))
        body.write(encoded + data)
        header = (0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0, 0, 0, 0, 0, offset)
        directory.write(struct.pack("<IHHHHHHIIIHHHHHII", *header) + encoded)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), directory.tell(), body.tell(), 0)
    return body.getvalue() + directory.getvalue() + end


SHEET_HEAD = b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_TAIL = b"</sheetData></worksheet>"


def zip_bomb(header: list[str], mebibytes: int = 1024) -> bytes:
    """A valid xlsx whose sheet, after the header row, repeats one small row for ``mebibytes``."""
    base = entries(xlsx([header]))
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    chunk = row * (MIB // len(row))
    raw = deflated_repeat(SHEET_HEAD, chunk, mebibytes, SHEET_TAIL)
    return zip_with_raw_entry(base, SHEET, raw)


def huge_cell(header: list[str], column: int, mebibytes: int = 100) -> bytes:
    """A valid xlsx with one data row whose cell in ``column`` (0-based) holds ``mebibytes`` of text."""
    base = entries(xlsx([header]))
    cells = "".join(f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>' for i, h in enumerate(header))
    letter = chr(65 + column)
    head = SHEET_HEAD + f'<row r="1">{cells}</row><row r="2"><c r="{letter}2" t="inlineStr"><is><t>'.encode()
    raw = deflated_repeat(head, b"x" * MIB, mebibytes, b"</t></is></c></row>" + SHEET_TAIL)
    return zip_with_raw_entry(base, SHEET, raw)
