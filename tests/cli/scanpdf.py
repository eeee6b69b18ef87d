#!/usr/bin/python3
"""Writes a PDF of PAGES pages that hold an image each and no text, as a
scanner makes one: scanpdf.py OUT.pdf PAGES"""
import sys
import zlib

out, pages = sys.argv[1], int(sys.argv[2])
w, h = 60, 85
pixels = zlib.compress(bytes((x * 7 + y * 3) % 256 for y in range(h) for x in range(w)))
objs = []  # bodies, numbered from 1
kids = []
objs.append(None)  # 1: catalog, filled below
objs.append(None)  # 2: pages
for p in range(pages):
    img = len(objs) + 1
    objs.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(pixels))
                + pixels + b"\nendstream")
    draw = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    content = len(objs) + 1
    objs.append(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
    page = len(objs) + 1
    objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /XObject << /Im0 %d 0 R >> >> >>" % (content, img))
    kids.append(page)
objs[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
objs[1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (
    pages, b" ".join(b"%d 0 R" % k for k in kids))
data = bytearray(b"%PDF-1.4\n")
offsets = []
for i, body in enumerate(objs):
    offsets.append(len(data))
    data += b"%d 0 obj\n" % (i + 1) + body + b"\nendobj\n"
xref = len(data)
data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offsets:
    data += b"%010d 00000 n \n" % o
data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(out, "wb").write(data)
