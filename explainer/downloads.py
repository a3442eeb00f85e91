"""The names of the site's downloads, in one place: the hooks that write them, the
templates that link them (through config.extra) and the scripts that print the PDF."""

from .contract import SIZE_MARKER as SIZE_MARKER  # named in the contract; re-exported here

ZIP_NAME = "seoul-in-the-lead-offline.zip"  # written by explainer/mkdocs_adapter.py
PDF_NAME = "seoul-in-the-lead.pdf"  # printed from print.html by scripts/make_pdf.py
