#!/usr/bin/env bash
# Install the Debian packages Serve First needs, only when they are missing.
#   scripts/system-deps.sh build   -> what rendering needs (Pango for WeasyPrint, the Lato font)
#   scripts/system-deps.sh test    -> the above, plus poppler-utils (pdftoppm, pdffonts)
# Nothing is downloaded at build time; this runs once per machine.
set -euo pipefail
want=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-lato)
if [ "${1:-build}" = "test" ]; then
  want+=(poppler-utils)
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
