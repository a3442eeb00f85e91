"""The prose measure `make bench` prints (tests/support/prose_measure.py), on a small page."""

from tests.support.prose_measure import measure

PAGE = """<article><h1>Title</h1><p class="title-meta">Updated 7 December 2026 · Cite</p>
<p>Reuters reported that the plan changed.<sup id="fnref:a"><a class="footnote-ref" href="#fn:a">1</a></sup>
The ministry said it would wait, according to Yonhap.<sup id="fnref:b"><a class="footnote-ref" href="#fn:b">2</a></sup>
Troops stay. In Yonhap’s account, they stay, as quoted by Reuters: “we cannot say”.</p>
<figure><table><tr><th>Lead<sup id="fnref:c"><a class="footnote-ref" href="#fn:c">3</a></sup></th></tr></table></figure>
<details class="cite-section"><summary>Cite this section</summary>Reported said wrote</details>
<div class="footnote"><ol><li id="fn:a">Reuters said so.</li></ol></div></article>"""


def test_attribution_and_markers_count_in_the_running_text_only():
    found = measure(PAGE)
    assert found == {"words": 30, "attribution": 5, "markers": 2}, found
