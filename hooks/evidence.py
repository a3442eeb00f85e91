"""Every quotation and figure must be in the recorded evidence of a source cited beside it.

Adapter only: explainer/evidence.py does the work. Each page's body, and every text around it
that a reader or a program sees (front-matter title and description, headings, captions, table
headers, alt text; after the theme, the <head>'s titles and descriptions and the JSON-LD; after
the build, the feed's entries and each page's citation abstract). Strict mode fails the build
on its warnings: one line per problem, naming the page, the block or field, the quotation or
figure and the sources cited there; at the end it says how much it checked, by kind, so a
silent skip shows. Each footnote then shows the excerpt that held its block's statements.
"""

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

from _adapter import reports_data_errors
from explainer.changes import FEED_NAME
from explainer.evidence import (Page, Result, abstract_fields, blocks_of, check_blocks, feed_fields, field_blocks, head_fields,
                                page_of, with_excerpts)
from explainer.sources import evidence_texts, load_sources

log = logging.getLogger("mkdocs.hooks.evidence")

EVIDENCE: dict[str, str] = {}
totals = Result()
pages_checked: list[str] = []
PAGES: dict[str, Page] = {}  # page address -> its checked body and the sources it cites
FRONT: dict[str, set[tuple[str, str]]] = {}  # page address -> the front-matter fields already checked
CHANGELOG = "changelog.html"  # the page that shows every feed entry, with its sources
CITATIONS = "cite"  # cite/<page>.json and .ris (hooks/citations.py)
ADVICE = ("Quote the source's exact words, cite a source whose evidence has them in this block, or mark a "
          'number the editors derived as <span class="derived">…</span>')
FIELD_ADVICE = "Say only what the page's checked text or a source it cites says"


@reports_data_errors
def on_config(config):
    EVIDENCE.clear()
    EVIDENCE.update(evidence_texts(load_sources(config), config))
    totals.__init__()
    pages_checked.clear()
    PAGES.clear()
    FRONT.clear()


def _report(where: str, result: Result) -> None:
    # A warning per problem, so one build lists every problem; strict mode then fails the build.
    for finding in result.findings:
        log.warning("%s: %s. %s", where, finding, ADVICE if finding.field == "body" else FIELD_ADVICE)
    totals.add(result)


def on_page_content(html, page, **kwargs):
    fields = [(name, str(page.meta.get(name) or "")) for name in ("title", "description")]
    FRONT[page.file.dest_uri] = set(fields)
    blocks = blocks_of(html) + field_blocks(fields)
    result = check_blocks(blocks, EVIDENCE)
    _report(page.file.src_uri, result)
    PAGES[page.file.dest_uri] = page_of(blocks)
    pages_checked.append(page.file.src_uri)
    return with_excerpts(html, result.supports)


def on_post_page(output, page, **kwargs):
    """What the theme wrote around the page: its <title>, descriptions and JSON-LD."""
    known = PAGES.get(page.file.dest_uri)
    if known is None:
        return output
    fields = [f for f in dict.fromkeys(head_fields(output)) if f not in FRONT.get(page.file.dest_uri, set())]
    _report(page.file.src_uri, check_blocks(field_blocks(fields), EVIDENCE, known))
    return output


@event_priority(-100)  # after the hooks that write the feed and the citation files
def on_post_build(config):
    site = Path(config.site_dir)
    feed = site / FEED_NAME
    if feed.is_file():
        _report(f"{FEED_NAME} (from data/changes.yml, held to {CHANGELOG})",
                check_blocks(field_blocks(feed_fields(feed.read_text(encoding="utf-8"))), EVIDENCE,
                             PAGES.get(CHANGELOG, Page())))
    for address, known in sorted(PAGES.items()):
        name = address.removesuffix(".html")
        files = {suffix: site / CITATIONS / f"{name}.{suffix}" for suffix in ("json", "ris")}
        texts = {suffix: path.read_text(encoding="utf-8") for suffix, path in files.items() if path.is_file()}
        fields = abstract_fields(texts.get("json"), texts.get("ris"))
        _report(f"{CITATIONS}/{name}.json and .ris", check_blocks(field_blocks(fields), EVIDENCE, known))
    log.info("evidence: %d quotations and %d figures checked on %d pages against %d sources",
             totals.quotations, totals.figures, len(pages_checked), len(EVIDENCE))
    log.info("evidence: texts read, by kind: %s",
             ", ".join(f"{kind} {count}" for kind, count in sorted(totals.texts.items())))
