"""Published addresses never break (citations themselves: tests/test_citations.py)."""

import filecmp
import re

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, run_build, serve_folder

REGISTRY = "data/addresses.yml"


def content_pages(html_pages):
    return {p: s for p, s in html_pages.items() if p != "404.html"}


# ---- The registry and the build agree ----


def test_every_registered_address_is_produced(html_pages):
    live = yaml.safe_load((ROOT / REGISTRY).read_text(encoding="utf-8"))["live"]
    for address in live:
        page, _, anchor = address.partition("#")
        assert page in html_pages, f"{address}: page missing"
        assert not anchor or html_pages[page].find(id=anchor), f"{address}: anchor missing"


def test_deleting_a_registered_page_fails_naming_it(broken_copy):
    (broken_copy.path / "docs" / "glossary.md").unlink()
    broken_copy.edit("mkdocs.yml", "      - Glossary: glossary.md\n", "")
    result = broken_copy.build(english_only=True)  # must fail: English input, English build
    assert result.returncode != 0
    assert "glossary.html" in result.stderr and "moved" in result.stderr, result.stderr[-1500:]


def test_renaming_a_registered_anchor_fails_naming_it(broken_copy):
    # A tidy rename: the new id is registered and every internal link follows it.
    # Only the registry knows that outside citations still point at the old one.
    broken_copy.edit(
        REGISTRY, "  - us-forces.html#troop-levels\n", "  - us-forces.html#troop-levels\n  - us-forces.html#troops\n"
    )
    broken_copy.edit("docs/us-forces.md", "{#troop-levels}", "{#troops}")
    for path in [*broken_copy.path.glob("docs/*.md"), broken_copy.path / "data" / "timeline.yml"]:
        path.write_text(path.read_text(encoding="utf-8").replace("us-forces.md#troop-levels", "us-forces.md#troops"))
    result = broken_copy.build(english_only=True)  # must fail: English input, English build
    assert result.returncode != 0
    assert "us-forces.html#troop-levels" in result.stderr, result.stderr[-1500:]


def test_an_unregistered_anchor_fails_naming_it(broken_copy):
    broken_copy.edit("docs/us-forces.md", "{#troop-levels}", "{#troop-levels}\n\n### Troops {#troops}")
    result = broken_copy.build(english_only=True)  # must fail: English input, English build
    assert result.returncode != 0
    assert "us-forces.html#troops" in result.stderr, result.stderr[-1500:]


def test_adding_an_unregistered_page_fails_naming_it(broken_copy):
    (broken_copy.path / "docs" / "draft.md").write_text(
        "---\ntitle: Draft\ndescription: A draft.\npublished: 2026-11-27\nupdated: 2026-11-27\n---\n# Draft\n"
    )
    broken_copy.edit(
        "mkdocs.yml", "      - Changelog: changelog.md\n", "      - Changelog: changelog.md\n      - Draft: draft.md\n"
    )
    result = broken_copy.build(english_only=True)  # must fail: English input, English build
    assert result.returncode != 0
    assert "draft.html" in result.stderr, result.stderr[-1500:]


def test_a_duplicate_registry_entry_fails_naming_it(broken_copy):
    broken_copy.edit(REGISTRY, "  - faq.html\n", "  - faq.html\n  - faq.html\n")
    result = broken_copy.build(english_only=True)  # must fail: English input, English build
    assert result.returncode != 0 and "'faq.html' is listed twice" in result.stderr


def test_a_moved_entry_that_points_nowhere_fails(broken_copy):
    broken_copy.edit(REGISTRY, "moved: []", "moved:\n  - from: old-faq.html\n    to: nowhere.html")
    result = broken_copy.build(english_only=True)  # must fail: English input, English build
    assert result.returncode != 0 and "nowhere.html" in result.stderr


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory):
    """The glossary moved to terms.html, with its old address registered as moved."""
    from conftest import copy_project

    root = tmp_path_factory.mktemp("moved")
    project = copy_project(root / "project")
    (project / "docs" / "glossary.md").rename(project / "docs" / "terms.md")
    if (project / "ko" / "glossary.md").exists():  # the Korean twin moves with its page
        (project / "ko" / "glossary.md").rename(project / "ko" / "terms.md")
    for path, old, new in [
        ("mkdocs.yml", "Glossary: glossary.md", "Glossary: terms.md"),
        (REGISTRY, "  - glossary.html", "  - terms.html"),
        (REGISTRY, "moved: []", "moved:\n  - from: glossary.html\n    to: terms.html"),
        ("data/changes.yml", "glossary.md", "terms.md"),  # the record follows the page
        ("data/search.yml", "glossary.md", "terms.md"),  # and so do its search keywords
        ("data/ko/search.yml", "glossary.md", "terms.md"),  # in both editions
    ]:
        file = project / path
        file.write_text(file.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    for md in [*(project / "docs").glob("*.md"), *(project / "ko").glob("*.md")]:
        md.write_text(md.read_text(encoding="utf-8").replace("(glossary.md", "(terms.md"), encoding="utf-8")
    registry = project / REGISTRY
    registry.write_text(
        registry.read_text(encoding="utf-8").replace("  - glossary.html#", "  - terms.html#"), encoding="utf-8"
    )
    result = run_build(project, root / "site")
    assert result.returncode == 0, f"moving a page with a 'moved' entry should build:\n{result.stderr[-2000:]}"
    return root / "site"


def test_a_moved_page_leaves_a_redirect(moved_site):
    redirect = BeautifulSoup((moved_site / "glossary.html").read_text(encoding="utf-8"), "html.parser")
    assert redirect.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=terms.html"
    assert redirect.find("link", rel="canonical")["href"].endswith("/terms.html")
    assert redirect.find("a", href="terms.html")


@pytest.mark.browser
@pytest.mark.parametrize("how", ["file", "http"])
def test_the_redirect_leads_readers_to_the_new_page_and_section(moved_site, visit, how):
    reader = visit()
    if how == "file":
        reader.page.goto((moved_site / "glossary.html").as_uri() + "#opcon")
        reader.page.wait_for_url("**/terms.html#opcon")
        return
    with serve_folder(moved_site) as address:
        reader.page.goto(address + "glossary.html#opcon")
        reader.page.wait_for_url("**/terms.html#opcon")
        assert reader.page.locator("#opcon").is_visible()


def test_sitemap_lists_exactly_the_live_pages(site):
    live = yaml.safe_load((ROOT / REGISTRY).read_text(encoding="utf-8"))["live"]
    pages = sorted("http://127.0.0.1:8000/" + a for a in live if "#" not in a)
    listed = sorted(re.findall(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8")))
    assert listed == pages


# ---- Headings and the changelog ----


def test_every_heading_has_a_link_to_itself(html_pages):
    for path, soup in content_pages(html_pages).items():
        for heading in soup.select("article h2[id], article h3[id]"):
            if heading.find_parent(class_="cite-this-page"):
                continue
            link = heading.find("a", class_="headerlink")
            assert link and link["href"] == "#" + heading["id"], f"{path}: {heading['id']} has no permalink"


def test_every_page_appears_in_the_changelog_on_its_updated_date(html_pages):
    changelog = html_pages["changelog.html"]
    for path, soup in content_pages(html_pages).items():
        updated = soup.select_one(".page-updated time")["datetime"]
        section = changelog.find(id=updated)
        assert section, f"changelog has no entry for {updated} ({path} was updated then)"
        links = set()
        for sibling in section.find_next_siblings():
            if sibling.name == "h2":
                break
            links |= {a["href"].split("#")[0] for a in sibling.find_all("a", href=True)}
        assert path in links, f"changelog entry {updated} does not mention {path}"


# ---- Reproducible ----


def test_two_builds_with_the_same_source_date_epoch_are_identical(site, rebuilt_site):
    again = rebuilt_site
    comparison = filecmp.dircmp(site, again)
    differing = []

    def walk(c, prefix=""):
        differing.extend(prefix + n for n in c.diff_files + c.left_only + c.right_only)
        for name, sub in c.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(comparison)
    # dircmp compares shallowly by size and time first; compare contents of every file too.
    for file in site.rglob("*"):
        if file.is_file() and file.read_bytes() != (again / file.relative_to(site)).read_bytes():
            differing.append(str(file.relative_to(site)))
    assert not differing, f"builds differ in {sorted(set(differing))}"
