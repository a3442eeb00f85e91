"""First paint as fast as plain Material: the site's stylesheet travels inside each page.

A separate stylesheet is one more request the browser waits for before it paints (about
0.2 s on a slow phone network); inlined it costs about 4 KB of compressed HTML a page.
overrides/main.html writes it into <head>; hooks/_csp.py hashes it like any inline style.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

STYLESHEET = "stylesheets/site.css"  # in docs/, so that `make serve` sees edits to it


def on_config(config):
    css = (Path(config.docs_dir) / STYLESHEET).read_text(encoding="utf-8")
    if "</style" in css.lower():
        raise PluginError(f"docs/{STYLESHEET} must not contain </style: it is written inside <style>")
    config.extra["site_css"] = css
