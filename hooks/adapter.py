"""The site's one MkDocs hook: every event is in explainer/mkdocs_adapter.py, in the order MkDocs runs them."""

from explainer.mkdocs_adapter import *  # noqa: F403
