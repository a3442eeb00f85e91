"""Keeps footnotes, summaries and signposts out of the search index (see hooks/_search.py).

After the sources hook, which writes the footnotes; the search plugin reads the page later.
"""

from mkdocs.plugins import event_priority

from explainer.search import leave_out_of_search


@event_priority(-50)  # after the hooks that write apparatus into the HTML (footnote separators)
def on_page_content(html, page, **kwargs):
    return leave_out_of_search(html)
