"""Every address on another host that a browser fetches by itself to render a page.

Plain Python, no MkDocs: explainer/mkdocs_adapter.py stops the build with what this finds.
Links a reader clicks (<a href>) are not loads; everything the browser fetches unasked is:
src, srcset, poster, data, link rel=stylesheet/icon/preload (with imagesrcset), SVG image
and use, legacy background, the page's base address, url()/@import in CSS, and the address a
<meta http-equiv="refresh"> sends the reader to (the CSP does not govern it; probe case 5.11).
"""

import re
from html.parser import HTMLParser
from pathlib import Path

SRC_TAGS = {"script", "img", "image", "iframe", "audio", "video", "source", "embed", "track", "input", "frame"}
LOADING_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "prefetch",
    "prerender",
    "manifest",
    "apple-touch-icon",
    "preconnect",
    "dns-prefetch",
}
SVG_REFERENCING_TAGS = {"image", "use", "feimage"}  # SVG elements whose href the browser fetches
URL_IN_CSS = re.compile(r"url\(\s*['\"]?([^'\")]+)", re.IGNORECASE)
IMPORT_IN_CSS = re.compile(r"@import\s+['\"]([^'\"]+)", re.IGNORECASE)
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
# Schemes whose "address" is in the page itself or fetches nothing.
LOCAL_SCHEMES = {"data", "blob", "about", "javascript", "mailto", "tel"}
# What the URL parser drops before it reads an address (WHATWG URL: leading and trailing
# C0 controls and spaces; ASCII tab and newline anywhere).
C0_AND_SPACE = "".join(map(chr, range(0x21)))
TAB_AND_NEWLINE = re.compile(r"[\t\n\r]")
# <meta http-equiv="refresh" content="5; url=…">: the address after the delay (HTML's "shared
# declarative refresh steps": optional "url=", optional quotes).
REFRESH_URL = re.compile(r"^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?['\"]?([^'\"]*)", re.IGNORECASE)


def as_browser_reads(url: str) -> str:
    """The address as a browser's URL parser sees it: `ht<TAB>tps:\\\\host` is https://host."""
    return TAB_AND_NEWLINE.sub("", url.strip(C0_AND_SPACE)).replace("\\", "/").lower()


def is_foreign(url: str) -> bool:
    url = as_browser_reads(url)
    if url.startswith("//"):
        return True  # same scheme, another host
    scheme = SCHEME.match(url)
    return scheme is not None and scheme.group(1) not in LOCAL_SCHEMES


def srcset_urls(srcset: str) -> list[str]:
    return [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]


def css_loads(css: str) -> list[str]:
    return URL_IN_CSS.findall(css) + IMPORT_IN_CSS.findall(css)


class _LoadFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        found = self.loads
        if tag in SRC_TAGS and values.get("src"):
            found.append(values["src"])
        for name in ("srcset", "imagesrcset"):
            if values.get(name):
                found += srcset_urls(values[name])
        for name in ("poster", "background"):
            if values.get(name):
                found.append(values[name])
        if tag == "link" and set(values.get("rel", "").lower().split()) & LOADING_RELS and values.get("href"):
            found.append(values["href"])
        if tag in SVG_REFERENCING_TAGS:
            found += [values[name] for name in ("href", "xlink:href") if values.get(name)]
        if tag == "base" and values.get("href"):
            found.append(values["href"])  # every relative load would then come from there
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = REFRESH_URL.match(values.get("content", ""))
            if target and target.group(1).strip():
                found.append(target.group(1).strip())
        if tag == "object" and values.get("data"):
            found.append(values["data"])
        if values.get("style"):
            found += css_loads(values["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.loads += css_loads(data)


def foreign_loads(html: str) -> list[str]:
    """Every address on another host that a browser would fetch to render this HTML."""
    finder = _LoadFinder()
    finder.feed(html)
    return [url for url in finder.loads if is_foreign(url)]


CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]+">', re.IGNORECASE)


def published_file_problems(site_dir: "str | Path") -> list[str]:
    """Every .html and .svg file of the built site, Markdown pages or not (a static file in docs/
    is published as it is: probe cases 5.12, 5.13): what each loads from another host, and each
    HTML file without the site's Content-Security-Policy."""
    problems = []
    for path in sorted(Path(site_dir).rglob("*")):
        if path.suffix.lower() not in (".html", ".htm", ".svg") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        name = path.relative_to(site_dir).as_posix()
        found = foreign_loads(text)
        if found:
            problems.append(f"{name} loads from another host: {', '.join(map(repr, found))}")
        # Dated editions are frozen by hash (made with the policy by make_edition; the editions
        # hook refuses any other file there): their loads are checked, their bytes stay.
        if path.suffix.lower() != ".svg" and not name.startswith("editions/") and not CSP_META.search(text):
            problems.append(f"{name} has no Content-Security-Policy: write pages in Markdown, not as .html in docs/")
    return problems
