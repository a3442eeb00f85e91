"""The names of the site's downloads, in one place: the hooks that write them, the
templates that link them (through config.extra) and the scripts that print the PDF."""

ZIP_NAME = "seoul-in-the-lead-offline.zip"  # written by explainer/mkdocs_adapter.py
PDF_NAME = "seoul-in-the-lead.pdf"  # printed from print.html by scripts/make_pdf.py
SIZE_MARKER = "__OFFLINE_ZIP_SIZE__"  # in every footer until the zip's size is known
