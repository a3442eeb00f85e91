"""`make serve` rebuilds after every edit in one Python process, which would keep running the
hooks and the explainer package as first loaded: MkDocs caches each hook module and Python
each import. After every build, forget both, so that the next build reads the files anew.
"""

import sys
from pathlib import Path

from mkdocs.config.config_options import Hooks
from mkdocs.plugins import event_priority

HOOKS = Path(__file__).resolve().parent
PACKAGE = HOOKS.parent / "explainer"


def forget_hooks() -> None:
    Hooks._load_hook.cache_clear()  # MkDocs 1.6 caches hook modules on the shared config schema
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if file and Path(file).resolve().parent in (HOOKS, PACKAGE):
            del sys.modules[name]


@event_priority(-10_000)  # after every other post-build step, some of which import the package again
def on_post_build(config):
    forget_hooks()


def on_build_error(error):
    forget_hooks()
