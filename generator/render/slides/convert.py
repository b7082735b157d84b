"""LibreOffice, headless, for what python-pptx cannot do: a PDF of the deck, a PNG of an
SVG logo. It is optional: without it the build skips these with a notice."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ...errors import BuildError

TIMEOUT = 600
INSTALL_HINT = "install LibreOffice Impress (Debian: libreoffice-impress)"


def soffice() -> str | None:
    """The LibreOffice command, if it is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(
    source: Path, target: Path, kind: str = "pdf", pixels: tuple[int, int] | None = None
) -> None:
    """Convert ``source`` to ``target`` (``kind``: pdf or png, ``pixels`` its size) with
    LibreOffice.

    Each run gets a profile of its own in a temporary folder, so it neither waits for
    nor disturbs a LibreOffice the user has open, and runs in parallel stay apart.
    """
    command = soffice()
    if command is None:
        raise BuildError(f"LibreOffice is not installed; {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="servefirst-soffice-") as scratch:
        profile, outdir = Path(scratch, "profile"), Path(scratch, "out")
        try:
            done = subprocess.run(
                [
                    command,
                    f"-env:UserInstallation={profile.as_uri()}",
                    "--headless",
                    "--norestore",
                    "--nolockcheck",
                    "--convert-to",
                    _with_size(kind, pixels),
                    "--outdir",
                    str(outdir),
                    str(source),
                ],
                capture_output=True,
                text=True,
                timeout=TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise BuildError(f"LibreOffice took over {TIMEOUT} s to convert {source.name}") from exc
        result = outdir / f"{source.stem}.{kind}"
        if done.returncode != 0 or not result.is_file():
            detail = (done.stderr or done.stdout).strip().splitlines()
            reason = detail[-1] if detail else f"exit code {done.returncode}"
            raise BuildError(f"LibreOffice could not convert {source.name}: {reason}")
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        shutil.move(str(result), temporary)
        temporary.replace(target)


def _with_size(kind: str, pixels: tuple[int, int] | None) -> str:
    if pixels is None:
        return kind
    width, height = pixels
    return (
        f'{kind}:draw_{kind}_Export:{{"PixelWidth":{{"type":"long","value":"{width}"}},'
        f'"PixelHeight":{{"type":"long","value":"{height}"}}}}'
    )
