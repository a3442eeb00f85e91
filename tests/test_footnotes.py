"""Footnotes a reader can follow: markers in order, and a way back that names where it goes."""

import re

import pytest

from explainer.footnotes import labelled_backlinks, ordered_clusters


@pytest.mark.unit
def test_a_cluster_is_sorted_by_first_citation_and_cited_once():
    text = "A.[^a] B.[^b] C.[^c][^b][^a][^b] D.[^d][^c]"
    assert ordered_clusters(text) == "A.[^a] B.[^b] C.[^a][^b][^c] D.[^c][^d]"


@pytest.mark.unit
def test_a_way_back_names_the_box_or_heading_of_each_marker():
    html = (
        '<h2 id="troops">Troop levels<a class="headerlink" href="#troops">¶</a></h2>'
        '<p>One.<sup id="fnref:x"><a class="footnote-ref" href="#fn:x">1</a></sup></p>'
        '<div class="admonition keypoints"><p class="admonition-title">Key points</p>'
        '<p>Two.<sup id="fnref2:x"><a class="footnote-ref" href="#fn:x">1</a></sup></p></div>'
        '<p>Three.<sup id="fnref3:x"><a class="footnote-ref" href="#fn:x">1</a></sup></p>'
        '<div class="footnote"><ol><li id="fn:x"><p>Source.&#160;'
        '<a class="footnote-backref" href="#fnref:x" title="Jump back to footnote 1 in the text">&#8617;</a>'
        '<a class="footnote-backref" href="#fnref2:x" title="Jump back to footnote 1 in the text">&#8617;</a>'
        '<a class="footnote-backref" href="#fnref3:x" title="Jump back to footnote 1 in the text">&#8617;</a>'
        "</p></li></ol></div>"
    )
    back = re.search(r'<span class="footnote-back">(.*?)</span>', labelled_backlinks(html)).group(1)
    assert re.sub(r"<[^>]+>", "", back) == "Back to: Troop levels · Key points · Troop levels (2)"


def test_every_footnote_says_where_its_links_back_go(html_pages):
    for path, soup in html_pages.items():
        if path == "print.html":
            continue  # on paper the notes have no way back (test_offline.py)
        for note in soup.select(".footnote li"):
            back = note.select(".footnote-back a.footnote-return")
            assert back, f"{path}#{note['id']}: no way back to the text"
            for link in back:
                assert link.get_text(strip=True) not in ("", "↩", "the text"), f"{path}#{note['id']}: {link}"
                assert soup.find(id=link["href"][1:]), f"{path}: {link['href']} leads nowhere"


def test_adjacent_markers_are_in_ascending_order(html_pages):
    checked = 0
    for path, soup in html_pages.items():
        for marker in soup.select("sup[id^=fnref]"):
            after = marker.find_next_sibling("sup")
            if after and "footnote-separator" in after.get("class", []):
                following = after.find_next_sibling("sup")
                first, second = (int(m.get_text()) for m in (marker, following))
                assert first < second, f"{path}: markers read {first}, {second}"
                checked += 1
    assert checked > 20, "no adjacent markers found: the test checks nothing"
