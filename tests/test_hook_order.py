"""The hooks' order in mkdocs.yml is not part of the design: reversed, the site is the same.

Each hook that must run before another says so with MkDocs' event priorities (Markdown
writers at 50, footnote text at 0, the address scan at -50), not by its place in a list.
"""

import re

from conftest import run_build


def test_reversing_the_hooks_changes_nothing(site, broken_copy, tmp_path):
    config = broken_copy.path / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    block = re.search(r"^hooks:\n((?:  - .*\n)+)", text, re.MULTILINE)
    hooks = block.group(1).splitlines(keepends=True)
    assert len(hooks) > 10, "the hooks list moved: update the test"
    config.write_text(text.replace(block.group(1), "".join(reversed(hooks))), encoding="utf-8")

    result = run_build(broken_copy.path, tmp_path / "reversed")
    assert result.returncode == 0, result.stderr[-3000:]
    built = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    rebuilt = {p.relative_to(tmp_path / "reversed"): p.read_bytes()
               for p in (tmp_path / "reversed").rglob("*") if p.is_file()}
    assert sorted(rebuilt) == sorted(built), "reversing the hooks changed which files the site has"
    differ = sorted(str(name) for name in built if built[name] != rebuilt[name])
    assert not differ, f"reversing the hooks changed {differ}"
