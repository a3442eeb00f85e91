"""Bad input stops the strict build with a message that names the file and the problem.

Full builds only where the build's own plumbing is under test (a hook's error reaching
the build's message); the rules themselves are unit-tested on small inputs below and in
tests/test_data_files.py."""

import datetime

import pytest

from explainer.front_matter import problems

BAD_PAGES = {
    "link to a missing page": (
        "docs/faq.md",
        "(us-forces.md#troop-levels)",
        "(us-force.md#troop-levels)",
        ["faq.md", "us-force.md"],
    ),
    "link to a missing anchor": (
        "docs/faq.md",
        "(us-forces.md#troop-levels)",
        "(us-forces.md#troop-level)",
        ["faq.md", "troop-level"],
    ),
    "impossible updated date": (
        "docs/faq.md",
        "updated: 2026-12-07",
        "updated: 2026-02-30",
        ["faq.md", "front matter cannot be read", "YYYY-MM-DD"],
    ),
    "unknown source id": ("docs/faq.md", "[^joongang-ndaa]", "[^joongang-nda]", ["faq.md", "joongang-nda"]),
    "image from another host": (
        "docs/faq.md",
        "# Frequently asked questions {#title}",
        "# Frequently asked questions {#title}\n\n![map](https://maps.example/korea.png)",
        ["faq.md", "https://maps.example/korea.png"],
    ),
    "script from another host": (
        "docs/faq.md",
        "# Frequently asked questions {#title}",
        '# Frequently asked questions {#title}\n\n<script src="https://cdn.example/x.js"></script>',
        ["faq.md", "https://cdn.example/x.js"],
    ),
    "style from another host": (
        "docs/faq.md",
        "# Frequently asked questions {#title}",
        '# Frequently asked questions {#title}\n\n<link rel="stylesheet" href="//cdn.example/x.css">',
        ["faq.md", "//cdn.example/x.css"],
    ),
    "source entry without outlet": (
        "data/sources.yml",
        "  outlet: Aju Press\n  kind: newspaper\n  date: 2026-01-24",
        "  kind: newspaper\n  date: 2026-01-24",
        ["sources.yml", "ajp-nds", "outlet"],
    ),
    "title heading without its fixed anchor": (
        "docs/faq.md",
        "# Frequently asked questions {#title}",
        "# Frequently asked questions",
        ["faq.md", "{#title}"],
    ),
    "source without kind": (
        "data/sources.yml",
        "  outlet: Aju Press\n  kind: newspaper\n  date: 2026-01-24",
        "  outlet: Aju Press\n  date: 2026-01-24",
        ["sources.yml", "ajp-nds", "kind"],
    ),
    "source of unknown kind": (
        "data/sources.yml",
        "  outlet: Aju Press\n  kind: newspaper\n  date: 2026-01-24",
        "  outlet: Aju Press\n  kind: blog\n  date: 2026-01-24",
        ["sources.yml", "ajp-nds", "kind"],
    ),
    "aggregator without what it summarises": (
        "data/sources.yml",
        "  summarises: a report by The Chosun Daily, citing defense analysts, as the site names it\n",
        "",
        ["sources.yml", "anews-usfk-me", "summarises"],
    ),
    "source address that is not http": (
        "data/sources.yml",
        "url: https://m.ajupress.com/amp/20260124132144370",
        "url: m.ajupress.com/amp/20260124132144370",
        ["sources.yml", "ajp-nds", "url"],
    ),
    "archive address typed by hand": (
        "data/sources.yml",
        "url: https://m.ajupress.com/amp/20260124132144370",
        "url: https://m.ajupress.com/amp/20260124132144370\n  archive_url: https://web.archive.org/",
        ["sources.yml", "ajp-nds", "archive_url"],
    ),
    "source without an address": (
        "data/sources.yml",
        "url: https://m.ajupress.com/amp/20260124132144370",
        "url: null",
        ["sources.yml", "ajp-nds", "url"],
    ),
}


@pytest.mark.parametrize("case", BAD_PAGES, ids=list(BAD_PAGES))
def test_bad_input_stops_the_build_with_a_message_naming_it(broken_copy, case):
    path, old, new, named = BAD_PAGES[case]
    broken_copy.edit(path, old, new)
    broken_copy.assert_build_fails_naming(*named)


# ---- Front matter rules, as the hook's pure function sees them ----
GOOD = {
    "title": "FAQ",
    "description": "Short answers.",
    "published": datetime.date(2026, 11, 27),
    "updated": datetime.date(2026, 11, 27),
    "reviewed": datetime.date(2026, 11, 27),
}


@pytest.mark.unit
@pytest.mark.parametrize(
    "change, named",
    [
        ({"title": None}, "title"),
        ({"description": None}, "description"),
        ({"updated": None}, "updated"),
        ({"updated": "27/11/2026"}, "updated"),
        ({"reviewed": None}, "reviewed"),
        ({"description": "x" * 161}, "160 characters"),
        ({"description": 'A "quote"'}, "typographic quotes"),
        ({"updated": datetime.date(2026, 11, 1)}, "earlier than 'published:'"),
        ({"reviewed": datetime.date(2026, 11, 26)}, "'reviewed:' cannot be earlier"),
        ({"description": "Short\nanswers."}, "U+000A"),
        ({"title": "FAQ\t"}, "U+0009"),  # a tab at the end: named, no longer an AttributeError
    ],
    ids=lambda value: str(value)[:30],
)
def test_front_matter_mistakes_are_named(change, named):
    meta = {key: value for key, value in {**GOOD, **change}.items() if value is not None}
    found = problems(meta)
    assert any(named in problem for problem in found), found
    assert problems(GOOD) == []
