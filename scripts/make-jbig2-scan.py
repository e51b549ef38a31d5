#!/usr/bin/env python3
"""Writes tests/data/jbig2/jbig2-mmr-scan.pdf: a real JBIG2 image, the
counter-example to the JBIG2 bombs of scripts/make-hostile-pdfs.py.

Scanners and archive tools (Acrobat's "reduce file size", jbig2enc) store
black-and-white pages as JBIG2. This file is one: page 2 of the sample
standard INM2529-002v2 (a ruled table) rendered at 150 dpi in black and
white, coded as an MMR generic region (JBIG2 6.2, the T.6 coding; Debian has
no JBIG2 encoder, and ImageMagick writes raw T.6), after a page-information
segment that declares the image's own size, drawn full-page on a page
without text. docpipe must count it at its size, render it for OCR and read
it, where the bombs are refused.
Needs pdftoppm (poppler-utils) and ImageMagick's convert.
Usage: python3 scripts/make-jbig2-scan.py [OUT_FILE]
"""
import importlib.util
import os
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "tests", "data", "jbig2", "jbig2-mmr-scan.pdf")
SOURCE = os.path.join(ROOT, "samples", "pdf", "INM2529-002v2.pdf")
DPI = 150

spec = importlib.util.spec_from_file_location("hostile", os.path.join(HERE, "make-hostile-pdfs.py"))
hostile = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hostile)


def pbm_size(path):
    """Width and height of a binary PBM (P4) file."""
    fields = []
    with open(path, "rb") as f:
        data = f.read(64)
    for token in data.split(b"\n")[:3]:
        if not token.startswith(b"#"):
            fields += token.split()
    assert fields[0] == b"P4", fields
    return int(fields[1]), int(fields[2])


def mmr_page(width, height, mmr):
    """A page-information segment (7.4.8) for width x height, then an
    immediate lossless generic region (type 39) covering it, MMR-coded."""
    info = struct.pack(">IIIIBH", width, height, DPI * 10000 // 254, DPI * 10000 // 254, 0, 0)
    region = struct.pack(">IIIIB", width, height, 0, 0, 0) + b"\x01" + mmr  # flags: MMR = 1
    return hostile.jbig2_segment(0, 48, info) + hostile.jbig2_segment(1, 39, region)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-mono", "-r", str(DPI), "-f", "2", "-l", "2", "-singlefile", SOURCE,
                        os.path.join(tmp, "page")], check=True)
        pbm = os.path.join(tmp, "page.pbm")
        subprocess.run(["convert", pbm, "group4:" + os.path.join(tmp, "page.g4")], check=True)
        width, height = pbm_size(pbm)
        with open(os.path.join(tmp, "page.g4"), "rb") as f:
            mmr = f.read()
    data = mmr_page(width, height, mmr)
    image = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
             b"/BitsPerComponent 1 /Filter /JBIG2Decode /Length %d >>\nstream\n" % (width, height, len(data)) +
             data + b"\nendstream")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        hostile.stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q\n"),
        image,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
        b"/Resources << /XObject << /Im1 4 0 R >> >> >>",
    ]
    pdf = hostile.build(objects)
    assert len(pdf) < 100 * 1024, len(pdf)
    with open(OUT, "wb") as f:
        f.write(pdf)


if __name__ == "__main__":
    main()
