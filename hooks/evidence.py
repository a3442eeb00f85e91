"""Every quotation and figure must be in the recorded evidence of a source cited beside it.

Adapter only: hooks/_evidence.py does the work on each page's HTML. Strict mode fails the
build on its warnings: one line per problem, naming the page, the start of the block, the quotation or figure and
the sources cited there; at the end it says how much it checked, so a silent skip shows.
"""

import logging

from _adapter import reports_data_errors
from explainer.evidence import Result, blocks_of, check_blocks
from explainer.sources import evidence_texts, load_sources

log = logging.getLogger("mkdocs.hooks.evidence")

EVIDENCE: dict[str, str] = {}
totals = Result()
pages_checked: list[str] = []


@reports_data_errors
def on_config(config):
    EVIDENCE.clear()
    EVIDENCE.update(evidence_texts(load_sources(config), config))
    totals.quotations = totals.figures = 0
    pages_checked.clear()


def on_page_content(html, page, **kwargs):
    result = check_blocks(blocks_of(html), EVIDENCE)
    # A warning per page, so one build lists every problem; strict mode then fails the build.
    for finding in result.findings:
        log.warning("%s: %s. Quote the source's exact words, cite a source whose evidence has them in "
                    'this block, or mark a number the editors derived as <span class="derived">…</span>',
                    page.file.src_uri, finding)
    totals.quotations += result.quotations
    totals.figures += result.figures
    pages_checked.append(page.file.src_uri)
    return html


def on_post_build(config):
    log.info("evidence: %d quotations and %d figures checked on %d pages against %d sources",
             totals.quotations, totals.figures, len(pages_checked), len(EVIDENCE))
