"""Our copies of Material's files stay in step with the installed Material.

A template copied to change one line silently keeps the old Material when Material is
upgraded; these tests fail instead, naming what to copy again.
"""

import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest
from conftest import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
# How a copied template opens: {#- Material's partials/search.html (9.8.2) with one change ...
COPY_HEADER = re.compile(r"\{#- Material's (\S+) \(([\d.]+)\)")


def test_copied_templates_are_of_the_installed_material():
    installed = version("mkdocs-material")
    copies = {
        path.relative_to(OVERRIDES).as_posix(): COPY_HEADER.match(path.read_text(encoding="utf-8"))
        for path in OVERRIDES.rglob("*.html")
    }
    copies = {name: header for name, header in copies.items() if header}
    assert {"partials/header.html", "partials/nav-item.html", "partials/palette.html", "partials/search.html"} <= set(
        copies
    )
    for name, header in copies.items():
        assert header[1] == name and (MATERIAL / name).is_file(), f"overrides/{name}: its header names {header[1]}"
        assert header[2] == installed, (
            f"overrides/{name} is a copy from Material {header[2]}, but {installed} "
            "is installed: copy the new one, make the change again, update the header"
        )


@pytest.mark.unit
def test_icons_are_materials_marked_decorative():
    """Material's icons sit in named controls or beside text; hidden, screen readers skip them."""
    icons = sorted((OVERRIDES / ".icons").rglob("*.svg"))
    assert icons
    for icon in icons:
        original = (MATERIAL / icon.relative_to(OVERRIDES)).read_text(encoding="utf-8")
        expected = original.replace("<svg ", '<svg aria-hidden="true" ', 1)
        assert icon.read_text(encoding="utf-8") == expected, f"{icon.relative_to(ROOT)}: copy Material's again"


# Each copy is Material's file with exactly these replacements (and our header for its own):
# if Material changes anything else in the file, the copy no longer matches and this says where.
INTENDED_CHANGES = {
    "partials/search.html": [
        (
            '<div class="md-search" data-md-component="search" role="dialog">',
            '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
        ),
    ],
    "partials/header.html": [
        (
            '    <label class="md-header__button md-icon" for="__drawer">\n',
            '    <label class="md-header__button md-icon" for="__drawer" tabindex="0">\n',
        ),
        (
            '      {% set icon = config.theme.icon.menu or "material/menu" %}\n'
            '      {% include ".icons/" ~ icon ~ ".svg" %}\n',
            '      {% set icon = config.theme.icon.menu or "material/menu" %}\n'
            '      {% include ".icons/" ~ icon ~ ".svg" %}\n'
            '      <span class="visually-hidden">{{ lang.t("nav") }}</span>\n',
        ),
        # The page's front-matter title is text: Material prints it unescaped (probe case 2.8).
        ("              {{ page.meta.title }}\n", "              {{ page.meta.title | e }}\n"),
    ],
    "partials/palette.html": [
        (
            '<form class="md-header__option" data-md-component="palette">',
            '<form class="md-header__option" data-palette>',
        ),
    ],
    "partials/nav-item.html": [
        ('      <input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\n', ""),
        (
            '      {% if toc %}\n        <label class="md-nav__link md-nav__link--active" for="__toc">',
            '      {% if toc %}\n        <input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">\n'
            '        <label class="md-nav__link md-nav__link--active" for="__toc" tabindex="0">',
        ),
    ],
}
GENERATED_HEADER = re.compile(r"\A\{#-\n  This file was automatically generated - do not edit\n-#\}\n")
OWN_HEADER = re.compile(r"\A\{#- Material's .*?-#\}\n", re.DOTALL)


@pytest.mark.unit
def test_each_copy_is_materials_file_with_only_the_intended_change():
    import difflib

    for name, changes in INTENDED_CHANGES.items():
        expected = GENERATED_HEADER.sub("", (MATERIAL / name).read_text(encoding="utf-8"))
        for old, new in changes:
            assert expected.count(old) == 1, f"Material's {name} changed where our change goes: copy it again"
            expected = expected.replace(old, new)
        ours = OWN_HEADER.sub("", (OVERRIDES / name).read_text(encoding="utf-8"))
        assert ours == expected, f"overrides/{name} differs from Material's file plus the intended change:\n" + "".join(
            difflib.unified_diff(expected.splitlines(True), ours.splitlines(True), "expected", "ours")
        )
