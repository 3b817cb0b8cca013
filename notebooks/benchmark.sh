#!/usr/bin/env bash
# ECG Attribution Lab: measure the notebook sequence (the budget the README states).
#
#   notebooks/benchmark.sh            every notebook at full size, from an empty build folder (models trained)
#   notebooks/benchmark.sh --smoke    the same at smoke size
#   notebooks/benchmark.sh --keep     reuse the benchmark's build folder (models and caches stay)
#   notebooks/benchmark.sh [...] notebooks/09-*.ipynb   only the notebooks given
#
# It builds the library once, then runs notebooks/run.sh --no-build under GNU time in a build folder of its own
# (build/benchmark-<size>, emptied first unless --keep), and writes build/benchmarks/notebooks-<size>.md: wall time of
# each notebook (kernel start included) and of the whole sequence, the CPU time of the whole sequence, and the peak
# resident memory of the largest process (the kernel JVM with PyTorch's native memory). The machine's load average is recorded beside the numbers:
# on shared cores, other jobs stretch the times.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size=full keep=0 notebooks=()
while (($#)); do
  case "$1" in
    --smoke) size=smoke ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    -*) echo "benchmark.sh: unknown option $1" >&2; exit 2 ;;
    *) notebooks+=("$1") ;;
  esac
  shift
done
[[ -x /usr/bin/time ]] || { echo "benchmark.sh: needs GNU time (/usr/bin/time; Debian: apt-get install time)" >&2; exit 1; }

BENCH="$ROOT/build/benchmark-$size"
OUT="$ROOT/build/benchmarks"
mkdir -p "$OUT"
((keep)) || rm -rf "$BENCH"
mkdir -p "$BENCH"
LOG="$OUT/notebooks-$size.log"

rm -rf "$ROOT/lib/target/dependency"  # as run.sh: no stale jars on the kernel's classpath
mvn -B -ntp -q -f "$ROOT/pom.xml" -DskipTests package >/dev/null
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
args=(--no-build)
[[ $size == smoke ]] && args+=(--smoke)
status=0
ECGLAB_BUILD="$BENCH" /usr/bin/time -v -o "$OUT/time-$size.txt" "$ROOT/notebooks/run.sh" "${args[@]}" "${notebooks[@]}" \
  >"$LOG" 2>&1 || status=$?
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

wall="$(sed -n 's/.*Elapsed (wall clock) time.*): //p' "$OUT/time-$size.txt")"
rss_kb="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/time-$size.txt")"
# CPU time of the runner and every kernel it waited for: what the sequence costs whatever else runs on the machine
# (the kernels use one PyTorch thread, so on an idle machine the wall time is close to it).
cpu_s="$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.0f", s}' "$OUT/time-$size.txt")"
{
  echo "# Notebook sequence, $size size"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average before: $load_before, after: $load_after;" \
    "exit status $status"
  echo
  echo "| notebook | wall time (s) | kernel peak resident memory (MB) |"
  echo "|---|---:|---:|"
  sed -n 's/^\[ *[0-9.]*s\] \([0-9][0-9]-[a-z-]*\): all [0-9]* code cells passed in \([0-9.]*\)s\(, kernel peak memory \([0-9]*\) MB\)\{0,1\}$/| \1 | \2 | \4 |/p' "$LOG"
  echo
  echo "whole sequence (library already built): wall $wall, CPU (user + system) $((cpu_s / 60)) min $((cpu_s % 60)) s;" \
    "peak resident memory of the largest process: $((rss_kb / 1024)) MB"
} >"$OUT/notebooks-$size.md"
cat "$OUT/notebooks-$size.md"
exit "$status"
