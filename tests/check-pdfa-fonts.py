#!/usr/bin/env python3
# Checks the fonts of a protocol PDF against the PDF/A-2b font rules a validator would apply and
# test-pdfa.c cannot see (it reads dictionaries, not font programs): writes a protocol with the
# CLI from a meeting JSON, then reads each embedded TrueType program through qpdf.
#   6.2.11.3.2  every TrueType CIDFont has a CIDToGIDMap
#   6.2.11.5    /Widths agree with the font program's advances within 1/1000 em
#   6.2.11.6    non-symbolic TrueType: WinAnsi/MacRoman, no Differences, a non-(3,0) cmap subtable
#   6.2.11.8    no shown character code falls on .notdef (simple fonts: code -> cmap -> glyph;
#               CIDFonts: CID 0)
# Usage: check-pdfa-fonts.py CLI MEETING.json
import json
import os
import re
import struct
import subprocess
import sys
import tempfile


def run(*args):
    return subprocess.run(args, check=True, capture_output=True).stdout


def main():
    cli, meeting_json = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as work:
        db = os.path.join(work, "fonts.db")
        pdf = os.path.join(work, "protokoll.pdf")
        meeting_id = run(cli, "--db", db, "import-json", meeting_json).decode().strip()
        run(cli, "--db", db, "export-pdf", meeting_id, "--out", pdf, "--protocol")
        problems, counts = check(pdf)
    for line in problems:
        print("FAIL:", line)
    print("checked: %(widths)d widths, %(simple)d codes in simple fonts, %(cid)d in CIDFonts, %(fonts)d fonts"
          % counts)
    if counts["simple"] == 0 or counts["fonts"] == 0:
        print("FAIL: nothing was checked")
        return 1
    return 1 if problems else 0


def check(pdf):
    objects = json.loads(run("qpdf", "--json", "--json-key=qpdf", pdf))["qpdf"][1]

    def dict_of(ref):
        entry = objects["obj:" + ref]
        return entry["value"] if "value" in entry else entry["stream"]["dict"]

    def resolve(value):
        return dict_of(value) if isinstance(value, str) else value

    def stream_data(ref):
        return run("qpdf", "--show-object=" + ref.split()[0], "--filtered-stream-data", pdf)

    problems = []
    counts = {"widths": 0, "simple": 0, "cid": 0, "fonts": 0}
    pages = [dict_of(key[4:]) for key, entry in objects.items()
             if isinstance(entry.get("value"), dict) and entry["value"].get("/Type") == "/Page"]
    fonts = {}
    for page in pages:
        for name, ref in resolve(resolve(page["/Resources"]).get("/Font", {})).items():
            fonts[name] = ref

    glyph_maps = {}
    cid_fonts = set()
    for name, ref in fonts.items():
        font = dict_of(ref)
        counts["fonts"] += 1
        if font.get("/Subtype") == "/Type0":
            cid_fonts.add(name)
            for descendant in font["/DescendantFonts"]:
                cid = resolve(descendant)
                if cid.get("/Subtype") == "/CIDFontType2" and "/CIDToGIDMap" not in cid:
                    problems.append("%s: CIDFontType2 without CIDToGIDMap" % name)
            continue
        if font.get("/Subtype") != "/TrueType":
            problems.append("%s: unexpected font type %s" % (name, font.get("/Subtype")))
            continue
        descriptor = dict_of(font["/FontDescriptor"])
        if "/FontFile2" not in descriptor:
            problems.append("%s: font program not embedded" % name)
            continue
        symbolic = bool(descriptor["/Flags"] & 4)
        encoding = font.get("/Encoding")
        if symbolic:
            problems.append("%s: symbolic TrueType (the checks below assume non-symbolic)" % name)
            continue
        if encoding not in ("/WinAnsiEncoding", "/MacRomanEncoding"):
            problems.append("%s: non-symbolic TrueType with encoding %r" % (name, encoding))
            continue
        program = stream_data(descriptor["/FontFile2"])
        tables = sfnt_tables(program)
        subtables = cmap_subtables(program, tables)
        if not subtables or (subtables == [(3, 0)]):
            problems.append("%s: no non-symbolic cmap subtable: %r" % (name, subtables))
        glyphs = cmap_3_1(program, tables)
        codec = "cp1252" if encoding == "/WinAnsiEncoding" else "mac_roman"
        units = struct.unpack(">H", program[tables["head"][0] + 18:tables["head"][0] + 20])[0]
        n_metrics = struct.unpack(">H", program[tables["hhea"][0] + 34:tables["hhea"][0] + 36])[0]
        hmtx = tables["hmtx"][0]
        for i, width in enumerate(font["/Widths"]):
            glyph = glyphs.get(to_unicode(font["/FirstChar"] + i, codec))
            if not glyph:
                continue
            at = hmtx + 4 * min(glyph, n_metrics - 1)
            advance = struct.unpack(">H", program[at:at + 2])[0] * 1000 / units
            counts["widths"] += 1
            if abs(advance - width) > 1:
                problems.append("%s: width of code %d is %s, the font program says %.2f"
                                % (name, font["/FirstChar"] + i, width, advance))
        glyph_maps[name] = (glyphs, codec)

    # What is shown: strings after a Tf of each font in the page contents (property lists of
    # marked content, which hold ActualText strings, are left out).
    for page in pages:
        contents = page["/Contents"]
        contents = contents if isinstance(contents, list) else [contents]
        text = "".join(stream_data(ref).decode("latin-1") for ref in contents)
        text = re.sub(r"<<.*?>>", " ", text, flags=re.S)
        current = None
        for token in re.finditer(r"(/[\w\-+.]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F\s]*)>|\(((?:[^()\\]|\\.)*)\)", text):
            if token.group(1):
                current = token.group(1)
            elif current in cid_fonts and token.group(2) is not None:
                digits = re.sub(r"\s", "", token.group(2))
                for i in range(0, len(digits), 4):
                    counts["cid"] += 1
                    if int(digits[i:i + 4], 16) == 0:
                        problems.append("%s: CID 0 (.notdef) shown" % current)
            elif current in glyph_maps:
                glyphs, codec = glyph_maps[current]
                codes = (bytes.fromhex(re.sub(r"\s", "", token.group(2))) if token.group(2) is not None
                         else literal_bytes(token.group(3)))
                for code in codes:
                    counts["simple"] += 1
                    if not glyphs.get(to_unicode(code, codec)):
                        problems.append("%s: code %d shows .notdef" % (current, code))
    return problems, counts


def to_unicode(code, codec):
    try:
        return ord(bytes([code]).decode(codec))
    except (UnicodeDecodeError, ValueError):
        return None


def literal_bytes(text):
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 1
            octal = re.match(r"[0-7]{1,3}", text[i:])
            if octal:
                out.append(int(octal.group(0), 8) & 0xFF)
                i += len(octal.group(0))
                continue
            out.append({"n": 10, "r": 13, "t": 9, "b": 8, "f": 12}.get(text[i], ord(text[i])))
        else:
            out.append(ord(c))
        i += 1
    return out


def sfnt_tables(program):
    count = struct.unpack(">H", program[4:6])[0]
    tables = {}
    for i in range(count):
        tag, _, offset, length = struct.unpack(">4sIII", program[12 + 16 * i:28 + 16 * i])
        tables[tag.decode("latin-1")] = (offset, length)
    return tables


def cmap_subtables(program, tables):
    if "cmap" not in tables:
        return []
    offset = tables["cmap"][0]
    count = struct.unpack(">H", program[offset + 2:offset + 4])[0]
    return [struct.unpack(">HH", program[offset + 4 + 8 * i:offset + 8 + 8 * i]) for i in range(count)]


def cmap_3_1(program, tables):
    """Unicode -> glyph from the (3,1) format 4 subtable."""
    glyphs = {}
    if "cmap" not in tables:
        return glyphs
    offset = tables["cmap"][0]
    count = struct.unpack(">H", program[offset + 2:offset + 4])[0]
    for i in range(count):
        platform, encoding, sub = struct.unpack(">HHI", program[offset + 4 + 8 * i:offset + 12 + 8 * i])
        start_of = offset + sub
        if (platform, encoding) != (3, 1) or struct.unpack(">H", program[start_of:start_of + 2])[0] != 4:
            continue
        segments2 = struct.unpack(">H", program[start_of + 6:start_of + 8])[0]
        n = segments2 // 2
        ends = struct.unpack(">%dH" % n, program[start_of + 14:start_of + 14 + segments2])
        starts = struct.unpack(">%dH" % n, program[start_of + 16 + segments2:start_of + 16 + 2 * segments2])
        deltas = struct.unpack(">%dh" % n, program[start_of + 16 + 2 * segments2:start_of + 16 + 3 * segments2])
        range_at = start_of + 16 + 3 * segments2
        ranges = struct.unpack(">%dH" % n, program[range_at:range_at + segments2])
        for k in range(n):
            for char in range(starts[k], ends[k] + 1):
                if char == 0xFFFF:
                    continue
                if ranges[k] == 0:
                    glyph = (char + deltas[k]) & 0xFFFF
                else:
                    at = range_at + 2 * k + ranges[k] + 2 * (char - starts[k])
                    glyph = struct.unpack(">H", program[at:at + 2])[0]
                    glyph = (glyph + deltas[k]) & 0xFFFF if glyph else 0
                glyphs[char] = glyph
    return glyphs


if __name__ == "__main__":
    sys.exit(main())
