"""The site as one zip, for readers with no network (hooks/_offline.py makes it).

Runs after everything else has written and pruned the site (the offline plugin inlines
the search index at priority -100; prune_assets runs at -150).
"""

import os
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from explainer.build_inputs import source_date_epoch
from explainer.downloads import PDF_NAME, SIZE_MARKER, ZIP_NAME, pdf_in_build
from explainer.offline import bundle


def on_config(config):
    # overrides/partials/copyright.html links the downloads by these names and marks the size;
    # the PDF only when this site will hold it (make pdf: SITE_PDF=1).
    try:
        pdf = PDF_NAME if pdf_in_build(os.environ) else None
    except ValueError as error:
        raise PluginError(str(error)) from error
    config.extra["downloads"] = {"zip": ZIP_NAME, "pdf": pdf, "size_marker": SIZE_MARKER}


@event_priority(-200)
def on_post_build(config):
    site = Path(config.site_dir)
    epoch = source_date_epoch(os.environ) or 315532800  # checked by build_inputs; default 1980-01-01
    date_time = time.gmtime(max(epoch, 315532800))[:6]
    (site / ZIP_NAME).write_bytes(bundle(site, date_time, config.site_url or ""))
