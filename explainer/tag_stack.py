"""One tag-stack HTMLParser base for the checks that need to know what a piece of HTML is
inside of (a footnote marker's box or heading; later, the evidence check's blocks).

Plain Python, no MkDocs. A start tag pushes (tag, what the subclass's opened() returns) unless
the element is void; an end tag closes back to the nearest open element of its name (HTML's
own recovery for the well-formed markup Python-Markdown writes). Subclasses say what an
element opens, what happens once it is open, and what happens before it closes.
"""

from html.parser import HTMLParser
from typing import Any

VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


class TagStack(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, Any]] = []  # the open elements, each with what it opened

    # ---- what subclasses say ----

    def opened(self, tag: str, attributes: dict[str, str], classes: set[str]) -> Any:
        """What this element opens (kept with it on the stack), or None."""
        return None

    def started(self, tag: str, attributes: dict[str, str], classes: set[str]) -> None:
        """After the element is on the stack (void elements too, which never are)."""

    def ending(self, tag: str) -> None:
        """Before an end tag closes its element."""

    # ---- the stack ----

    def innermost(self) -> Any:
        """What the innermost open element that opened something opened, or None."""
        return next((opened for _, opened in reversed(self.stack) if opened is not None), None)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        classes = set(attributes.get("class", "").split())
        if tag not in VOID_TAGS:
            self.stack.append((tag, self.opened(tag, attributes, classes)))
        self.started(tag, attributes, classes)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        self.ending(tag)
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return
