"""Page weight as a reader's browser pays it; shared by the budget tests and tests/support/bench.py."""

import gzip
import re
from pathlib import Path

from bs4 import BeautifulSoup

URL_IN_CSS = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def render_files(site: Path, page: Path) -> set[Path]:
    """The files a page needs to render: itself, its styles, scripts, images and icons,
    and what the styles pull in. (The search worker and index load later, on their own.)"""
    soup = BeautifulSoup(page.read_bytes(), "html.parser")
    addresses = [t["src"] for t in soup.find_all(["script", "img"], src=True)]
    addresses += [t["href"] for t in soup.find_all("link", href=True) if set(t.get("rel", [])) & {"stylesheet", "icon"}]
    files = {page}
    for address in addresses:
        relative = address.split("?")[0].split("#")[0]
        base = site if relative.startswith("/") else page.parent  # 404.html roots its addresses
        path = (base / relative.lstrip("/")).resolve()
        if path.is_file():
            files.add(path)
            if path.suffix == ".css":
                for url in URL_IN_CSS.findall(path.read_text(encoding="utf-8")):
                    nested = path.parent / url.split("?")[0].split("#")[0]
                    if not url.startswith("data:") and nested.is_file():
                        files.add(nested.resolve())
    return files


def first_view(site: Path, page: Path) -> int:
    """Bytes, gzip-compressed, of everything the page needs to render."""
    return sum(gz(path.read_bytes()) for path in render_files(site, page))


def search_index(site: Path) -> int:
    """Bytes, gzip-compressed, that the search worker fetches once, after the page is up."""
    return sum(gz(p.read_bytes()) for p in (site / "search").glob("search_index.json"))
