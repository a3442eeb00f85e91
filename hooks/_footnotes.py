"""Footnotes as a reader meets them: markers in order, and told apart.

Plain Python over a page's Markdown or HTML, no MkDocs: hooks/sources.py applies it.
"""

import re

REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
CLUSTER = re.compile(r"(?:\[\^[^\]\s]+\](?!:)){2,}")


def ordered_clusters(markdown: str) -> str:
    """Adjacent markers read "2, 5", never "5, 2": numbers follow first citation in the page,
    so each cluster is sorted by where its sources are first cited (and cited once)."""
    first: dict[str, int] = {}
    for match in REFERENCE.finditer(markdown):
        first.setdefault(match.group(1), len(first))

    def in_order(match):
        ids = sorted(dict.fromkeys(REFERENCE.findall(match.group(0))), key=first.__getitem__)
        return "".join(f"[^{source_id}]" for source_id in ids)

    return CLUSTER.sub(in_order, markdown)


def separated(html: str) -> str:
    """Adjacent markers read "1, 2", not "12": a comma between neighbouring markers."""
    return html.replace('</sup><sup id="fnref', '</sup><sup class="footnote-separator">,</sup><sup id="fnref')

