"""Nothing a page loads may come from another host; a page that would stops the build.

Readers open the site offline and behind firewalls, and a request to another host
tells that host who reads what. What counts as a load: hooks/_foreign_loads.py.
"""

from mkdocs.exceptions import PluginError

from explainer.foreign_loads import foreign_loads


def on_post_page(output, page, config):
    found = foreign_loads(output)
    if found:
        raise PluginError(f"{page.file.src_uri}: loads from another host: {', '.join(map(repr, found))}. "
                          "Put the file in docs/ and refer to it by a relative address")
    return output
