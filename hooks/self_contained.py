"""Nothing a page loads may come from another host; a page that would stops the build.

Readers open the site offline and behind firewalls, and a request to another host
tells that host who reads what. What counts as a load: explainer/foreign_loads.py.
After the build, every published .html and .svg file is checked too, not only the pages
made from Markdown, and every HTML file must carry the site's policy.
"""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from explainer.foreign_loads import foreign_loads, published_file_problems


def on_post_page(output, page, config):
    found = foreign_loads(output)
    if found:
        raise PluginError(f"{page.file.src_uri}: loads from another host: {', '.join(map(repr, found))}. "
                          "Put the file in docs/ and refer to it by a relative address")
    return output


@event_priority(-160)  # after every hook that writes files (redirects, offline, pruning), before the zip
def on_post_build(config):
    problems = published_file_problems(config.site_dir)
    if problems:
        raise PluginError("published files: " + "; ".join(problems))
