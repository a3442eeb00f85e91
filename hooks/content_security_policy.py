"""Every page carries its Content-Security-Policy (hooks/_csp.py says which)."""

from mkdocs.plugins import event_priority

from explainer.csp import with_policy


@event_priority(-100)  # last: hashes the inline scripts as the other hooks left them
def on_post_page(output, page, config):
    return with_policy(output)


def on_post_template(output_content, template_name, config):
    return with_policy(output_content) if template_name.endswith(".html") else output_content
