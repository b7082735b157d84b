"""A WeasyPrint URL fetcher that never touches the network.

Only ``data:`` URLs and files inside the allowed folders (the program and the package)
are fetched; anything else is refused with a fatal error naming the URL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from weasyprint.urls import FatalURLFetchingError, URLFetcher

from ..errors import BuildError


class LocalFetcher(URLFetcher):  # type: ignore[misc]
    def __init__(self, roots: Iterable[Path]) -> None:
        super().__init__(allowed_protocols={"file", "data"})
        package = Path(str(files("generator")))
        self.roots = [r.resolve() for r in (*roots, package)]

    def fetch(self, url: str, headers: Any = None) -> Any:
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme != "file":
            raise FatalURLFetchingError(f"refused to fetch {url}: builds never use the network")
        path = Path(unquote(urlparse(url).path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            raise FatalURLFetchingError(f"refused to read {path}: it is outside the program folder")
        if not path.is_file():
            raise FatalURLFetchingError(f"refused to read {path}: not a regular file")
        return super().fetch(url, headers)


@contextmanager
def refusals_reported(document: str) -> Iterator[None]:
    """A refused fetch stops the render (WeasyPrint lets only a BaseException through);
    the command line reports it as a BuildError, a message without a traceback."""
    try:
        yield
    except FatalURLFetchingError as exc:
        raise BuildError(f"the {document} PDF was not made: {exc}") from exc
