#!/usr/bin/env bash
# Console open + search benchmark (docs/benchmarks.md, section "Console"). Headless, no display.
#   benchmarks/console-benchmark.sh [users] [tokens]      default 10000 100000
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -pl benchmarks -am compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
java -Xmx512m ${JAVA_OPTS:-} -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dheadless.geometry=1280x800-32 \
     -Dprism.order=sw -Djava.awt.headless=true -cp "$CP" com.pgedge.mcp.bench.console.ConsoleOpenBenchmark "$@" 2>&1 \
  | grep -v -e "^WARNING: Unsupported JavaFX" -e "PlatformImpl startup" -e "\[AUTH\]"
