"""Ship only what readers load: Material copies files that this site never uses.

- search-language files for some twenty languages (one alone is about 680 KB); the
  search worker loads only those of the configured languages, none for English;
- source maps, which only a developer's browser tools fetch.
The browser tests open every page, hosted and from disk, and would see a missing file.
"""

import shutil
from pathlib import Path

from mkdocs.plugins import event_priority


def unused_search_languages(lunr_dir: Path, languages: list[str]) -> list[Path]:
    """Files under assets/javascripts/lunr that Material's search worker never imports."""
    needed = set()
    for lang in languages:
        if lang != "en":
            needed |= {"min/lunr.stemmer.support.min.js", f"min/lunr.{lang}.min.js"}
        if lang == "ja":
            needed.add("tinyseg.js")
        if lang in ("hi", "th"):
            needed.add("wordcut.js")
    if len(languages) > 1:
        needed |= {"min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js"}
    return [p for p in lunr_dir.rglob("*") if p.is_file() and p.relative_to(lunr_dir).as_posix() not in needed]


def search_languages(config) -> list[str]:
    search = config.plugins.get("material/search") or config.plugins.get("search")
    return list(search.config.lang or ["en"]) if search else ["en"]


@event_priority(-150)  # after the offline plugin (-100), before the zip (-200)
def on_post_build(config):
    site = Path(config.site_dir)
    lunr = site / "assets" / "javascripts" / "lunr"
    if lunr.is_dir():
        for path in unused_search_languages(lunr, search_languages(config)):
            path.unlink()
        if not any(lunr.rglob("*.js")):
            shutil.rmtree(lunr)
    for source_map in (site / "assets").rglob("*.map"):
        source_map.unlink()
