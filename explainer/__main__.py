"""The command line: the site's checks and chores without MkDocs.

    python -m explainer check [--root DIR]        every input, read and cross-checked as the build does
    python -m explainer post SITE [--root DIR]    a built site (any engine's): evidence, other hosts, addresses
    python -m explainer edition [--date DAY]      cut today's dated edition (make edition)
    python -m explainer review [--today DAY]      pages whose last review is older than the cycle (make check-review)

`check` and `post` print one line per problem (or "no problems found") and exit 1 when
there is one; `review` exits 1 when a page is due; a wrong command line exits 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import check_review, check_site, make_edition

COMMANDS = ("check", "post", "edition", "review")


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("", [])
    if command == "edition":
        make_edition.main(rest)
        return 0
    if command == "review":
        return check_review.main(rest)
    if command not in ("check", "post"):
        print(__doc__, file=sys.stderr)
        return 2
    parser = argparse.ArgumentParser(prog=f"python -m explainer {command}")
    if command == "post":
        parser.add_argument("site", type=Path, help="the folder a build wrote")
    parser.add_argument("--root", type=Path, default=check_site.ROOT, help="the project (mkdocs.yml, docs/, data/)")
    args = parser.parse_args(rest)
    problems = check_site.check(args.root) if command == "check" else check_site.post(args.site, args.root)
    print("\n".join(problems) or "no problems found")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
