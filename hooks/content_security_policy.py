"""Every page carries its Content-Security-Policy (explainer/csp.py says which), and holds no
inline script that the site's sources do not write: the build stops naming the page."""

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from explainer.csp import KnownScripts, UnknownInlineScript, with_policy

KNOWN: list[KnownScripts] = []


def on_config(config):
    KNOWN[:] = [KnownScripts.from_theme(config["theme"].dirs)]


def _with_policy(html: str, name: str) -> str:
    try:
        return with_policy(html, KNOWN[0])
    except (UnknownInlineScript, ValueError) as error:
        raise PluginError(f"{name}: {error}") from error


@event_priority(-100)  # last: hashes the inline scripts as the other hooks left them
def on_post_page(output, page, config):
    return _with_policy(output, page.file.dest_uri)


def on_post_template(output_content, template_name, config):
    return _with_policy(output_content, template_name) if template_name.endswith(".html") else output_content
