#!/usr/bin/env bash
# Renders the icon sources into the files each platform needs, and copies the window icons
# into the console's resources. The outputs are committed, so a build never needs these tools;
# run this again after editing an SVG, look at the PNGs, and commit everything it wrote.
#
# Tools (Debian packages): librsvg2-bin (rsvg-convert), imagemagick (convert), icnsutils (png2icns).
#
#   pgedge-postgres-mcp.svg        the icon, drawn on a 512 grid (24 px and up)
#   pgedge-postgres-mcp-small.svg  the same icon redrawn on the 16 px grid (16 px only)
#
# Writes:
#   png/pgedge-postgres-mcp-<size>.png  16 24 32 48 64 128 256 512 (Linux, the .deb, window icons)
#   pgedge-postgres-mcp.png             256 px copy: the icon jpackage gets on Linux
#   pgedge-postgres-mcp.ico             Windows, multi-size (16 24 32 48 64 128 256)
#   pgedge-postgres-mcp.icns            macOS (16 32 48 128 256 512)
#   app/src/main/resources/com/pgedge/mcp/admin/icons/pgedge-postgres-mcp-<size>.png
#                                       16 24 32 48 64 128 256 (the console's stage icons)
set -euo pipefail
cd "$(dirname "$0")"

name=pgedge-postgres-mcp
sizes=(16 24 32 48 64 128 256 512)
ico_sizes=(16 24 32 48 64 128 256)
icns_sizes=(16 32 48 128 256 512)
window_sizes=(16 24 32 48 64 128 256)
window_dir=../app/src/main/resources/com/pgedge/mcp/admin/icons

# Prefer the real ImageMagick binary over any wrapper earlier on PATH.
convert=convert
[ -x /usr/bin/convert ] && convert=/usr/bin/convert

missing=()
command -v rsvg-convert >/dev/null || missing+=(librsvg2-bin)
command -v "$convert" >/dev/null || missing+=(imagemagick)
command -v png2icns >/dev/null || missing+=(icnsutils)
if [ ${#missing[@]} -gt 0 ]; then
    echo "generate.sh: missing tools; install the Debian packages: ${missing[*]}" >&2
    exit 1
fi

mkdir -p png "$window_dir"
for size in "${sizes[@]}"; do
    source_svg=$name.svg
    [ "$size" -le 16 ] && source_svg=$name-small.svg
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio \
        --output "png/$name-$size.png" "$source_svg"
done
cp "png/$name-256.png" "$name.png"

# -strip drops the creation/modification dates, so an unchanged SVG gives unchanged files.
ico_inputs=()
for size in "${ico_sizes[@]}"; do ico_inputs+=("png/$name-$size.png"); done
"$convert" "${ico_inputs[@]}" -strip "$name.ico"

icns_inputs=()
for size in "${icns_sizes[@]}"; do icns_inputs+=("png/$name-$size.png"); done
png2icns "$name.icns" "${icns_inputs[@]}" >/dev/null

rm -f "$window_dir"/$name-*.png
for size in "${window_sizes[@]}"; do cp "png/$name-$size.png" "$window_dir/"; done

echo "generate.sh: wrote png/ ($(IFS=' '; echo "${sizes[*]}")), $name.png, $name.ico, $name.icns and $window_dir"
