"""The PDF's bytes made reproducible: what Chromium writes differently on each printing, fixed.

Plain Python: scripts/make_pdf.py calls it on the printed PDF when SOURCE_DATE_EPOCH is set.
Chromium writes the wall clock as /CreationDate and /ModDate, and numbers the tagged structure's
ids (node00000782) from a counter that differs between runs; there is no document /ID.
"""

from __future__ import annotations

import datetime
import re

PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \((D:\d{14}\+00'00')\)")
NODE_ID = re.compile(rb"\(node(\d{8})\)")


def reproducible(pdf: bytes, epoch: int) -> bytes:
    """The PDF with its creation and modification dates set to epoch (UTC) and its structure ids
    counted from 0, rewritten in place at the same length, so that the cross-reference offsets
    stay right. Chromium writes the dates in UTC (it runs with TZ=UTC)."""
    moment = datetime.datetime.fromtimestamp(epoch, datetime.UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
    fixed, count = PDF_DATE.subn(lambda match: b"/%s (%s)" % (match.group(1), moment.encode()), pdf)
    if count != 2:
        raise ValueError(f"expected a /CreationDate and a /ModDate in Chromium's PDF, found {count}")
    # The structure ids, from 0: order kept (the /IDTree's keys stay sorted), length kept.
    first = min((int(number) for number in NODE_ID.findall(fixed)), default=0)
    return NODE_ID.sub(lambda match: b"(node%08d)" % (int(match.group(1)) - first), fixed)
