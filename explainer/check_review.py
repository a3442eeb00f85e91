"""Pages whose last review (front matter `reviewed:`) is older than the review cycle.

    .venv/bin/python -m explainer.check_review [--today YYYY-MM-DD]   (make check-review)

Kept out of the build on purpose: a build never compares against today's date, so that
two builds of one commit are the same. Exits 1 when a page is due, for use in a schedule.
"""

import argparse
import datetime
import sys
from pathlib import Path

import yaml

REVIEW_CYCLE = datetime.timedelta(days=90)  # stated on about.html#last-review
DOCS = Path(__file__).resolve().parent.parent / "docs"


def due(today: datetime.date) -> list[tuple[str, datetime.date]]:
    pages = []
    for page in sorted(DOCS.glob("*.md")):
        meta = yaml.safe_load(page.read_text(encoding="utf-8").split("---")[1])
        if today - meta["reviewed"] > REVIEW_CYCLE:
            pages.append((page.name, meta["reviewed"]))
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today())
    today = parser.parse_args().today
    pages = due(today)
    for name, reviewed in pages:
        print(f"docs/{name}: last reviewed {reviewed}, more than {REVIEW_CYCLE.days} days before {today}")
    if not pages:
        print(f"every page was reviewed within {REVIEW_CYCLE.days} days of {today}")
    return 1 if pages else 0


if __name__ == "__main__":
    sys.exit(main())
