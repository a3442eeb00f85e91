"""Cool URIs don't change: the build keeps every address in data/addresses.yml.

Adapter only (hooks/_addresses.py holds the rules). The build fails, naming the address,
when a live address is not produced, when a page or a citable anchor is produced that the
registry does not list, when a moved entry points nowhere, when two entries claim one
address, or when an address an earlier registry held (the last commit's, the one before, the
newest dated edition's: explainer.addresses.lost_addresses) has left it other than by moving.
For each moved page it writes a redirect page at the old address.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from _adapter import reports_data_errors
from explainer.addresses import (REGISTRY, citable_ids, exists, ids_in, lost_addresses, read_registry,
                                 write_redirect)
from explainer.data import data_path

live: set[str] = set()
moved: dict[str, str] = {}
produced: dict[str, set[str]] = {}  # page address -> ids present in its HTML


@reports_data_errors
def on_config(config):
    registry_live, registry_moved = read_registry(data_path(config, "addresses.yml"))
    lost = lost_addresses(Path(config.config_file_path).parent, registry_live, registry_moved)
    if lost:
        raise PluginError("\n".join(lost))
    live.clear()
    live.update(registry_live)
    moved.clear()
    moved.update(registry_moved)
    produced.clear()


def on_files(files, config):
    pages = {f.dest_uri for f in files.documentation_pages()}
    unlisted = sorted(pages - live)
    if unlisted:
        raise PluginError(f"{REGISTRY}: the site would publish {', '.join(unlisted)}, which the registry "
                          "does not list. Add each under 'live' (addresses are permanent once published)")
    return files


@event_priority(-50)  # last: sees the anchors the generating hooks wrote, whatever their order in mkdocs.yml
def on_page_markdown(markdown, page, **kwargs):
    address = page.file.dest_uri
    unlisted = [f"{address}#{i}" for i in citable_ids(markdown) if f"{address}#{i}" not in live]
    if unlisted:
        raise PluginError(f"{page.file.src_uri}: citable anchor(s) {', '.join(unlisted)} are not in "
                          f"{REGISTRY}. Add each under 'live', or, if it replaces an old id, "
                          "list the old one under 'moved'")
    return markdown


def on_post_page(output, page, config):
    produced[page.file.dest_uri] = ids_in(output)
    return output


def on_post_build(config):
    missing = sorted(a for a in live if not exists(a, produced))
    if missing:
        raise PluginError(f"{REGISTRY}: published address(es) no longer produced: {', '.join(missing)}. "
                          "Restore them, or move each from 'live' to 'moved' with the address that replaces it")
    for old, new in sorted(moved.items()):
        if not exists(new, produced):
            raise PluginError(f"{REGISTRY}: moved '{old}' points at '{new}', which the site does not produce")
        if exists(old, produced):
            raise PluginError(f"{REGISTRY}: '{old}' is listed as moved but the site still produces it; "
                              "list it under 'live' instead")
        write_redirect(Path(config.site_dir) / old, new, config.site_url or "")
