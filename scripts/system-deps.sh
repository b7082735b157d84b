#!/usr/bin/env bash
# Install the Debian packages Serve First needs, only when they are missing.
#   scripts/system-deps.sh build   -> what rendering needs (Pango for WeasyPrint, the Lato font,
#                                     Noto fonts for Greek, Cyrillic, Chinese, Japanese, Korean,
#                                     Arabic, Hebrew, Devanagari, Thai and emoji, fontconfig's
#                                     fc-match for the missing-glyph check, LibreOffice Impress
#                                     for the PDF of the slide deck)
#   scripts/system-deps.sh test    -> the above, plus poppler-utils (pdftoppm, pdffonts),
#                                     chromium (browser tests) and npm (to fetch axe-core)
# Nothing is downloaded at build time; this runs once per machine.
set -euo pipefail
want=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-lato
      fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji libreoffice-impress)
if [ "${1:-build}" = "test" ]; then
  want+=(poppler-utils chromium)
  command -v npm >/dev/null || want+=(npm)  # any npm will do: Debian's or Node's own
fi
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q >/dev/null
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
