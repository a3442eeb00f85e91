"""Check what the build takes from outside the Markdown before anything uses it.

The rules and their reasons are in hooks/_build_inputs.py; this only stops the build.
It also tells the templates whether this is a local preview (config.extra.preview), so that
a build for 127.0.0.1 does not promise that its addresses will not change.
"""

import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from explainer.build_inputs import EXAMPLE, is_preview, site_url_problem, source_date_epoch, symlinks
from explainer.data import DataError, data_path, read_text


@event_priority(100)
def on_config(config):
    links = symlinks(Path(config.config_file_path).parent)
    if links:
        raise PluginError(f"symbolic link(s) {', '.join(links)}: a link publishes whatever it points at. "
                          "Replace each with the file itself")
    for name, url in (("SITE_URL", os.environ.get("SITE_URL")), ("site_url", config.site_url)):
        problem = site_url_problem(url) if url is not None else None
        if problem:
            raise PluginError(f"{name} {url!r} {problem}, like {EXAMPLE}")
    try:
        source_date_epoch(os.environ)
    except ValueError as error:
        raise PluginError(str(error)) from error
    try:  # appended to every page by pymdownx.snippets, which would stop with a traceback
        read_text(data_path(config, "abbreviations.md"))
    except DataError as error:
        raise PluginError(f"{error} (every page appends it: mkdocs.yml, snippets auto_append)") from error
    config.extra["preview"] = is_preview(config.site_url or "")
    return config
