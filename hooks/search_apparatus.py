"""Keeps footnotes, summaries and signposts out of the search index (see hooks/_search.py).

After the sources hook, which writes the footnotes; the search plugin reads the page later.
"""

from _search import leave_out_of_search


def on_page_content(html, page, **kwargs):
    return leave_out_of_search(html)
