"""The site as one zip, for readers with no network: plain Python, no MkDocs import.

Every page links to the zip with its size, found by zipping until the size printed in the
pages is the size of the zip that holds them. The zip is reproducible: sorted entries,
fixed times and permissions. explainer/mkdocs_adapter.py runs it after the build.
"""

import io
import re
import zipfile
from pathlib import Path

from .downloads import KO_PDF_NAME, PDF_NAME, SIZE_MARKER, ZIP_NAME
from .editions import FOLDER as EDITIONS

ZipDateTime = tuple[int, int, int, int, int, int]  # year, month, day, hours, minutes, seconds


def human_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{round(size / 1000)} KB"


def zip_bytes(files: dict[str, bytes], date_time: ZipDateTime) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"seoul-in-the-lead/{name}", date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name], compresslevel=9)
    return buffer.getvalue()


ONLINE_ONLY = "data-online-only"  # on a link of the zipped copy that needs the network; site.css says so


def bundle(site: Path, date_time: ZipDateTime, site_url: str, keep: frozenset[str] = frozenset()) -> bytes:
    """The zip, with its size written into every page, on disk too.

    In the zipped copy the download links point at the hosted zip and PDF: the copy cannot
    hold itself, and the PDF is printed from the built site after the zip is made. Of the
    dated editions it holds those in keep (the newest edition's page: a reader offline can
    read and cite it); the others, and every edition's zip, stay out (it would grow with each
    one). Every link to what stays out goes to the hosted site and is marked online-only
    (data-online-only, which the stylesheet labels), so that none fails without saying so.
    """

    def held(name: str) -> bool:
        return name != ZIP_NAME and (not name.startswith(EDITIONS + "/") or name in keep)

    every = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    files = {name: (site / name).read_bytes() for name in every if held(name)}
    marked = {name for name, data in files.items() if SIZE_MARKER.encode() in data}
    online = [ZIP_NAME, PDF_NAME, *sorted(name for name in every if not held(name) and name != ZIP_NAME)]
    hosted = {f'href="{name}"'.encode(): f'{ONLINE_ONLY} href="{site_url}{name}"'.encode() for name in online}
    # The Korean edition's pages (ko/) link the same files one folder up.
    hosted |= {b'href="../' + local[len(b'href="') :]: online for local, online in list(hosted.items())}
    # The Korean print edition's PDF, linked from ko/ beside it, is printed after the zip too.
    hosted[f'href="{KO_PDF_NAME}"'.encode()] = f'{ONLINE_ONLY} href="{site_url}ko/{KO_PDF_NAME}"'.encode()
    shown = "1.0 MB"
    for _ in range(10):
        filled = {
            name: data.replace(SIZE_MARKER.encode(), shown.encode()) if name in marked else data
            for name, data in files.items()
        }
        archive = zip_bytes(
            {
                name: to_hosted(data, hosted, site_url) if name.endswith(".html") else data
                for name, data in filled.items()
            },
            date_time,
        )
        if human_size(len(archive)) == shown:
            break
        shown = human_size(len(archive))
    for name in marked:
        (site / name).write_bytes(filled[name])
    return archive


def to_hosted(data: bytes, links: dict[bytes, bytes], site_url: str = "") -> bytes:
    """Links to what the zip does not hold go to the hosted site; every link of the zip to
    the hosted site (those, and the permanent addresses in the cite boxes) is marked online-only."""
    for local, hosted in links.items():
        data = data.replace(local, hosted)
    if site_url:
        data = re.sub(
            rb"(<a\b[^>]*?)(?<!" + ONLINE_ONLY.encode() + rb' )href="' + re.escape(site_url.encode()),
            lambda m: m.group(1) + ONLINE_ONLY.encode() + b' href="' + site_url.encode(),
            data,
        )
    return data
