"""The names of the site's downloads, in one place: the hooks that write them, the
templates that link them (through config.extra) and the scripts that print the PDF."""

from collections.abc import Mapping

from .build_inputs import switch
from .contract import SIZE_MARKER as SIZE_MARKER  # named in the contract; re-exported here

ZIP_NAME = "seoul-in-the-lead-offline.zip"  # written by explainer/mkdocs_adapter.py
PDF_NAME = "seoul-in-the-lead.pdf"  # printed from print.html by scripts/make_pdf.py
# The Korean edition's, printed from ko/print.html into ko/ beside it. A name of its own, so that
# a reader who saves both keeps both, and the zip can point each at its hosted copy.
KO_PDF_NAME = "seoul-in-the-lead-ko.pdf"
# Set to 1 by `make pdf`, whose scripts/make_pdf.py prints the PDF into the built site: only
# then do the footers and the print edition's cover link it (a `make build` or `make serve`
# site has no PDF, and a link to it would be broken).
PDF_FLAG = "SITE_PDF"


def pdf_in_build(environ: Mapping[str, str]) -> bool:
    """Whether this build's site will hold the PDF: SITE_PDF=1 (make pdf), else not."""
    return switch(environ, PDF_FLAG, "when the PDF will be printed into the site (make pdf does)")
