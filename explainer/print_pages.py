"""The print edition as a document: running heads, page numbers, and notes without web apparatus.

Plain Python, no MkDocs: explainer/mkdocs_adapter.py uses it. Chromium prints CSS paged media:
@page margin boxes hold the running head, the address and "Page N of M"; each chapter is
a named page, so its head names the chapter. The cover (the first page) has neither.
The contents' page numbers are filled in by scripts/make_pdf.py from a first printing.
"""

import re
from html import escape

from . import contract

# In a chapter's notes, what only a screen reader of the web page needs: the way back to
# the markers, and the link to the source list (the Sources chapter lists every address).
WAY_BACK = re.compile(r'\s*<span class="footnote-back">.*?</span>(?=</p>)', re.S)
# The Korean edition's link says 출처 목록 (explainer/mkdocs_adapter.py, where it is made).
TO_SOURCE_LIST = re.compile(r'\s*<a href="[^"]*">(?:In the source list|출처 목록)</a>')
NOTES_START = re.compile(r'<div class="footnote">\s*<hr\s*/?>')


def css_string(text: str) -> str:
    """Text as a CSS string: quotes and backslashes escaped; '<' too, so it cannot end a <style>."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ") + '"'


def chapter_notes(html: str, title: str = "Notes") -> str:
    """A chapter's footnotes as its notes: headed, without the way back or the source-list link.
    Raises when a chapter has footnotes and a pattern no longer matches (markup changed)."""
    if '<div class="footnote">' in html:
        for pattern, what in (
            (NOTES_START, "the footnote list"),
            (WAY_BACK, "footnote ways back"),
            (TO_SOURCE_LIST, "footnote links to the source list"),
        ):
            contract.must_match(pattern, html, what)
    html = WAY_BACK.sub("", html)
    html = TO_SOURCE_LIST.sub("", html)
    heading = f'<div class="footnote print-notes"><h3 class="print-notes-title">{escape(title)}</h3>'
    return NOTES_START.sub(lambda _: heading, html)


def page_css(chapters: list[tuple[str, str]], head: str, address: str, page_of: str = "Page {page} of {pages}") -> str:
    """@page rules for the edition. chapters: (section id, running head) in order; page_of the
    page number's words, {page} and {pages} where the numbers go."""
    before, _, rest = page_of.partition("{page}")
    between, _, after = rest.partition("{pages}")
    number = " ".join(
        part
        for part in (css_string(before), "counter(page)", css_string(between), "counter(pages)", css_string(after))
        if part != '""'
    )
    rules = [
        "@page { size: A4; margin: 18mm 16mm 20mm;"
        f" @top-center {{ content: {css_string(head)}; font-size: 8pt; color: #444; }}"
        f" @bottom-left {{ content: {css_string(address)}; font-size: 7pt; color: #444; }}"
        f" @bottom-right {{ content: {number}; font-size: 8pt; }} }}",
        "@page :first { @top-center { content: none; } @bottom-left { content: none; }"
        " @bottom-right { content: none; } }",
    ]
    for section_id, title in chapters:
        name = f"chapter-{section_id}"
        rules.append(f"@page {name} {{ @top-center {{ content: {css_string(title)}; }} }}")
        rules.append(f"@media print {{ #{section_id} {{ page: {name}; }} }}")
    return "\n".join(rules)


ABBREVIATION = re.compile(r"^\*\[([^\]]+)\]:\s*(.+)$", re.M)


def with_abbreviations(html: str, definitions_text: str) -> str:
    """HTML written outside Markdown (the licence line from mkdocs.yml) with the site's
    abbreviations (data/abbreviations.md) marked as the Markdown pages have them."""
    defined = dict(ABBREVIATION.findall(definitions_text))
    if not defined:
        return html
    word = re.compile(r"\b(" + "|".join(map(re.escape, sorted(defined, key=len, reverse=True))) + r")\b")
    return "".join(
        part
        if part.startswith("<")
        else word.sub(lambda m: f'<abbr title="{escape(defined[m.group(1)])}">{m.group(1)}</abbr>', part)
        for part in re.split(r"(<[^>]+>)", html)
    )
