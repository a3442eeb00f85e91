"""A Content-Security-Policy for each page, written into the page at build time.

Plain Python, no MkDocs: explainer/mkdocs_adapter.py applies it to every page.
The policy allows what the site itself ships and nothing else: files from the site, the
inline styles in the page (by their sha256), no eval, no plugins, no <base>, no form
submissions. Inline scripts are allowed by hash too, but only the ones the site means to
have: each must be one the repository's sources write (KnownScripts: the theme's script
partials, the redirect pages' one line); any other inline script in a page stops the build,
since a hash computed from whatever the page holds would let an injected script run.
A meta policy rules only what follows it, so it goes right after <meta charset> (which must
stay in the first 1024 bytes, where browsers look for it), before any script or style.
Sent as an HTTP header it would also cover frame-ancestors; a meta tag cannot.
"""

import base64
import hashlib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

# JSON and JSON-LD blocks are data, which the browser does not run and CSP does not govern;
# a <script> of any other type is treated as a script (browsers run several other types).
DATA_TYPES = {"application/json", "application/ld+json"}
CHARSET = re.compile(r"<meta charset=\"?utf-8\"?\s*/?>", re.IGNORECASE)
HEAD = re.compile(r"<head>", re.IGNORECASE)
PRESCAN_BYTES = 1024  # browsers look for the encoding only this far (HTML, "prescan a byte stream")

# The theme partials (overrides/ first, then Material's) whose inline <script>s the pages carry.
INLINE_SCRIPT_TEMPLATES = (
    "partials/javascripts/base.html",
    "partials/javascripts/announce.html",
    "partials/javascripts/content.html",
    "partials/javascripts/palette.html",
)
# A template's {{ … }} inside a script stands for a value that cannot leave a JavaScript
# string or the element: no quotes, backslash, angle brackets, backtick or line break.
TEMPLATE_VALUE = r"[^\"'`\\<>\n\r]*"
TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


class UnknownInlineScript(ValueError):
    """A page holds an inline script that none of the site's sources writes."""


@dataclass(frozen=True)
class KnownScripts:
    """The inline scripts the site means to have, as patterns matched against the whole script."""

    patterns: tuple[re.Pattern[str], ...] = ()

    @classmethod
    def exact(cls, *scripts: str) -> "KnownScripts":
        return cls(tuple(re.compile(re.escape(s)) for s in scripts))

    @classmethod
    def from_templates(cls, sources: list[tuple[str, str]]) -> "KnownScripts":
        """From (name, Jinja source) pairs: each <script> in them, its {{ … }} a plain value."""
        patterns = []
        for name, source in sources:
            bodies = TEMPLATE_SCRIPT.findall(source)
            if not bodies:
                raise ValueError(f"{name}: no <script>…</script> found; INLINE_SCRIPT_TEMPLATES names it")
            for body in bodies:
                if "{%" in body or "{#" in body:
                    raise ValueError(f"{name}: a script with Jinja statements cannot be checked; keep them outside it")
                parts = re.split(r"\{\{.*?\}\}", body, flags=re.S)
                patterns.append(re.compile(TEMPLATE_VALUE.join(re.escape(p) for p in parts), re.S))
        return cls(tuple(patterns))

    @classmethod
    def from_theme(cls, theme_dirs: list[str] | list[Path]) -> "KnownScripts":
        """The scripts of INLINE_SCRIPT_TEMPLATES, each read where the theme finds it (overrides first)."""
        sources = []
        for name in INLINE_SCRIPT_TEMPLATES:
            found = next((Path(d) / name for d in theme_dirs if (Path(d) / name).is_file()), None)
            if found is None:
                raise ValueError(f"{name}: not found in the theme folders {[str(d) for d in theme_dirs]}")
            sources.append((name, found.read_text(encoding="utf-8")))
        return cls.from_templates(sources)

    def __add__(self, other: "KnownScripts") -> "KnownScripts":
        return KnownScripts(self.patterns + other.patterns)

    def knows(self, script: str) -> bool:
        return any(pattern.fullmatch(script) for pattern in self.patterns)


def source_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


class _InlineFinder(HTMLParser):
    """Inline scripts, <style> blocks and style="" attributes, exactly as the browser hashes them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.style_attributes: list[str] = []
        self._collecting: list[str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        style = attributes.get("style")
        if style is not None:
            self.style_attributes.append(style)
        kind = (attributes.get("type") or "").strip().lower()
        if tag == "script" and "src" not in attributes and kind not in DATA_TYPES:
            self._collecting, self._text = self.scripts, []
        elif tag == "style":
            self._collecting, self._text = self.styles, []

    def handle_data(self, data: str) -> None:
        if self._collecting is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._collecting is not None and tag in ("script", "style"):
            self._collecting.append("".join(self._text))
            self._collecting = None


def policy(html: str, known: KnownScripts | None = None) -> str:
    """The policy for a page. With known, every inline script must be one of them."""
    found = _InlineFinder()
    found.feed(html)
    found.close()
    if known is not None:
        unknown = [script for script in found.scripts if not known.knows(script)]
        if unknown:
            shown = " ".join(unknown[0].split())[:120]
            raise UnknownInlineScript(
                f"{len(unknown)} inline script(s) that the site does not write, the first: <script>{shown}…; "
                "inline scripts come only from the theme's script partials (explainer/csp.py, "
                "INLINE_SCRIPT_TEMPLATES): is data or front matter inserted as HTML?"
            )
    scripts = " ".join(sorted({source_hash(s) for s in found.scripts}))
    styles = " ".join(sorted({source_hash(s) for s in found.styles + found.style_attributes}))
    if found.style_attributes:
        styles = "'unsafe-hashes' " + styles  # lets hashes match style="" attributes too
    return "; ".join(
        [
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
        ]
    )


def with_policy(html: str, known: KnownScripts) -> str:
    """The page with its policy right after <meta charset> (else first in <head>): before any
    script or style. Refuses a page whose inline scripts are not all known, and a page whose
    <meta charset> is not within the first 1024 bytes."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, known)}">'
    start = CHARSET.search(html) or HEAD.search(html)
    if not start:
        raise ValueError("no <head> to put the Content-Security-Policy in")
    if start.re is CHARSET and len(html[: start.end()].encode("utf-8")) > PRESCAN_BYTES:
        raise ValueError(f"<meta charset> ends after byte {PRESCAN_BYTES}, where browsers no longer look for it")
    return html[: start.end()] + meta + html[start.end() :]
