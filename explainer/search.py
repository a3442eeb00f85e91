"""What the search index leaves out: the apparatus around the text, and what it repeats.

Plain Python over a page's HTML, no MkDocs: explainer/mkdocs_adapter.py applies it.
A search for a name or a word must land on the section that explains it, not on a
source's headline in the footnotes, a page's summary of its own sections, or a signpost.
Material's search plugin skips any element carrying data-search-exclude, and removes the
attribute (written with a value) from the page once the page is indexed.
"""

import re

from . import contract

LEFT_OUT = {
    "footnote": "the footnote list: sources' headlines and addresses",
    "footnote-separator": "the comma between markers (the markers themselves: MARKER)",
    "keypoints": "a page's key points, which sum up its own sections",
    "latest-developments": "the home page's newest timeline entries, found on the timeline",
    "cards": "the home page's signposts to other pages",
    contract.APPARATUS: "the live site's controls written into the text (the timeline's link to its newest entry)",
}
START_TAG = re.compile(r"<(div|ul|ol|p|sup)\b([^>]*)>")
CLASSES = re.compile(r'\bclass="([^"]*)"')
MARKER = re.compile(r'\bid="fnref\d*:')  # Python-Markdown's <sup> around a footnote marker


def leave_out_of_search(html: str) -> str:
    if 'id="fnref' in html:  # footnote markers are left out by this pattern: it must see them
        contract.must_match(START_TAG, html, "footnote markers and apparatus blocks")
    def mark(match):
        tag, attributes = match.groups()
        classes = set((CLASSES.search(attributes) or [None, ""])[1].split())
        if classes & LEFT_OUT.keys() or (tag == "sup" and MARKER.search(attributes)):
            return f'<{tag} {contract.SEARCH_EXCLUDE}="apparatus"{attributes}>'
        return match.group(0)

    return START_TAG.sub(mark, html)
