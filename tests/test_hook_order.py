"""One adapter, its events in the order MkDocs runs them; the order of mkdocs.yml's hooks is not part of the design.

explainer/mkdocs_adapter.py holds every MkDocs event of the site, written in the order MkDocs
1.6 calls them; within an event its steps run in the order written, and each event's
priority places it against the two plugins (search, offline). hooks/adapter.py only imports
it; serve_reload is the one other hook.
"""

import ast
import re

import pytest
from conftest import ROOT, run_build

ADAPTER = ROOT / "explainer" / "mkdocs_adapter.py"
# mkdocs/commands/build.py: config, pre_build, files, nav, then each page's Markdown and
# content, env, the theme's own templates, then each page's context and HTML, post_build.
RUN_ORDER = [
    "on_startup",
    "on_config",
    "on_pre_build",
    "on_files",
    "on_nav",
    "on_pre_page",
    "on_page_read_source",
    "on_page_markdown",
    "on_page_content",
    "on_env",
    "on_pre_template",
    "on_template_context",
    "on_post_template",
    "on_page_context",
    "on_post_page",
    "on_post_build",
    "on_build_error",
    "on_shutdown",
]


def events_in_order(source: str) -> list[str]:
    tree = ast.parse(source)
    return [node.name for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")]


@pytest.mark.unit
def test_the_adapter_writes_its_events_in_the_order_mkdocs_runs_them():
    events = events_in_order(ADAPTER.read_text(encoding="utf-8"))
    assert len(events) >= 6, "the adapter lost its events"
    assert events == sorted(events, key=RUN_ORDER.index), f"{events} is not MkDocs' order"
    import explainer.mkdocs_adapter as adapter

    assert adapter.__all__ == events, "hooks/adapter.py must hand MkDocs every event, in order"


@pytest.mark.unit
def test_the_order_check_catches_an_event_out_of_place():
    swapped = "def on_page_content(html): pass\ndef on_page_markdown(markdown): pass\n"
    events = events_in_order(swapped)
    assert events != sorted(events, key=RUN_ORDER.index)


@pytest.mark.unit
def test_mkdocs_runs_the_one_adapter_and_serve_reload():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = re.findall(
        r"^  - (hooks/\S+)", re.search(r"^hooks:\n((?:  - .*\n)+)", config, re.MULTILINE).group(1), re.MULTILINE
    )
    assert hooks == ["hooks/adapter.py", "hooks/serve_reload.py"]
    assert sorted(p.name for p in (ROOT / "hooks").glob("*.py")) == ["adapter.py", "serve_reload.py"]
    assert "import *" in (ROOT / "hooks" / "adapter.py").read_text(encoding="utf-8")


@pytest.mark.build
def test_reversing_the_hooks_changes_nothing(site, broken_copy, tmp_path):
    config = broken_copy.path / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    block = re.search(r"^hooks:\n((?:  - .*\n)+)", text, re.MULTILINE)
    hooks = block.group(1).splitlines(keepends=True)
    assert len(hooks) == 2, "the hooks list changed: update the test"
    config.write_text(text.replace(block.group(1), "".join(reversed(hooks))), encoding="utf-8")

    result = run_build(broken_copy.path, tmp_path / "reversed")
    assert result.returncode == 0, result.stderr[-3000:]
    built = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    rebuilt = {
        p.relative_to(tmp_path / "reversed"): p.read_bytes() for p in (tmp_path / "reversed").rglob("*") if p.is_file()
    }
    assert sorted(rebuilt) == sorted(built), "reversing the hooks changed which files the site has"
    differ = sorted(str(name) for name in built if built[name] != rebuilt[name])
    assert not differ, f"reversing the hooks changed {differ}"
