"""docs/favicon.ico: the site's shield (docs/assets/favicon.svg) as a 32x32 icon, in pure Python.

    python3 scripts/favicon_ico.py docs/favicon.ico

Every page names its icon (assets/favicon.svg), so browsers never ask for /favicon.ico, except
on the dated edition of 27 November 2026, which names none and whose bytes are frozen: a
browser then asks the host for /favicon.ico. The build copies this file to the site's root,
which answers that request wherever the site is served at a host's root (make serve, a domain
of its own); a site served under a path (user.github.io/repo/) cannot answer it. Editions cut
since carry their icon inside (explainer/editions.py icon_link).
"""

import struct
import sys
import zlib
from pathlib import Path


def curve(p0, p1, p2, p3, n=12):
    pts = []
    for i in range(1, n + 1):
        t = i / n
        pts.append(
            tuple(
                (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t**2 * c + t**3 * d
                for a, b, c, d in zip(p0, p1, p2, p3)
            )
        )
    return pts


# Outer: M21 11 c0 5.55-3.84 10.74-9 12 -5.16-1.26-9-6.45-9-12 V5 l9-4 9 4 z
outer = [
    (21, 11),
    *curve((21, 11), (21, 16.55), (17.16, 21.74), (12, 23)),
    *curve((12, 23), (6.84, 21.74), (3, 16.55), (3, 11)),
    (3, 5),
    (12, 1),
    (21, 5),
]
# Hole: m-9 10 (from 21,11 -> 12,21) c3.75-1 7-5.46 7-9.78 V6.3 l-7-3.12 z
hole = [(12, 21), *curve((12, 21), (15.75, 20), (19, 15.54), (19, 11.22)), (19, 6.3), (12, 3.18)]


def inside(poly, x, y):
    c = False
    for (x1, y1), (x2, y2) in zip(poly, poly[1:] + poly[:1]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            c = not c
    return c


SIZE, SS = 32, 4
rows = []
for py in range(SIZE):
    row = b"\x00"
    for px in range(SIZE):
        hits = 0
        for sy in range(SS):
            for sx in range(SS):
                x = (px + (sx + 0.5) / SS) * 24 / SIZE
                y = (py + (sy + 0.5) / SS) * 24 / SIZE
                hits += inside(outer, x, y) and not inside(hole, x, y)
        row += bytes((0x39, 0x49, 0xAB, round(255 * hits / SS / SS)))
    rows.append(row)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


png = (
    b"\x89PNG\r\n\x1a\n"
    + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
    + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
    + chunk(b"IEND", b"")
)
ico = struct.pack("<HHH", 0, 1, 1) + struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(png), 22) + png
Path(sys.argv[1]).write_bytes(ico)
