"""The source list, data/sources.yml: loaded and validated once per change of the file.

Not a hook: the sources and timeline hooks both import it, so both see one list.
"""


from _data import ID, DataError, data_path, entry_name, human_date, load_list, partial_date

CONFIDENCE = {"H": "confirmed by several or official outlets",
              "M": "one outlet; attributed in the text",
              "A": "the article this site explains"}

_cache: dict = {}


def load_sources(config) -> dict[str, dict]:
    """Sources by id. Re-read only when the file changed (mkdocs serve rebuilds often)."""
    path = data_path(config, "sources.yml")
    key = (path, path.stat().st_mtime_ns)
    if key not in _cache:
        _cache.clear()
        _cache[key] = validate(load_list(path), path)
    return _cache[key]


def validate(entries: list[dict], path) -> dict[str, dict]:
    sources = {}
    for position, entry in enumerate(entries):
        name = entry_name(entry, position)
        for field in ("id", "outlet", "date", "url", "confidence"):
            if field not in entry:
                raise DataError(path, name, field, "missing (write null for an unknown date or url)")
        if not isinstance(entry["id"], str) or not ID.match(entry["id"]):
            raise DataError(path, name, "id", "use lowercase letters, digits and hyphens")
        if entry["id"] in sources:
            raise DataError(path, name, "id", "used by an earlier entry too")
        if ("title" in entry) == ("description" in entry):
            raise DataError(path, name, "title", "give either title (the headline) or description")
        if entry["confidence"] not in CONFIDENCE:
            raise DataError(path, name, "confidence", f"must be one of {', '.join(CONFIDENCE)}")
        if entry["date"] is not None:
            try:
                entry["date"] = partial_date(entry["date"])
            except ValueError as error:
                raise DataError(path, name, "date", str(error)) from error
        if entry["url"] is not None and not str(entry["url"]).startswith(("https://", "http://")):
            raise DataError(path, name, "url", "must be an http(s) address or null")
        sources[entry["id"]] = entry
    return sources


def citation_text(source: dict) -> str:
    """One source as Markdown: outlet, headline or description, date, address."""
    name = f"“{source['title']}”" if "title" in source else source["description"]
    date = human_date(source["date"]) if source["date"] else "undated"
    text = f"{source['outlet']}, {name}, {date}."
    if source["url"]:
        text += f" <{source['url']}>"
    return text
