#!/usr/bin/env python3
"""Writes the committed hostile PDF set (tests/data/hostile/), each < 100 KB.

Small synthetic reproductions of what the public suites (pdf.js, qpdf, pypdf,
pdfminer; see docs/corpus.md) hold: files poppler repairs, files that make a
library hang or allocate without end, PDF syntax without a header. The
expected outcome of each is in docs/corpus.md.
Usage: python3 scripts/make-hostile-pdfs.py [OUT_DIR]
"""
import os
import struct
import sys
import zlib

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "tests", "data", "hostile")
# Where the counter-examples that are no bomb go.
COUNTER = os.path.join(os.path.dirname(__file__), "..", "tests", "data", "jbig2")

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def stream(data, extra=b"", compress=False):
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def build(objects, header=True, eof=True, xref=True, bad_offsets=False):
    """objects: list of bytes, numbered from 1; object 1 is the catalog."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" if header else b"")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    if xref:
        start = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % (off + 7 if bad_offsets else off)
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n" % (len(objects) + 1, start + (3 if bad_offsets else 0))
    if eof:
        out += b"%%EOF\n"
    return bytes(out)


def page_doc(content, extra_page=b"", extra_catalog=b"", more=(), pages=1, font=FONT):
    """Catalog, pages, `pages` pages sharing one content stream, font, more objects."""
    n_more = len(more)
    first_page = 5 + n_more
    kids = b" ".join(b"%d 0 R" % (first_page + k) for k in range(pages))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R" + extra_catalog + b" >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        content,
        font,
    ]
    objs += list(more)
    for _ in range(pages):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
                    b"/Resources << /Font << /F1 4 0 R >> >>" + extra_page + b" >>")
    return objs


HELLO = stream(b"BT /F1 24 Tf 72 720 Td (Hello World) Tj ET")


def jbig2_segment(number, kind, data):
    """An embedded JBIG2 segment: header (1-byte page association, no
    referred-to segments) and data."""
    return struct.pack(">IBBBI", number, kind, 0, 1, len(data)) + data


def jbig2_bomb(width, height, number=0):
    """A page information segment (type 48) declaring width x height: the
    decoder allocates the page bitmap before anything is drawn on it. No
    end-of-page segment: PDF's embedded JBIG2 streams do not carry one."""
    info = struct.pack(">IIIIBH", width, height, 0, 0, 0, 0)
    return jbig2_segment(number, 48, info)


def image_bomb_doc(data, filter_name, images, bits=1, size=100000):
    """A page that draws `images` copies of one size x size image XObject."""
    image = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
             b"/BitsPerComponent %d /Filter %s /Length %d >>\nstream\n" % (size, size, bits, filter_name, len(data)) +
             data + b"\nendstream")
    draw = b"".join(b"q 500 0 0 250 50 %d cm /Im1 Do Q\n" % (50 + 260 * k) for k in range(images))
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        stream(draw),
        image,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
        b"/Resources << /XObject << /Im1 4 0 R >> >> >>",
    ]


def write(name, data):
    assert len(data) < 100 * 1024, (name, len(data))
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    # Repairable: poppler reads them; docpipe must too (with a warning).
    write("no-eof-marker.pdf", build(page_doc(HELLO), eof=False))
    write("no-header.pdf", build(page_doc(HELLO), header=False))
    write("broken-xref-offsets.pdf", build(page_doc(HELLO), bad_offsets=True))
    write("no-xref-table.pdf", build(page_doc(HELLO), xref=False, eof=False))
    # PDF syntax without a header and without pages: a PDF (damaged), never text.
    write("objects-without-header.pdf",
          build([b"<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] >>", b"(Hello World)", b"[1 2 3]"],
                header=False))
    # Glyphs without a Unicode mapping: names /g3 /g4 that poppler reads as
    # the codes 3 and 4 (pdftotext prints U+0003 U+0004). docpipe: U+FFFD and
    # a warning, never a control character.
    write("unmapped-glyphs.pdf",
          build(page_doc(stream(b"BT /F1 24 Tf 72 720 Td (Hello \x03\x04 World) Tj ET"),
                         font=b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                              b"/Encoding << /Differences [3 /g3 4 /g4] >> >>")))
    # Decompression bomb: a 60 MB content stream of one-glyph text operators
    # (about 70 KB compressed), shared by 40 pages. Unbounded, it takes
    # minutes and gigabytes (poppler keeps every glyph of a page).
    bomb = b"BT /F1 1 Tf\n" + b"(a) Tj\n" * (60 * 1024 * 1024 // 7) + b"ET\n"
    write("content-stream-bomb.pdf", build(page_doc(stream(bomb, compress=True), pages=40)))
    # qpdf shared-unnamed-field.pdf, small: an unnamed form field that is its
    # own grandparent (Kids -> Parent loop), reached from the page's widget.
    loop = [
        b"<< /Kids [6 0 R] /Parent 6 0 R /FT /Tx >>",                                  # 5: field
        b"<< /Kids [5 0 R] /Parent 5 0 R /Type /Annot /Subtype /Widget /Rect [0 0 10 10] >>",  # 6
    ]
    write("form-field-loop.pdf",
          build(page_doc(HELLO, extra_page=b" /Annots [6 0 R]", extra_catalog=b" /AcroForm << /Fields [5 0 R] >>",
                         more=loop)))

    # pdf.js bomb_giant.pdf, small: three JBIG2 images that declare 100000 x
    # 100000 pixels (a 1.25 GB page bitmap each) in a few dozen bytes, drawn
    # on a page without text (so `--ocr auto` renders it). pdftotext never
    # decodes them; rendering allocates and clears gigabytes.
    write("image-bomb-jbig2.pdf", build(image_bomb_doc(jbig2_bomb(100000, 100000), b"/JBIG2Decode", 3)))
    # The same page-information segment in an image whose dictionary says
    # 100 x 100: poppler's decoder allocates the page the segment declares.
    write("image-bomb-jbig2-page-info.pdf",
          build(image_bomb_doc(jbig2_bomb(100000, 100000), b"/JBIG2Decode", 1, size=100)))
    # The same, with the page-information segment after 1 MB of an extension
    # segment (type 62, which poppler's decoder skips), Flate-compressed: a
    # walk of the stream's first bytes only would not see the page.
    late = jbig2_segment(0, 62, b"\0" * (1 << 20)) + jbig2_bomb(100000, 100000, number=1)
    write("image-bomb-jbig2-page-info-late.pdf",
          build(image_bomb_doc(zlib.compress(late, 9), b"[/FlateDecode /JBIG2Decode]", 1, size=100)))
    # And after 65 MB: past what is walked without decoding (64 MB of
    # segment data), so the page it may declare cannot be counted.
    longer = jbig2_segment(0, 62, b"\0" * (65 << 20)) + jbig2_bomb(100000, 100000, number=1)
    write("image-bomb-jbig2-too-long.pdf",
          build(image_bomb_doc(zlib.compress(longer, 9), b"[/FlateDecode /JBIG2Decode]", 1, size=100)))
    # And behind an immediate generic region of unknown length (0xffffffff,
    # JBIG2 7.2.7), whose arithmetic-coded data ends with 0xFF 0xAC and a
    # row count: the walk finds that end without decoding.
    region = struct.pack(">IIIIB", 100, 1, 0, 0, 0) + bytes([0x02, 0x03, 0xFF]) + b"\0" * (1 << 20)
    unknown = (jbig2_bomb(100, 100) + struct.pack(">IBBBI", 1, 38, 0, 1, 0xFFFFFFFF) + region +
               b"\xff\xac" + struct.pack(">I", 1) + jbig2_bomb(100000, 100000, number=2))
    write("image-bomb-jbig2-unknown-length.pdf",
          build(image_bomb_doc(zlib.compress(unknown, 9), b"[/FlateDecode /JBIG2Decode]", 1, size=100)))
    # Its counter-example, next to the real JBIG2 scan: the same stream with
    # a second page of the image's own size is counted at that size and drawn.
    benign = unknown.replace(jbig2_bomb(100000, 100000, number=2), jbig2_bomb(100, 100, number=2))
    with open(os.path.join(COUNTER, "jbig2-unknown-length-region.pdf"), "wb") as f:
        f.write(build(image_bomb_doc(zlib.compress(benign, 9), b"[/FlateDecode /JBIG2Decode]", 1, size=100)))
    # The same declared size as a Flate stream of 8-bit gray: 40 KB that
    # inflate to 40 MB, the rest of the 10 G pixels read past its end.
    write("image-bomb-flate.pdf",
          build(image_bomb_doc(zlib.compress(b"\0" * (40 << 20), 9), b"/FlateDecode", 1, bits=8)))
    # qpdf shared-unnamed-field.pdf, small: a widget on the page that is a
    # standalone field (not in an /AcroForm) whose unnamed kids are each
    # other's kids and parents, each also among its own kids. A reader that
    # guards only each path against a repeat walks every simple path: about
    # e * 12! = 1.3 billion fields, memory growing slowly.
    n = 12
    first = 6  # object number of the first kid (5 is the widget)
    kids = b" ".join(b"%d 0 R" % (first + k) for k in range(n))
    cycle = [b"<< /Type /Annot /Subtype /Widget /Rect [0 0 10 10] /FT /Tx /Kids [" + kids + b"] >>"]
    for k in range(n):
        cycle.append(b"<< /Parent %d 0 R /Kids [" % (first + (k + 1) % n) + kids + b"] >>")
    write("form-field-cycles.pdf", build(page_doc(HELLO, extra_page=b" /Annots [5 0 R]", more=cycle)))


if __name__ == "__main__":
    main()
