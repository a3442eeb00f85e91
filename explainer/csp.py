"""A Content-Security-Policy for each page, written into the page at build time.

Plain Python, no MkDocs: explainer/mkdocs_adapter.py applies it to every page.
The policy allows what the site itself ships and nothing else: files from the site, the
inline scripts and styles actually in the page (by their sha256), no eval, no plugins, no
<base>, no form submissions. A meta policy rules only what follows it, so it goes first in
<head>. Sent as an HTTP header it would also cover frame-ancestors; a meta tag cannot.
"""

import base64
import hashlib
import re
from html.parser import HTMLParser

# Scripts the browser runs; JSON and JSON-LD blocks are data, which CSP does not govern.
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
HEAD_START = re.compile(r"<meta charset=\"utf-8\">|<head>", re.IGNORECASE)


def source_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


class _InlineFinder(HTMLParser):
    """Inline scripts, <style> blocks and style="" attributes, exactly as the browser hashes them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.style_attributes: list[str] = []
        self._collecting: list[str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("style") is not None:
            self.style_attributes.append(attrs["style"])
        if tag == "script" and "src" not in attrs and (attrs.get("type") or "").lower() in SCRIPT_TYPES:
            self._collecting, self._text = self.scripts, []
        elif tag == "style":
            self._collecting, self._text = self.styles, []

    def handle_data(self, data):
        if self._collecting is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if self._collecting is not None and tag in ("script", "style"):
            self._collecting.append("".join(self._text))
            self._collecting = None


def policy(html: str) -> str:
    found = _InlineFinder()
    found.feed(html)
    found.close()
    scripts = " ".join(sorted({source_hash(s) for s in found.scripts}))
    styles = " ".join(sorted({source_hash(s) for s in found.styles + found.style_attributes}))
    if found.style_attributes:
        styles = "'unsafe-hashes' " + styles  # lets hashes match style="" attributes too
    return "; ".join([
        "default-src 'none'",
        f"script-src 'self' {scripts}".strip(),
        f"style-src 'self' {styles}".strip(),
        "img-src 'self' data:",  # Material's icons are data: SVGs in its stylesheet
        "font-src 'self'",
        "connect-src 'self'",  # the search index, fetched by the search worker when hosted
        "worker-src 'self'",
        "frame-src 'self'",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "object-src 'none'",
    ])


def with_policy(html: str) -> str:
    """The page with its policy as the first thing the browser reads in <head>."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    start = HEAD_START.search(html)
    if not start:
        raise ValueError("no <head> to put the Content-Security-Policy in")
    return html[:start.end()] + meta + html[start.end():]
