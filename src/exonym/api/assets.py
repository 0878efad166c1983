"""Files served as they are from a folder of an installed package: the page's static/ folder and
Swagger UI's bundle. The content type comes from a fixed table, not from the machine's mime.types
(which differs between systems and may name .js application/javascript or nothing at all); only
the folder's own files are served (a name, never a path); each is read once and kept."""

from __future__ import annotations

import functools
import hashlib
from importlib.resources import files

from fastapi import Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}


class Assets:
    """The files of `package`'s `folder` whose suffix is in MEDIA_TYPES."""

    def __init__(self, package: str, folder: str, *, headers: dict[str, str] | None = None) -> None:
        self.package = package
        self.folder = folder
        self.headers = headers or {}

    @functools.cached_property
    def files(self) -> dict[str, tuple[bytes, str, str]]:
        """name -> (content, media type, ETag)."""
        out = {}
        for item in files(self.package).joinpath(self.folder).iterdir():
            suffix = "." + item.name.rpartition(".")[2]
            if item.is_file() and suffix in MEDIA_TYPES:
                content = item.read_bytes()
                out[item.name] = (content, MEDIA_TYPES[suffix], '"' + hashlib.sha256(content).hexdigest()[:32] + '"')
        return out

    def response(self, request: Request, name: str, headers: dict[str, str] | None = None) -> Response:
        """The file `name` (404 if the folder has none), or 304 when the client holds this version.
        no-cache: the browser asks again each time, so a new release is seen at once."""
        try:
            content, media_type, etag = self.files[name]
        except KeyError:
            raise HTTPException(404, f"no file {name!r}") from None
        sent = {"ETag": etag, "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff", **self.headers, **(headers or {})}
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers=sent)
        return Response(content, media_type=media_type, headers=sent)


# The pages load nothing from elsewhere and run no inline script: a mention or an entry that
# slipped past the page's escaping could not run code, and a copy that tried to reach a CDN would
# fail in the browser test rather than silently in a newsroom without network.
POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
PAGE = Assets("exonym.api", "static", headers={"Content-Security-Policy": POLICY, "Referrer-Policy": "no-referrer"})
SWAGGER_UI = Assets("fastapi_offline", "static")
