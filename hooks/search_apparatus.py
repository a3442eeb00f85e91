"""What the search index holds: footnotes, summaries and signposts left out (explainer/search.py),
and the keywords editors keep in data/search.yml put in, as the `tags` of the sections that treat
them (never shown). A page's rank is its front matter's `search: boost:` (below 1 for reference
and apparatus pages).

After the sources hook, which writes the footnotes; the search plugin reads the page later.
"""

import json
import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from _adapter import reports_data_errors
from explainer.search import leave_out_of_search, load_search, with_keywords

log = logging.getLogger("mkdocs.hooks.search_apparatus")
KEYWORDS: dict[str, list[str]] = {}


@reports_data_errors
def on_config(config):
    KEYWORDS.clear()
    KEYWORDS.update(load_search(config))


@event_priority(-50)  # after the hooks that write apparatus into the HTML (footnote separators)
def on_page_content(html, page, **kwargs):
    return leave_out_of_search(html)


@event_priority(-50)  # after the search plugin writes its index (0), before the offline plugin copies it (-100)
def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not KEYWORDS or not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    for target in with_keywords(index, KEYWORDS):
        log.warning(f"data/search.yml: no section {target} in the search index (a page and anchor of docs/)")
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
