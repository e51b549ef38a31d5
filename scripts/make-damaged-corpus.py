#!/usr/bin/env python3
"""Writes a corpus of damaged PDFs made from intact ones, for scripts/corpus.sh.

A stand-in for the public suites' broken files (pdf.js, qpdf, pypdf,
pdfminer; docs/corpus.md), which this machine cannot download: every source
PDF is damaged in the ways those suites' files are damaged, each way a file.
The damage is deterministic (seeded by the source's name), so a run can be
repeated and a finding reproduced from its file name alone.

Each source is used twice: as it is (most producers compress their streams
and keep the cross-reference table in a compressed stream, so only bytes can
be damaged) and, when `qpdf` is installed, rewritten by `qpdf --qdf
--object-streams=disable` (every object and the xref table as plain text),
where dictionaries, objects and the xref table can be damaged as text.

Damage (file name suffix):
  trunc-NN        cut at NN % of the file (10, 50, 90), and trunc-tail: the
                  last 1-64 bytes cut (%%EOF and startxref gone)
  no-eof          the %%EOF line removed
  no-header       the %PDF-x.y line removed
  junk-head       1,000 bytes of junk before the header (within the 1,024
                  the specification allows) and junk-head-big: 5,000
  flip-N          N random bytes (1, 16, 256) replaced, headers kept
  zero-run        a run of 4 KB (or a tenth of the file) set to zero
  dup-chunk       a chunk of the file repeated in place
  startxref       startxref pointing to a wrong offset
  # on the qdf form only:
  xref-shift      every xref offset moved by 7 bytes
  no-xref         the xref table and trailer removed
  no-root         /Root removed from the trailer
  length-N        every stream's /Length off (+N, -N; too long, too short)
  no-endobj       every endobj removed
  kids-cycle      the page tree's first /Kids made to hold its own node
  count-huge      every /Count set to 2147483647
  stream-junk     every stream's data replaced by junk of the same length
  bad-refs        every indirect reference renumbered past the last object

Usage: python3 scripts/make-damaged-corpus.py OUT_DIR SRC [SRC...]
  SRC: PDF files or folders (searched for *.pdf at any depth). Sources over
  4 MB are skipped (a damaged copy of a large file costs minutes, not news).
"""
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

MAX_SOURCE = 4 << 20


def sources(args):
    for arg in args:
        if os.path.isdir(arg):
            for root, _, files in os.walk(arg):
                for name in sorted(files):
                    if name.lower().endswith(".pdf"):
                        yield os.path.join(root, name)
        else:
            yield arg


def header_end(data):
    """Bytes of the %PDF- line (and a binary comment line after it) to keep."""
    start = data.find(b"%PDF-")
    if start < 0:
        return 0
    end = data.find(b"\n", start)
    end = len(data) if end < 0 else end + 1
    if data[end:end + 1] == b"%":
        nxt = data.find(b"\n", end)
        end = end if nxt < 0 else nxt + 1
    return end


def printable_junk(rng, n):
    return bytes(32 + b % 95 for b in rng.randbytes(n))


def byte_damage(data, rng):
    """Damage that needs no PDF syntax: applies to any file."""
    n = len(data)
    keep = header_end(data)
    out = {}
    for pct in (10, 50, 90):
        out["trunc-%d" % pct] = data[: max(keep, n * pct // 100)]
    out["trunc-tail"] = data[: n - rng.randint(1, min(64, max(1, n - keep)))]
    eof = data.rfind(b"%%EOF")
    if eof >= 0:
        out["no-eof"] = data[:eof] + data[eof + 5:]
    start = data.find(b"%PDF-")
    if start >= 0:
        line_end = data.find(b"\n", start)
        out["no-header"] = data[:start] + (data[line_end + 1:] if line_end >= 0 else b"")
    out["junk-head"] = printable_junk(rng, 1000) + b"\n" + data
    out["junk-head-big"] = printable_junk(rng, 5000) + b"\n" + data
    for flips in (1, 16, 256):
        buf = bytearray(data)
        for _ in range(flips):
            if n > keep:
                buf[rng.randrange(keep, n)] = rng.randrange(256)
        out["flip-%d" % flips] = bytes(buf)
    run = min(4096, max(1, n // 10))
    at = rng.randrange(keep, max(keep + 1, n - run))
    out["zero-run"] = data[:at] + b"\0" * run + data[at + run:]
    chunk = min(8192, max(1, n // 5))
    at = rng.randrange(keep, max(keep + 1, n - chunk))
    out["dup-chunk"] = data[: at + chunk] + data[at: at + chunk] + data[at + chunk:]
    m = re.search(rb"startxref\s+(\d+)", data[-2048:])
    if m:
        base = n - len(data[-2048:])
        wrong = str(int(m.group(1)) // 2 + 13).encode()
        out["startxref"] = data[: base + m.start(1)] + wrong + data[base + m.end(1):]
    return out


def syntax_damage(qdf, rng):
    """Damage to objects, dictionaries and the xref table of a qdf-form file."""
    out = {}
    xref = qdf.rfind(b"\nxref\n")
    trailer = qdf.find(b"trailer", xref if xref >= 0 else 0)
    if xref >= 0:
        table = re.sub(rb"(?m)^(\d{10}) (\d{5}) n",
                       lambda m: b"%010d %s n" % (int(m.group(1)) + 7, m.group(2)), qdf[xref:trailer])
        out["xref-shift"] = qdf[:xref] + table + qdf[trailer:]
        out["no-xref"] = qdf[: xref + 1]
    out["no-root"] = re.sub(rb"/Root\s+\d+\s+\d+\s+R", b"", qdf)

    def lengths(delta):
        return re.sub(rb"/Length (\d+)", lambda m: b"/Length %d" % max(0, int(m.group(1)) + delta), qdf)
    out["length-plus"] = lengths(+rng.randint(10, 500))
    out["length-minus"] = lengths(-rng.randint(10, 500))
    out["no-endobj"] = qdf.replace(b"endobj", b"")
    kids = re.search(rb"(\d+) 0 obj\n<<[^>]*?/Kids \[", qdf)
    if kids:
        node = kids.group(1)
        out["kids-cycle"] = qdf[: kids.end()] + node + b" 0 R " + qdf[kids.end():]
    out["count-huge"] = re.sub(rb"/Count \d+", b"/Count 2147483647", qdf)

    def junk_stream(m):
        return m.group(1) + rng.randbytes(len(m.group(2))) + m.group(3)
    out["stream-junk"] = re.sub(rb"(stream\n)(.*?)(\nendstream)", junk_stream, qdf, flags=re.S)
    objects = len(re.findall(rb"(?m)^\d+ 0 obj", qdf))
    out["bad-refs"] = re.sub(rb"(?<![\d.])(\d+) 0 R", lambda m: b"%d 0 R" % (int(m.group(1)) + objects + 1000), qdf)
    return out


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    out_dir = argv[1]
    os.makedirs(out_dir, exist_ok=True)
    qpdf = shutil.which("qpdf")
    written = skipped = 0
    for src in sources(argv[2:]):
        data = open(src, "rb").read()
        if len(data) > MAX_SOURCE:
            skipped += 1
            continue
        stem = re.sub(r"[^A-Za-z0-9_.-]", "_", os.path.splitext(os.path.basename(src))[0])
        stem += "-" + hashlib.sha1(src.encode()).hexdigest()[:6]
        rng = random.Random(stem)
        files = {"raw-" + k: v for k, v in byte_damage(data, rng).items()}
        if qpdf:
            with tempfile.TemporaryDirectory() as tmp:
                qdf_path = os.path.join(tmp, "q.pdf")
                done = subprocess.run([qpdf, "--qdf", "--object-streams=disable", src, qdf_path],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                # qpdf exits 3 after warnings (it repaired), with the file written.
                if done.returncode in (0, 3) and os.path.exists(qdf_path):
                    qdf = open(qdf_path, "rb").read()
                    files.update({"qdf-" + k: v for k, v in syntax_damage(qdf, rng).items()})
        for kind, body in sorted(files.items()):
            with open(os.path.join(out_dir, "%s.%s.pdf" % (stem, kind)), "wb") as f:
                f.write(body)
            written += 1
    print("make-damaged-corpus: %d files in %s (%d sources over 4 MB skipped)" % (written, out_dir, skipped))


if __name__ == "__main__":
    main(sys.argv)
