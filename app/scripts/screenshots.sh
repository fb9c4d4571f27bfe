#!/usr/bin/env bash
# Saves a PNG of each console screen (1280x800, realistic sample data) into docs/screenshots/.
#   app/scripts/screenshots.sh            headless (Monocle, software rendering; no display needed)
#   app/scripts/screenshots.sh --xvfb     a real GTK window under Xvfb; needs:
#       apt-get install -y --no-install-recommends xvfb libgtk-3-0
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl app -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
CP="app/target/test-classes:app/target/classes:$(cat app/target/test-classpath.txt)"
MAIN=com.pgedge.mcp.admin.tools.ScreenshotTour
OUT=docs/screenshots
if [ "${1:-}" = "--xvfb" ]; then
  xvfb-run -a -s "-screen 0 1280x800x24" java -Dprism.order=sw -cp "$CP" "$MAIN" "$OUT"
else
  java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dheadless.geometry=1280x800-32 \
       -Dprism.order=sw -Dprism.text=t2k -Djava.awt.headless=true -cp "$CP" "$MAIN" "$OUT"
fi
