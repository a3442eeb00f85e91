"""How hard the story pages' prose is to follow for its apparatus: printed by `make bench`.

Two ratios per story page and pooled, per 100 words of the article's running text (the
words a reader reads: paragraphs, lists and boxes, not footnote text, citation boxes,
page history, figures' data tables or the lines over and under the title):

- attribution phrases: an outlet or person said, reported, wrote, told, noted, quoted,
  cited, described, stated, announced, added, according to ..., and the same as a noun phrase
  (in Yonhap’s report, in the article’s account). Each counts once; words inside a quotation
  (“…”) are the speaker's, not the site's, and are not counted. Target at
  most 1.5 (issue 23; a CRS In Focus, a CFR backgrounder and the Wikipedia lead on U.S.
  Forces Korea, 0 to 0.3). A plain statement with its footnote attributes through the note.
- footnote markers: every footnote reference in the running text. Target at most 2.5
  (one marker a sentence at most, several sources in one note).

Prints, asserts nothing: the facts slices rewrite the prose; the sourcing rules and the
evidence check, not these ratios, decide what a sentence may say.
"""

import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

STORY_PAGES = [
    "index.html",
    "the-strategy.html",
    "deterrence.html",
    "rationale.html",
    "us-forces.html",
    "alliance.html",
    "north-korea-and-the-region.html",
    "timeline.html",
    "conclusion.html",
    "faq.html",
]
TARGETS = {"attribution": 1.5, "markers": 2.5}
# What is not running text: notes, citation and history apparatus, figures, the title lines.
APPARATUS = (
    ".footnote, .cite-section, .cite-this-page, .page-history, .page-updated, .title-meta, figure, "
    ".headerlink, .entry-link, .timeline-legend, .timeline-jump, .print-address, script, style"
)
ATTRIBUTION = re.compile(
    r"\b(?:according to|said|says|say|reported|reports|report(?:ing)? that|wrote|writes|told|noted|notes|quoted|"
    r"quoting|cited|citing|described|describes|stated|states that|announced|added|adds|argued|argues|"
    r"called|calls it)\b",
    re.IGNORECASE,
)
# The same attribution as a noun phrase: "In Yonhap's report", "in the article's account",
# "per the ministry" ("as quoted by" counts as a verb). Counted too, so that a verb rewritten as a noun
# still counts: the measure is of attributions, not of the verbs that carry them.
ATTRIBUTION_NOUN = re.compile(
    r"\b(?:in|by|per|to)\s+(?:the\s+)?(?:[A-Z0-9][\w.&’'-]*\s){0,4}[A-Z0-9][\w.&-]*(?:’s|'s|’|')\s+(?:own\s+)?"
    r"(?:report|reports|reporting|account|words|reading|view|telling|version|summary|analysis|brief|editorial|"
    r"phrase|phrasing|assessment|figures|estimate|count|description|framing)\b|\bper the\b",
    re.IGNORECASE,
)
QUOTATION = re.compile(r"“[^“”]*”")  # a quotation's own words: "we cannot say …" is not the site attributing
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9’'.,%-]*")


def measure(html: str) -> dict:
    """Words, attribution phrases and footnote markers of one page's running text."""
    article = BeautifulSoup(html, "html.parser").select_one("article")
    if article is None:
        return {"words": 0, "attribution": 0, "markers": 0}
    for element in article.select(APPARATUS):
        element.decompose()
    markers = len(article.select("a.footnote-ref"))  # in the running text: a figure's own notes are its data's
    for marker in article.select("sup"):
        marker.decompose()
    text = article.get_text(" ")
    outside_quotations = QUOTATION.sub("“”", text)
    return {
        "words": len(WORD.findall(text)),
        "attribution": len(ATTRIBUTION.findall(outside_quotations)) + len(ATTRIBUTION_NOUN.findall(outside_quotations)),
        "markers": markers,
    }


def per_100(count: int, words: int) -> float:
    return 100 * count / words if words else 0.0


def report(site: Path, pages: list[str] = STORY_PAGES) -> list[str]:
    lines = [
        f"{'prose, story pages':34} {'words':>6} {'attrib/100':>11} {'notes/100':>10}   targets: "
        f"<= {TARGETS['attribution']} and <= {TARGETS['markers']}"
    ]
    pooled = {"words": 0, "attribution": 0, "markers": 0}
    for page in pages:
        found = measure((site / page).read_text(encoding="utf-8"))
        pooled = {key: pooled[key] + found[key] for key in pooled}
        lines.append(
            f"{page:34} {found['words']:6d} {per_100(found['attribution'], found['words']):11.1f} "
            f"{per_100(found['markers'], found['words']):10.1f}"
        )
    lines.append(
        f"{'pooled':34} {pooled['words']:6d} {per_100(pooled['attribution'], pooled['words']):11.1f} "
        f"{per_100(pooled['markers'], pooled['words']):10.1f}"
    )
    return lines


if __name__ == "__main__":  # python -m tests.support.prose_measure SITE
    print("\n".join(report(Path(sys.argv[1]))))
