"""The PDF is byte-identical between printings with the same SOURCE_DATE_EPOCH (probe case 6.28):
Chromium's wall-clock dates and run-dependent structure ids are rewritten (scripts/make_pdf.py)."""

import os
import subprocess
import sys

import pytest
from conftest import FIXED_EPOCH, ROOT

from explainer.downloads import KO_PDF_NAME
from explainer.pdf_bytes import reproducible

CHROMIUM_PDF = (
    b"%PDF-1.4\n1 0 obj\n<</StructTreeRoot 2 0 R>>\nendobj\n2 0 obj\n<</IDTree <</Names "
    b"[(node00000782) 3 0 R (node00000790) 4 0 R]>>>>\nendobj\n3 0 obj\n<</Headers [(node00000790)]"
    b"\n/ID (node00000782)>>\nendobj\n4 0 obj\n<</CreationDate (D:20261207035720+00'00')\n"
    b"/ModDate (D:20261207035720+00'00')>>\nendobj\n"
)


@pytest.mark.unit
def test_dates_from_the_epoch_and_ids_from_zero_same_length():
    fixed = reproducible(CHROMIUM_PDF, 1795000000)
    assert len(fixed) == len(CHROMIUM_PDF)
    assert fixed.count(b"(D:20261118110640+00'00')") == 2
    assert b"[(node00000000) 3 0 R (node00000008) 4 0 R]" in fixed  # order and gaps kept
    assert b"[(node00000008)]\n/ID (node00000000)" in fixed
    # A later printing: another wall clock, ids counted from elsewhere; the same bytes after.
    later = CHROMIUM_PDF.replace(b"035720", b"104455").replace(b"0782", b"0911").replace(b"0790", b"0919")
    assert reproducible(later, 1795000000) == fixed


@pytest.mark.browser
def test_two_printings_are_byte_identical(site, chromium, tmp_path):
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH}
    outputs = [tmp_path / "first" / "e.pdf", tmp_path / "second" / "e.pdf"]
    for output in outputs:
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "make_pdf.py"), str(site), str(output)],
            env=env,
            check=True,
            capture_output=True,
        )
    first, second = (output.read_bytes() for output in outputs)
    assert first == second, "two printings of the same site differ"
    # The Korean edition's PDF, printed by the same runs into ko/ beside each.
    korean = [(output.parent / "ko" / KO_PDF_NAME).read_bytes() for output in outputs]
    assert korean[0] == korean[1], "two printings of the Korean edition differ"
    assert b"/CreationDate (D:20261118110640+00'00')" in first  # 1795000000, not the wall clock
