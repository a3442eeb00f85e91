"""Footnotes a reader can follow: markers in order, and a way back that names where it goes."""

import re

import pytest

from explainer.evidence import blocks_of, with_excerpts
from explainer.footnotes import by_paragraph, grouped, labelled_backlinks, ordered_clusters


@pytest.mark.unit
def test_a_cluster_is_sorted_by_first_citation_and_cited_once():
    text = "A.[^a] B.[^b] C.[^c][^b][^a][^b] D.[^d][^c]"
    assert ordered_clusters(text) == "A.[^a] B.[^b] C.[^a][^b][^c] D.[^c][^d]"


@pytest.mark.unit
def test_a_paragraphs_markers_move_to_the_last_sentence_they_cover():
    text = "One.[^a] Two.[^b]\nThree.[^a] Four.\n\n- Item.[^c] More.[^d]\n- Other.[^e]"
    assert by_paragraph(text) == "One. Two.\nThree.[^a][^b] Four.\n\n- Item. More.[^c][^d]\n- Other.[^e]"


@pytest.mark.unit
def test_a_note_lists_at_most_three_sources_so_a_long_paragraph_gets_several():
    text = "A.[^a] B.[^b] C.[^c] D.[^d][^e] E.[^a]"
    assert by_paragraph(text) == "A. B. C.[^a][^b][^c] D. E.[^d][^e][^a]"


@pytest.mark.unit
def test_headings_tables_html_and_boxes_keep_their_markers():
    text = '## Head[^a]\n| cell[^a] | cell[^b] |\n<p>html[^a] more[^b]</p>\n!!! note "Box[^a]"\n    In.[^a] Box.[^b]'
    assert by_paragraph(text) == text.replace("In.[^a] Box.[^b]", "In. Box.[^a][^b]")


@pytest.mark.unit
def test_adjacent_markers_become_one_note_and_the_check_reads_each_source():
    assert grouped("X.[^a][^b] Y.[^c]") == "X.[^a+b] Y.[^c]"
    html = '<p>“Words” and 12.<sup id="fnref:a+b"><a class="footnote-ref" href="#fn:a+b">1</a></sup></p>'
    assert blocks_of(html)[0].cited == ["a", "b"]


@pytest.mark.unit
def test_each_source_of_a_note_shows_its_own_words_under_its_own_line():
    note = (
        '<li id="fn:a+b">\n<p>Wire. <a href="sources.html#a">In the source list</a></p>\n'
        '<p>Paper. <a href="sources.html#b">In the source list</a></p>\n</li>'
    )
    shown = with_excerpts(note, {"a": ["wire words"], "b": ["paper words"]})
    assert shown.index("Wire.") < shown.index("wire words") < shown.index("Paper.") < shown.index("paper words")


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


def test_sources_cited_together_are_one_note_with_a_line_and_a_way_to_the_list_each(html_pages):
    """A marker never sits next to another: several sources are one note, each on its own line."""
    notes = 0
    for path, soup in html_pages.items():
        for marker in soup.select("sup[id^=fnref]"):
            after = marker.next_sibling
            assert getattr(after, "name", None) != "sup", f"{path}: two markers side by side at {marker['id']}"
        if path == "print.html":
            continue  # on paper the notes link the printed source list, by other ids (test_print_layout.py)
        for note in soup.select(".footnote li[id*='+']"):
            sources = note["id"].removeprefix("fn:").split("+")
            linked = [a["href"].rpartition("#")[2] for a in note.select("a[href*='sources.html#']")]
            assert linked == sources, f"{path}#{note['id']}: lines for {linked}, not {sources}"
            notes += 1
    assert notes > 20, "no note of several sources found: the test checks nothing"
