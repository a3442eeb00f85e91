"""Every page's front matter is checked first; the build stops naming the page and the fix.

Adapter only: the rules are in hooks/_front_matter.py.
"""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from explainer.front_matter import problems, unreadable


@event_priority(100)  # first: no other hook sees a page with bad front matter
def on_page_markdown(markdown, page, **kwargs):
    reason = unreadable(markdown) if not page.meta else None
    if reason:
        raise PluginError(f"{page.file.src_uri}: front matter {reason}")
    found = problems(page.meta)
    if found:
        raise PluginError(f"{page.file.src_uri}: front matter: " + "; ".join(found))
    return markdown
