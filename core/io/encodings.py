"""Files as people have them: the encoding of a text file, and what a file really is.

Excel in China saves CSV as GB18030 (GBK); others save UTF-8, with or without a BOM. A file
given with the wrong extension (a workbook named `.json`, a ZIP of the schools' files) is
recognised by its first bytes, so the error can name the right command.
"""

from __future__ import annotations

from pathlib import Path

UTF8_BOM = b"\xef\xbb\xbf"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old .xls format


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read as: UTF-8 (a BOM is dropped), else
    GB18030 (a superset of GBK and GB2312, which Excel in China writes)."""
    if data.startswith(UTF8_BOM):
        return data[3:].decode("utf-8"), "UTF-8 (BOM)"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("gb18030"), "GB18030"


def looks_gbk(data: bytes) -> bool:
    """Not UTF-8, but reads as GB18030 with Chinese in it: a JSON file saved as GBK."""
    try:
        data.decode("utf-8")
        return False
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def sniff(path: Path) -> str:
    """What the file is by its first bytes: 'xlsx' (a ZIP holding a workbook), 'zip', 'xls' or ''."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError:
        return ""
    if head.startswith(OLE_MAGIC):
        return "xls"
    if not head.startswith(ZIP_MAGIC):
        return ""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            return "xlsx" if "xl/workbook.xml" in z.namelist() else "zip"
    except zipfile.BadZipFile:
        return "zip"
