"""Where the site is hosted, decided once, and the states in which an edition must not be cut.

The hosted address lives in one committed place: `extra.hosted_url` in mkdocs.yml (null while
no address is decided). The deploy workflow checks the address GitHub Pages gives it against it
(`python -m explainer.hosting deploy URL`), and `make edition` refuses to cut an edition for any
other address. An edition is frozen by its hash for good, so it is cut only when it can be right
for good: for the hosted address (not a local preview, whose links point at 127.0.0.1) and from
committed files (what it holds is then in the history, at the commit it was cut from).

Each refusal is a HostingError whose message starts with its name.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from explainer.build_inputs import is_preview, site_url_problem

CONFIG_KEY = "extra.hosted_url in mkdocs.yml"


class HostingError(Exception):
    """A refusal: `name` says which rule (edition-needs-site-url, edition-preview-address, ...)."""

    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        super().__init__(f"{name}: {problem}")


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml holds MkDocs' own tags (!ENV, !relative); their values do not matter here."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def hosted_url(config_file: Path) -> str | None:
    """extra.hosted_url of mkdocs.yml: the address the site is published at, or None if undecided."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_AnyTagLoader) or {}
    value = (config.get("extra") or {}).get("hosted_url")
    if value is None:
        return None
    problem = "is not text" if not isinstance(value, str) else site_url_problem(value)
    if problem is None and is_preview(value):
        problem = "is a local preview address, not a hosted one"
    if problem:
        raise HostingError("hosted-url-invalid", f"{CONFIG_KEY}: {value!r} {problem}")
    return str(value)


def check_edition(site_url: str | None, hosted: str | None, uncommitted: str) -> None:
    """Refuse to cut an edition without a hosted SITE_URL, for a preview address, for another
    address than the hosted one, or with uncommitted changes (`git status --porcelain` output)."""
    if not site_url:
        raise HostingError(
            "edition-needs-site-url",
            "an edition is frozen for good, so it is cut for the hosted address: "
            f"run SITE_URL={hosted or 'https://…/'} make edition",
        )
    if is_preview(site_url):
        raise HostingError(
            "edition-preview-address",
            f"SITE_URL={site_url} is a local preview address: an edition cut for it "
            "would link to this machine for good; set SITE_URL to the hosted address",
        )
    problem = site_url_problem(site_url)
    if problem:
        raise HostingError("edition-site-url-invalid", f"SITE_URL={site_url!r} {problem}")
    if hosted is None:
        raise HostingError(
            "edition-no-hosted-address",
            f"no hosted address is decided: set {CONFIG_KEY} to {site_url}, commit it, "
            "and deploy (the deploy checks the same address) before cutting an edition",
        )
    if site_url != hosted:
        raise HostingError(
            "edition-not-hosted-address", f"SITE_URL={site_url} is not the hosted address {hosted} ({CONFIG_KEY})"
        )
    if uncommitted.strip():
        changed = ", ".join(line[3:] for line in uncommitted.splitlines()[:5] if line.strip())
        raise HostingError(
            "edition-uncommitted-changes",
            f"commit or remove these first, so that the edition is what the history "
            f"holds: {changed}{' …' if len(uncommitted.splitlines()) > 5 else ''}",
        )


def uncommitted_changes(root: Path) -> str:
    """`git status --porcelain` of the checkout: changed, staged and untracked files (not ignored ones)."""
    try:
        result = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=all"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError as error:
        raise HostingError(
            "edition-needs-git",
            "git is not installed: an edition is cut from a git checkout, to know that nothing is uncommitted",
        ) from error
    if result.returncode != 0:
        raise HostingError("edition-needs-git", f"git status failed: {result.stderr.strip()}")
    return result.stdout


def check_deploy(pages_url: str, hosted: str | None) -> None:
    """The address GitHub Pages publishes at must be the committed hosted address."""
    if not pages_url.endswith("/"):
        pages_url += "/"
    if hosted is None:
        raise HostingError(
            "deploy-no-hosted-address",
            f"GitHub Pages publishes at {pages_url}, but no hosted address is decided: "
            f"set {CONFIG_KEY} to {pages_url} and commit it",
        )
    if pages_url != hosted:
        raise HostingError(
            "deploy-address-mismatch",
            f"GitHub Pages publishes at {pages_url}, but {CONFIG_KEY} is {hosted}: "
            "correct whichever is wrong before publishing",
        )


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "deploy":
        print("usage: python -m explainer.hosting deploy PAGES_URL", file=sys.stderr)
        return 2
    root = Path(__file__).resolve().parent.parent
    try:
        check_deploy(argv[1], hosted_url(root / "mkdocs.yml"))
    except HostingError as error:
        print(f"::error::{error}", file=sys.stderr)
        return 1
    print(f"the Pages address is the hosted address: {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
