"""Nothing a page loads may come from another host; a page that would stops the build.

Readers open the site offline and behind firewalls, and a request to another host
tells that host who reads what. Links a reader clicks (<a href>) are not loads.
"""

import re
from html.parser import HTMLParser

from mkdocs.exceptions import PluginError

SRC_TAGS = {"script", "img", "iframe", "audio", "video", "source", "embed", "track", "input"}
LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest",
                "apple-touch-icon", "preconnect", "dns-prefetch"}
URL_IN_CSS = re.compile(r"url\(\s*['\"]?([^'\")]+)", re.IGNORECASE)
IMPORT_IN_CSS = re.compile(r"@import\s+['\"]([^'\"]+)", re.IGNORECASE)


def is_foreign(url: str) -> bool:
    url = url.strip().lower()
    return url.startswith(("http:", "https:", "//", "ftp:"))


class _LoadFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.loads: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag in SRC_TAGS and attrs.get("src"):
            self.loads.append(attrs["src"])
        if attrs.get("srcset"):
            self.loads += [c.strip().split(" ")[0] for c in attrs["srcset"].split(",") if c.strip()]
        if tag == "link" and set(attrs.get("rel", "").lower().split()) & LOADING_RELS:
            self.loads.append(attrs.get("href", ""))
        if tag == "object" and attrs.get("data"):
            self.loads.append(attrs["data"])
        if attrs.get("style"):
            self.loads += css_loads(attrs["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.loads += css_loads(data)


def css_loads(css: str) -> list[str]:
    return URL_IN_CSS.findall(css) + IMPORT_IN_CSS.findall(css)


def foreign_loads(html: str) -> list[str]:
    """Every address on another host that a browser would fetch to render this HTML."""
    finder = _LoadFinder()
    finder.feed(html)
    return [url for url in finder.loads if is_foreign(url)]


def on_post_page(output, page, config):
    found = foreign_loads(output)
    if found:
        raise PluginError(f"{page.file.src_uri}: loads from another host: {', '.join(found)}. "
                          "Put the file in docs/ and refer to it by a relative address")
    return output
