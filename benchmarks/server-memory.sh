#!/usr/bin/env bash
# Start-up time and peak memory of the server with N API tokens (SPEC §9):
# time from launch to the first 200 from /health, then three token-authenticated calls and two
# reloads of the token file, then the peak resident memory (VmHWM) of the process.
#
#   benchmarks/server-memory.sh [TOKENS] [LAUNCHER...]
#   benchmarks/server-memory.sh 100000 installer/target/jpackage/image/pgedge-postgres-mcp-admin/bin/pgedge-postgres-mcp
#   benchmarks/server-memory.sh 10 java -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar server-core/target/pgedge-postgres-mcp.jar
#
# Loopback only. Linux only (reads /proc). Needs curl and python3.
set -euo pipefail
tokens=${1:-100000}
shift || true
if [ $# -eq 0 ]; then
  set -- installer/target/jpackage/image/pgedge-postgres-mcp-admin/bin/pgedge-postgres-mcp
fi
port=${PORT:-18181}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/tokens.yaml" "$tokens" <<'PY'
import hashlib, sys
path, n = sys.argv[1], int(sys.argv[2])
with open(path, "w") as f:
    f.write("tokens:\n")
    for i in range(n):
        h = hashlib.sha256(("bench-token-%d" % i).encode()).hexdigest()
        f.write(f"    token-{1700000000 + i}:\n        hash: {h}\n        expires_at: null\n"
                f"        annotation: benchmark token {i}\n        created_at: 2025-12-23T15:26:41.123456789Z\n")
PY
chmod 600 "$work/tokens.yaml"

start=$(date +%s%N)
# A database that is not there: pools open lazily, so the server starts without one.
"$@" -http -addr "127.0.0.1:$port" -token-file "$work/tokens.yaml" -user-file "$work/users.yaml" \
  -db-host 127.0.0.1 -db-port 1 -db-name none -db-user none >"$work/server.log" 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do
  kill -0 "$pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.02
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
for _ in 1 2 3; do
  curl -s -o /dev/null -w '%{http_code} ' "http://127.0.0.1:$port/mcp/v1" -H 'Content-Type: application/json' \
    -H "Authorization: Bearer bench-token-$((tokens - 1))" -d '{"jsonrpc":"2.0","id":1,"method":"tools/list"}'
done
echo
for pad in '    ' '      '; do
  echo "$pad" >>"$work/tokens.yaml"
  sleep 3
done
reloads=$(grep -c 'Reloaded' "$work/server.log" || true)
peak=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
kill "$pid"
wait "$pid" 2>/dev/null || true
echo "tokens=$tokens  start-to-health=${ready} ms  reloads=${reloads}/2  peak RSS=$((peak / 1024)) MiB"
