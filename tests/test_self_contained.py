"""Nothing a page loads comes from another host: the site works offline and leaks nothing.

Links a reader clicks to an outside source are fine; what the browser fetches by
itself (scripts, styles, images, fonts, icons) must all be in the site. The build
enforces this (explainer/mkdocs_adapter.py with explainer/foreign_loads.py); these tests check what the build produced,
and the browser tests watch the network itself.
"""

import re

import pytest

from explainer.foreign_loads import css_loads, foreign_loads, is_foreign


@pytest.mark.unit
def test_the_checker_catches_every_kind_of_foreign_load():
    html = (
        '<script src="https://cdn.example/x.js"></script><img srcset="//img.example/a.png 2x">'
        '<div style="background:url(http://x.example/b.png)"></div>'
        '<link rel="stylesheet" href="https://fonts.example/f.css"><style>@import "https://y.example/c.css";</style>'
        '<a href="https://example.org/read-more">a link a reader clicks</a><img src="assets/local.png">'
    )
    assert foreign_loads(html) == [
        "https://cdn.example/x.js",
        "//img.example/a.png",
        "http://x.example/b.png",
        "https://fonts.example/f.css",
        "https://y.example/c.css",
    ]


# Each form a browser fetches by itself, as a page could write it; one test each.
FETCHED_FORMS = {
    "backslashes for slashes": '<img src="https:\\\\evil.example\\pixel.png">',
    "backslash after a slash": '<script src="/\\evil.example/x.js"></script>',
    "tab inside the scheme": '<img src="ht\ttps://evil.example/pixel.png">',
    "tab written as an entity": '<img src="ht&#9;tps://evil.example/pixel.png">',
    "newline and leading space": '<img src=" //evil.example/\npixel.png">',
    "video poster": '<video poster="https://evil.example/poster.jpg"></video>',
    "SVG image href": '<svg><image href="https://evil.example/i.png"/></svg>',
    "SVG image xlink:href": '<svg><image xlink:href="https://evil.example/i.png"/></svg>',
    "SVG use href": '<svg><use href="https://evil.example/sprite.svg#icon"/></svg>',
    "preload imagesrcset": '<link rel="preload" as="image" imagesrcset="https://evil.example/a.png 1x, b.png 2x">',
    "legacy background": '<table background="https://evil.example/bg.png"></table>',
    "base address": '<base href="https://evil.example/"><img src="local.png">',
}


@pytest.mark.unit
@pytest.mark.parametrize("html", FETCHED_FORMS.values(), ids=list(FETCHED_FORMS))
def test_the_checker_catches(html):
    assert len(foreign_loads(html)) == 1, f"missed: {html}"


@pytest.mark.unit
def test_the_checker_leaves_local_addresses_and_links_alone():
    html = (
        '<img src="assets\\logo.png"><svg><use href="#icon"/></svg><a href="https://example.org/">read</a>'
        '<img src="data:image/png;base64,AAAA"><video poster="poster.jpg"></video>'
    )
    assert foreign_loads(html) == []


def test_pages_load_nothing_from_another_host(site):
    foreign = {
        page.name: found for page in site.rglob("*.html") if (found := foreign_loads(page.read_text(encoding="utf-8")))
    }
    assert not foreign, f"pages load from other hosts: {foreign}"


def test_shipped_css_fetches_nothing_from_another_host(site):
    # Scripts are checked where it counts, in the browser: Material's bundle names CDN
    # fallbacks (a ResizeObserver polyfill, mermaid) that a current browser never loads.
    foreign = {
        css.name: [u for u in css_loads(css.read_text(encoding="utf-8")) if is_foreign(u)]
        for css in site.rglob("*.css")
    }
    assert not any(foreign.values()), f"stylesheets fetch from other hosts: {foreign}"


def test_offline_search_shim_is_vendored_not_fetched(html_pages):
    scripts = [s["src"] for s in html_pages["index.html"].find_all("script", src=True)]
    assert any(src.endswith("assets/vendor/iframe-worker/shim.js") for src in scripts), scripts


def test_offline_search_boot_script_sits_beside_the_search_worker(site):
    """Material's search worker finds its language files (lunr.ko.min.js for the Korean edition) from
    the address of the first script in the shim's iframe, cut at "/worker"; from any other folder every
    language but English fails from disk, which the English query set cannot see."""
    shim = (site / "assets/vendor/iframe-worker/shim.js").read_text(encoding="utf-8")
    boot = re.search(r'new URL\("([^"]+)",document\.currentScript\.src\)', shim)
    assert boot, "shim.js no longer names its boot script"
    address = (site / "assets/vendor/iframe-worker" / boot.group(1)).resolve()
    assert address.is_file(), f"the boot script {boot.group(1)} is not in the built site"
    assert "/worker" in address.relative_to(site.resolve()).as_posix(), address
