#!/usr/bin/env bash
# Time from starting the console launcher to its first visible window, a few runs in a row.
# Needs an X display (for a headless machine: xvfb-run -a -s "-screen 0 1280x800x24" $0) and
# xdotool. Usage: console-startup.sh [LAUNCHER] [RUNS]
#   LAUNCHER  default: pgedge-postgres-mcp-admin from PATH (the installed package)
#   RUNS      default: 5
# Also writes a screenshot of the last run to console.png when ImageMagick's import is present.
set -euo pipefail
launcher=${1:-pgedge-postgres-mcp-admin}
runs=${2:-5}
command -v xdotool >/dev/null || { echo "needs xdotool (Debian package xdotool)" >&2; exit 1; }
[ -n "${DISPLAY:-}" ] || { echo "needs an X display; try: xvfb-run -a $0 $*" >&2; exit 1; }

times=()
cpus=()
for run in $(seq "$runs"); do
    start=$(date +%s%N)
    "$launcher" >/dev/null 2>&1 &
    pid=$!
    if ! window=$(timeout 60 xdotool search --sync --onlyvisible --pid "$pid" 2>/dev/null | head -1); then
        kill "$pid" 2>/dev/null || true
        echo "run $run: no window within 60 s" >&2
        exit 1
    fi
    shown=$(date +%s%N)
    # CPU time the console had used by then (user + system, in clock ticks): on a busy machine
    # wall time mostly measures the other processes, this does not.
    read -r -a stat < "/proc/$pid/stat"
    cpu_ms=$(( (stat[13] + stat[14]) * 1000 / $(getconf CLK_TCK) ))
    ms=$(( (shown - start) / 1000000 ))
    times+=("$ms")
    cpus+=("$cpu_ms")
    echo "run $run: window $window after $ms ms (CPU $cpu_ms ms)"
    if [ "$run" = "$runs" ] && command -v import >/dev/null; then
        sleep 3 # let the first layout and the file loading finish
        import -window root console.png
    fi
    kill "$pid"
    wait "$pid" 2>/dev/null || true
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
echo "time to window: min $(echo "$sorted" | head -1) ms, median $(median "${times[@]}") ms, max $(echo "$sorted" | tail -1) ms"
echo "CPU to window: median $(median "${cpus[@]}") ms ($(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
