"""Every data file, every kind of mistake: a message naming the file, the entry and the field.

Plain functions on small copies of the real files (no build): the schemas in data/schemas/
and each file's own validator, as the hooks call them.
"""

import copy
import datetime

import pytest
import yaml
from conftest import ROOT

from explainer import changes as _changes
from explainer import editions as _editions
from explainer import figures as figures
from explainer import sources as _sources
from explainer import timeline as timeline
from explainer.data import DataError, load_list

SOURCE_IDS = {s["id"] for s in yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8"))}
CHANGE_IDS = [c["id"] for c in yaml.safe_load((ROOT / "data" / "changes.yml").read_text(encoding="utf-8"))]
NEWEST_CHANGE = CHANGE_IDS[0]
AN_EDITION = {
    "date": "2026-11-20",
    "last_change": NEWEST_CHANGE,
    "file": "editions/2026-11-20.html",
    "sha256": "0" * 64,
    "zip": "editions/2026-11-20-offline.zip",
    "zip_sha256": "0" * 64,
}

VALIDATORS = {
    "sources": lambda entries, path: _sources.validate(entries, path),
    "timeline": lambda entries, path: timeline.validate(entries, path, SOURCE_IDS),
    "figures": lambda entries, path: figures.validate(entries, path, SOURCE_IDS),
    "changes": lambda entries, path: _changes.validate(entries, path, SOURCE_IDS),
    "editions": lambda entries, path: _editions.validate(entries, path, ROOT / "docs", CHANGE_IDS),
}

# file -> mistake -> (change the entries, the entry and field the message must name)
MISTAKES = {
    "sources": {
        "missing field": (lambda e: e[1].pop("outlet"), "reuters-nds", "outlet"),
        "wrong type": (lambda e: e[1].update(outlet=["Reuters"]), "reuters-nds", "outlet"),
        "unknown field": (lambda e: e[1].update(colour="blue"), "reuters-nds", "colour"),
        "bad id": (lambda e: e[1].update(id="Reuters NDS"), "Reuters NDS", "id"),
        "duplicate id": (lambda e: e[2].update(id="reuters-nds"), "reuters-nds", "id"),
        "bad date": (lambda e: e[1].update(date="2026-02-30"), "reuters-nds", "date"),
        "where read, missing": (lambda e: e[1].pop("read_in"), "reuters-nds", "read_in"),
        "where read, unknown place": (
            lambda e: by_id(e, "ajp-nds").update(read_in=[{"where": "memory"}]),
            "ajp-nds",
            "read_in",
        ),
        "where read, a copy without its address": (lambda e: e[1]["read_in"][1].pop("url"), "reuters-nds", "read_in"),
        "where read, a sheet not named": (
            lambda e: by_id(e, "ajp-nds").update(read_in=[{"where": "research sheet"}]),
            "ajp-nds",
            "read_in",
        ),
        "where read, an excerpt read nowhere": (lambda e: e[1]["read_in"].pop(), "reuters-nds", "read_in"),
        "where read, an excerpt in two places": (
            lambda e: e[1]["read_in"][2].update(excerpts=[5, 7]),
            "reuters-nds",
            "read_in",
        ),
        "where read, an excerpt that does not exist": (
            lambda e: e[1]["read_in"][2].update(excerpts=[7, 8]),
            "reuters-nds",
            "read_in",
        ),
        "where read, the address of a source without one": (
            lambda e: e[0].update(read_in=[{"where": "address"}]),
            "article",
            "read_in",
        ),
        "not found again, bad day": (
            lambda e: e[1].update(not_found_again="2026-12"),
            "reuters-nds",
            "not_found_again",
        ),
    },
    "timeline": {
        "missing field": (lambda e: e[0].pop("title"), "treaty-signed", "title"),
        "wrong type": (lambda e: e[0].update(summary=5), "treaty-signed", "summary"),
        "unknown field": (lambda e: e[0].update(colour="blue"), "treaty-signed", "colour"),
        "bad id": (lambda e: e[0].update(id="Treaty_Signed"), "Treaty_Signed", "id"),
        "duplicate id": (lambda e: e[1].update(id="treaty-signed"), "treaty-signed", "id"),
        "bad date": (lambda e: e[0].update(date="1953-13-01"), "treaty-signed", "date"),
    },
    "figures": {
        "missing field": (lambda e: e[0].pop("caption"), "division-of-labour", "caption"),
        "wrong type": (lambda e: e[0].update(columns="Aspect"), "division-of-labour", "columns"),
        "unknown field": (lambda e: e[0].update(colour="blue"), "division-of-labour", "colour"),
        "bad id": (lambda e: e[0].update(id="Division of labour"), "Division of labour", "id"),
        "duplicate id": (lambda e: e[1].update(id="division-of-labour"), "division-of-labour", "id"),
        "bad value": (lambda e: e[1]["rows"][0].update(value="2.32%"), "defense-spending", "rows[1].value"),
    },
    "changes": {
        "missing field": (lambda e: e[0].pop("text"), NEWEST_CHANGE, "text"),
        "wrong type": (lambda e: e[0].update(pages="index.md"), NEWEST_CHANGE, "pages"),
        "unknown field": (lambda e: e[0].update(colour="blue"), NEWEST_CHANGE, "colour"),
        "bad id": (lambda e: e[0].update(id="New editions"), "New editions", "id"),
        "duplicate id": (lambda e: e[1].update(id=NEWEST_CHANGE), NEWEST_CHANGE, "id"),
        "bad date": (lambda e: e[0].update(date="2026-02-30"), NEWEST_CHANGE, "date"),
    },
    "editions": {
        "missing field": (lambda e: e[0].pop("sha256"), "2026-11-20", "sha256"),
        "wrong type": (lambda e: e[0].update(sha256=5), "2026-11-20", "sha256"),
        "unknown field": (lambda e: e[0].update(colour="blue"), "2026-11-20", "colour"),
        "bad file": (lambda e: e[0].update(file="elsewhere/2026-11-20.html"), "2026-11-20", "file"),
        "bad date": (lambda e: e[0].update(date="2026-02-30"), "2026-02-30", "date"),
        "unknown last change": (lambda e: e[0].update(last_change="no-such-change"), "2026-11-20", "last_change"),
    },
}
CASES = [(name, mistake) for name, mistakes in MISTAKES.items() for mistake in mistakes]


def by_id(entries: list[dict], wanted: str) -> dict:
    """An entry picked by its id, not its place, so that adding a source elsewhere breaks no case."""
    return next(entry for entry in entries if entry.get("id") == wanted)


def real_entries(name: str) -> list[dict]:
    return copy.deepcopy(load_list(ROOT / "data" / f"{name}.yml"))


@pytest.mark.unit
@pytest.mark.parametrize("name", list(VALIDATORS))
def test_the_real_files_pass(name):
    VALIDATORS[name](real_entries(name), ROOT / "data" / f"{name}.yml")


@pytest.mark.unit
@pytest.mark.parametrize("name, mistake", CASES, ids=[f"{n}: {m}" for n, m in CASES])
def test_each_mistake_is_named_by_file_entry_and_field(tmp_path, name, mistake):
    change, entry, field = MISTAKES[name][mistake]
    entries = real_entries(name)
    if name == "editions":
        entries = [dict(AN_EDITION)]
    change(entries)
    path = tmp_path / f"{name}.yml"
    (tmp_path / "article.txt").write_text("The article.", encoding="utf-8")  # sources.yml's full_text
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        VALIDATORS[name](load_list(path), path)
    message = str(raised.value)
    assert f"{name}.yml" in message and f"entry '{entry}'" in message and f"field '{field}" in message, message


@pytest.mark.unit
def test_every_data_file_has_a_schema_its_editors_see():
    assert (
        (ROOT / "data" / "addresses.yml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=schemas/addresses.schema.json")
    )
    for name in VALIDATORS:
        first = (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=schemas/{name}.schema.json", f"data/{name}.yml"
        assert (ROOT / "data" / "schemas" / f"{name}.schema.json").is_file()


@pytest.mark.unit
def test_the_map_places_and_the_address_registry_have_schemas_too(tmp_path):
    from explainer.addresses import read_registry

    places = yaml.safe_load((ROOT / "data" / "map" / "places.yml").read_text(encoding="utf-8"))
    assert (
        (ROOT / "data" / "map" / "places.yml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../schemas/places.schema.json")
    )
    places[0]["colour"] = "blue"
    places[1]["toward"] = {"place": "seoul", "direction": "north"}  # a second way to place it
    path = tmp_path / "places.yml"
    path.write_text(yaml.safe_dump(places, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_list(path)
    assert "entry 'seoul', field 'colour': unknown field" in str(raised.value)
    assert "entry 'pyongyang'" in str(raised.value) and "exactly one of at, from or toward" in str(raised.value)

    registry = tmp_path / "addresses.yml"
    registry.write_text(
        "live: [index.html]\nmoved:\n  - from: old.html\n    to: index.html\n    why: renamed\n", encoding="utf-8"
    )
    with pytest.raises(DataError, match=r"field 'moved\[1\]\.why': unknown field"):
        read_registry(registry)


@pytest.mark.unit
def test_an_edition_lists_the_changes_it_holds_and_those_made_after_it(tmp_path):
    """Changes are matched to editions by id, not by date: a same-day change after an edition is not in it."""
    (tmp_path / "editions").mkdir()
    editions = []
    for day, last, name in ((20, "in-first", "a"), (27, "in-second", "b")):
        file = tmp_path / "editions" / f"{name}.html"
        file.write_text(name, encoding="utf-8")
        digest = _editions.sha256(file)
        editions.append(
            {
                "date": datetime.date(2026, 11, day),
                "last_change": last,
                "file": f"editions/{name}.html",
                "sha256": digest,
                "zip": f"editions/{name}.html",
                "zip_sha256": digest,
            }
        )
    changes = [{"id": id_} for id_ in ("later-same-day", "in-second", "also-in-second", "in-first")]
    ids = [c["id"] for c in changes]
    listing = _editions.editions_markdown(
        _editions.validate(copy.deepcopy(editions), tmp_path / "e.yml", tmp_path, ids), changes, tmp_path
    )
    assert "2 changes since 20 November 2026" in listing
    assert "1 change made after it is not in it" in listing
    editions[0]["last_change"], editions[1]["last_change"] = "in-second", "in-first"
    with pytest.raises(DataError, match="older than the previous edition"):
        _editions.validate(editions, tmp_path / "e.yml", tmp_path, ids)
