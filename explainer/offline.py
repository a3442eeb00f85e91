"""The site as one zip, for readers with no network: plain Python, no MkDocs import.

Every page links to the zip with its size, found by zipping until the size printed in the
pages is the size of the zip that holds them. The zip is reproducible: sorted entries,
fixed times and permissions. explainer/mkdocs_adapter.py runs it after the build.
"""

import io
import zipfile
from pathlib import Path

from .downloads import PDF_NAME, SIZE_MARKER, ZIP_NAME
from .editions import FOLDER as EDITIONS


def human_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{round(size / 1000)} KB"


def zip_bytes(files: dict[str, bytes], date_time: tuple) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"seoul-in-the-lead/{name}", date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name], compresslevel=9)
    return buffer.getvalue()


def bundle(site: Path, date_time: tuple, site_url: str) -> bytes:
    """The zip, with its size written into every page, on disk too.

    In the zipped copy the download links point at the hosted zip and PDF: the copy cannot
    hold itself, and the PDF is printed from the built site after the zip is made. Dated
    editions stay out of it (it would grow with each one); its editions page links to them online.
    """
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
             if p.is_file() and p.name != ZIP_NAME and not p.relative_to(site).as_posix().startswith(EDITIONS + "/")}
    marked = {name for name, data in files.items() if SIZE_MARKER.encode() in data}
    hosted = {f'href="{name}"'.encode(): f'href="{site_url}{name}"'.encode() for name in (ZIP_NAME, PDF_NAME)}
    hosted[f'href="{EDITIONS}/'.encode()] = f'href="{site_url}{EDITIONS}/'.encode()
    shown = "1.0 MB"
    for _ in range(10):
        filled = {name: data.replace(SIZE_MARKER.encode(), shown.encode()) if name in marked else data
                  for name, data in files.items()}
        archive = zip_bytes({name: to_hosted(data, hosted) if name in marked else data
                             for name, data in filled.items()}, date_time)
        if human_size(len(archive)) == shown:
            break
        shown = human_size(len(archive))
    for name in marked:
        (site / name).write_bytes(filled[name])
    return archive


def to_hosted(data: bytes, links: dict[bytes, bytes]) -> bytes:
    for local, hosted in links.items():
        data = data.replace(local, hosted)
    return data
