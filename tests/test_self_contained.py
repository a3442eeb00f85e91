"""Nothing a page loads comes from another host: the site works offline and leaks nothing.

Links a reader clicks to an outside source are fine; what the browser fetches by
itself (scripts, styles, images, fonts, icons) must all be in the site.
"""

import re
from urllib.parse import urlparse

URL_IN_CSS = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def is_foreign(url: str) -> bool:
    parsed = urlparse(url.strip())
    return bool(parsed.scheme not in ("", "data") or parsed.netloc) or url.strip().startswith("//")


def loaded_urls(soup):
    """Every address the browser fetches on its own when it renders this HTML."""
    for tag in soup.find_all(["script", "img", "iframe", "audio", "video", "source", "embed", "track", "input"]):
        if tag.get("src"):
            yield tag.name, tag["src"]
    for tag in soup.find_all(srcset=True):
        for candidate in tag["srcset"].split(","):
            yield tag.name, candidate.strip().split(" ")[0]
    for tag in soup.find_all("link", href=True):
        rel = set(tag.get("rel", []))
        if rel & {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest",
                  "apple-touch-icon", "preconnect", "dns-prefetch"}:
            yield "link", tag["href"]
    for tag in soup.find_all(style=True):
        for url in URL_IN_CSS.findall(tag["style"]):
            yield "style", url
    for tag in soup.find_all("style"):
        for url in URL_IN_CSS.findall(tag.get_text()):
            yield "style", url
    for tag in soup.find_all("object", data=True):
        yield "object", tag["data"]


def test_pages_load_nothing_from_another_host(html_pages):
    foreign = [(path, tag, url) for path, soup in html_pages.items()
               for tag, url in loaded_urls(soup) if is_foreign(url)]
    assert not foreign, f"pages load from other hosts: {foreign[:10]}"


def test_shipped_css_fetches_nothing_from_another_host(site):
    # Scripts are checked where it counts, in the browser: Material's bundle names CDN
    # fallbacks (a ResizeObserver polyfill, mermaid) that a current browser never loads.
    foreign = []
    for css in site.rglob("*.css"):
        foreign += [(css.name, url) for url in URL_IN_CSS.findall(css.read_text(encoding="utf-8")) if is_foreign(url)]
    assert not foreign, f"stylesheets fetch from other hosts: {foreign}"


def test_the_checker_catches_a_foreign_script():
    from bs4 import BeautifulSoup

    soup = BeautifulSoup('<script src="https://cdn.example/x.js"></script>'
                         '<img srcset="//img.example/a.png 2x"><div style="background:url(http://x.example/b.png)">',
                         "html.parser")
    assert [is_foreign(url) for _, url in loaded_urls(soup)] == [True, True, True]


def test_offline_search_shim_is_vendored_not_fetched(html_pages):
    scripts = [s["src"] for s in html_pages["index.html"].find_all("script", src=True)]
    assert any(src.endswith("assets/vendor/iframe-worker/shim.js") for src in scripts), scripts
