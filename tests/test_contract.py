"""The markup contract (explainer/contract.py): names shared by the pieces are the ones the
built site, the stylesheet and the rewriters use; a rewrite over foreign markup that stops
matching raises."""

import re

import pytest
from conftest import ROOT

from explainer import contract


@pytest.mark.unit
def test_the_print_rules_hide_what_the_contract_says_print_hides():
    css = re.sub(r"/\*.*?\*/", "", (ROOT / "docs" / "stylesheets" / "site.css").read_text(encoding="utf-8"), flags=re.S)
    print_rules = "\n".join(re.findall(r"@media print\s*\{(.*?)\n\}", css, re.S))
    hidden = re.search(r"([^{}]*)\{\s*display:\s*none\s*!important;\s*\}", print_rules.split(".md-header", 1)[1])
    selectors = {s.strip() for s in (".md-header" + hidden.group(1)).replace("\n", " ").split(",")}
    assert set(contract.PRINT_HIDES) <= selectors, set(contract.PRINT_HIDES) - selectors


# Each piece of apparatus the site writes, by its own class: every one must carry the marker.
APPARATUS_PIECES = ["cite-this-page", "cite-section", "entry-link", "copy-link", "timeline-jump"]
LIVE_ONLY_PIECES = ["page-history", "updated-line", "print-address"]


def test_every_piece_of_apparatus_carries_its_marker_where_it_is_written(html_pages):
    seen = set()
    for path, soup in html_pages.items():
        for pieces, marker in ((APPARATUS_PIECES, contract.APPARATUS), (LIVE_ONLY_PIECES, contract.LIVE_ONLY)):
            for piece in pieces:
                for element in soup.select(f".{piece}"):
                    seen.add(piece)
                    assert marker in element["class"], f"{path}: a .{piece} without the class {marker}"
    assert seen == set(APPARATUS_PIECES + LIVE_ONLY_PIECES), "a piece of apparatus is no longer written"


@pytest.mark.unit
def test_a_rewrite_that_must_match_raises_when_the_markup_changed():
    pattern = re.compile(r'<a class="footnote-backref" href="#(fnref[^"]+)"')
    assert len(contract.must_match(pattern, '<a class="footnote-backref" href="#fnref:x">', "back-links")) == 1
    with pytest.raises(contract.ContractBroken, match="back-links: the pattern"):
        contract.must_match(pattern, '<a class="footnote-backref new" href="#fnref:x">', "back-links")


@pytest.mark.unit
def test_markers_and_footnote_syntax_round_trip():
    assert contract.FIGURE.fullmatch(contract.figure_marker("troops")).group(1) == "troops"
    text = "A claim." + contract.footnote_references(["reuters-nds", "ap-1"])
    assert contract.FOOTNOTE_REFERENCE.findall(text) == ["reuters-nds", "ap-1"]
    assert contract.FOOTNOTE_REFERENCE.findall("[^reuters-nds]: a definition") == []


@pytest.mark.unit
def test_the_rewriters_over_python_markdown_output_raise_when_it_changed():
    from explainer.citations import add_entry_links
    from explainer.footnotes import labelled_backlinks, separated
    from explainer.print_pages import chapter_notes
    from explainer.search import leave_out_of_search

    # Markers and back-links as Python-Markdown writes them pass; a changed shape raises.
    ok = (
        '<p>A<sup id="fnref:a"><a class="footnote-ref" href="#fn:a">1</a></sup></p>'
        '<div class="footnote"><hr><ol><li id="fn:a"><p>S.&#160;'
        '<a class="footnote-backref" href="#fnref:a" title="Back">&#8617;</a></p></li></ol></div>'
    )
    assert "Back to:" in labelled_backlinks(separated(ok))
    with pytest.raises(contract.ContractBroken, match="footnote markers"):
        separated(ok.replace('<sup id="fnref:a">', '<sup data-id="fnref:a">'))
    with pytest.raises(contract.ContractBroken, match="footnote back-links"):
        labelled_backlinks(ok.replace('title="Back">&#8617;', 'title="Back">↩'))
    with pytest.raises(contract.ContractBroken, match="footnote markers and apparatus"):
        leave_out_of_search('<span id="fnref:a">1</span>')
    with pytest.raises(contract.ContractBroken, match="the footnote list"):
        chapter_notes('<div class="footnote"><ol></ol></div>')
    with pytest.raises(contract.ContractBroken, match="timeline entries"):
        add_entry_links(
            '<li id="x" class="timeline-entry citable"><p class="timeline-title">T</p></li>',
            "timeline.html",
            "https://example.org/timeline.html",
        )


@pytest.mark.unit
def test_the_tag_stack_keeps_what_each_open_element_opened_and_closes_to_the_match():
    from explainer.tag_stack import TagStack

    class Boxes(TagStack):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[tuple[str, object]] = []

        def opened(self, tag, attributes, classes):
            return "box" if "box" in classes else None

        def started(self, tag, attributes, classes):
            self.seen.append((tag, self.innermost()))

    boxes = Boxes()
    boxes.feed('<div class="box"><p>a<br><img src=x><em>b</p><span>c</span></div><p>d</p>')
    assert boxes.seen == [
        ("div", "box"),
        ("p", "box"),
        ("br", "box"),
        ("img", "box"),
        ("em", "box"),
        ("span", "box"),
        ("p", None),
    ]
    assert boxes.stack == []
