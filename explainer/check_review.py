"""Pages whose last review (front matter `reviewed:`) is older than the review cycle.

    .venv/bin/python -m explainer review [--today YYYY-MM-DD]   (make check-review)

Kept out of the build on purpose: a build never compares against today's date, so that
two builds of one commit are the same. Exits 1 when a page is due, for use in a schedule.
"""

import argparse
import datetime
import sys
from pathlib import Path

from .site import Site

REVIEW_CYCLE = datetime.timedelta(days=90)  # stated on about.html#last-review
ROOT = Path(__file__).resolve().parent.parent  # the checkout this package is in


def due(today: datetime.date, site: Site) -> list[tuple[str, datetime.date]]:
    return [(page.src, page.reviewed) for page in site.pages.values() if today - page.reviewed > REVIEW_CYCLE]


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(prog="python -m explainer review", description=__doc__.splitlines()[0])
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today())
    today = parser.parse_args(argv).today
    pages = due(today, Site.load(root))
    for name, reviewed in pages:
        print(f"docs/{name}: last reviewed {reviewed}, more than {REVIEW_CYCLE.days} days before {today}")
    if not pages:
        print(f"every page was reviewed within {REVIEW_CYCLE.days} days of {today}")
    return 1 if pages else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
