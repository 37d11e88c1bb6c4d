#!/usr/bin/env python3
"""Writes the workbooks of tests/fixtures/workbooks: one FollowerGender table saved by several
XLSX writers (openpyxl, XlsxWriter), each also with the `.bin` -> vbaProject default mapping
that Excel leaves in [Content_Types].xml when a macro workbook is saved as plain .xlsx (no VBA
part in the package), plus XlsxWriter's real macro-enabled workbook (a vbaProject part).

Usage: pip install openpyxl xlsxwriter; python3 scripts/make-workbook-fixtures.py
"""
import io
import pathlib
import zipfile

import openpyxl
import xlsxwriter

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "workbooks"
ROWS = [["Gender", "Distribution"], ["Female", "0.73"], ["Male", "0.23"], ["Other", "0.04"]]
VBA_DEFAULT = b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'


def with_vba_default(data: bytes) -> bytes:
    """The same package, its content types naming vbaProject for .bin parts (none exist)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                body = body.replace(b"<Default ", VBA_DEFAULT + b"<Default ", 1)
            dst.writestr(item, body)
    return out.getvalue()


def openpyxl_book() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for row in ROWS:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def xlsxwriter_book(vba: bool = False) -> bytes:
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True})
    ws = wb.add_worksheet()
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            ws.write(r, c, value)
    if vba:
        # A stand-in VBA project: only its presence matters to the reader.
        vba_path = OUT / "vbaProject.bin.tmp"
        vba_path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
        wb.add_vba_project(str(vba_path))
        wb.close()
        vba_path.unlink()
    else:
        wb.close()
    return out.getvalue()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    books = {
        "openpyxl.xlsx": openpyxl_book(),
        "xlsxwriter.xlsx": xlsxwriter_book(),
    }
    for name, data in list(books.items()):
        books[name.replace(".xlsx", "-vba-default.xlsx")] = with_vba_default(data)
    books["xlsxwriter-macros.xlsm"] = xlsxwriter_book(vba=True)
    for name, data in books.items():
        (OUT / name).write_bytes(data)
        print(name, len(data))


if __name__ == "__main__":
    main()
