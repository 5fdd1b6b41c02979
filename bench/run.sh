#!/usr/bin/env bash
# One command for the benchmarks: builds Accord natively (release, build/bench-release) and as
# the wasm benchmark module (build/bench-wasm), runs every case on yjs, ywasm, Accord wasm and
# Accord native on this machine in this run, and prints the table of figures and ratios. Writes
# build/bench/results.{md,json} (and each runner's raw JSON beside them).
#
# Environment: BENCH_RUNS (B1-B3 runs per case, default 5), BENCH_TRACE_RUNS (trace runs,
# default 3), BENCH_YWASM_TRACE_RUNS (default 1: ywasm takes ~30 s per automerge-paper replay),
# BENCH_CASES (comma list of ids or prefixes, e.g. "B4" or "B1,B2.1"; default all),
# BENCH_SKIP_SETUP=1 (do not run scripts/setup.sh), ACCORD_BENCH_WASM=<path of an already built
# accord-bench.cjs> (skip the wasm build and use that module).
# A part that does not build or fails is reported as "not available"; the run goes on.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$ACCORD_ROOT"

runs="${BENCH_RUNS:-5}"
trace_runs="${BENCH_TRACE_RUNS:-3}"
ywasm_trace_runs="${BENCH_YWASM_TRACE_RUNS:-1}"
cases="${BENCH_CASES:-}"
out="$ACCORD_ROOT/build/bench"
native_dir="$ACCORD_ROOT/build/bench-release"
wasm_dir="$ACCORD_ROOT/build/bench-wasm"

if [ "${BENCH_SKIP_SETUP:-0}" != 1 ]; then
  "$ACCORD_ROOT/scripts/setup.sh" || { log "setup failed"; exit 1; }
fi
mkdir -p "$out"
rm -f "$out"/{yjs,ywasm,accord-wasm,accord-native}.json "$out"/results.{md,json}
rm -rf "$out/encoded"

native_ok=0
log "building Accord native (release) in $native_dir"
if { [ -f "$native_dir/build.ninja" ] ||
  cmake -S . -B "$native_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DACCORD_BUILD_TESTS=OFF \
    -DACCORD_BUILD_BENCH=ON >/dev/null; } &&
  cmake --build "$native_dir" --target accord_bench; then
  native_ok=1
else
  log "Accord native benchmark did not build: its figures are not available"
fi

wasm_ok=0
wasm_module="${ACCORD_BENCH_WASM:-$wasm_dir/wasm/accord-bench.cjs}"
if [ -n "${ACCORD_BENCH_WASM:-}" ]; then
  log "using the prebuilt wasm benchmark module $ACCORD_BENCH_WASM"
  [ -f "$ACCORD_BENCH_WASM" ] && wasm_ok=1
else
  log "building the Accord wasm benchmark module in $wasm_dir"
  if { [ -f "$wasm_dir/build.ninja" ] ||
    cmake -S . -B "$wasm_dir" -G Ninja \
      -DCMAKE_TOOLCHAIN_FILE=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake \
      -DCMAKE_BUILD_TYPE=Release -DACCORD_BUILD_TESTS=OFF -DACCORD_BUILD_BENCH=ON >/dev/null; } &&
    cmake --build "$wasm_dir" --target accord_wasm_bench; then
    wasm_ok=1
  fi
fi
[ "$wasm_ok" = 1 ] || log "Accord wasm benchmark module not available: its figures are not available"

node bench/write-inputs.mjs "$out/inputs.json" || exit 1

# node_bench <impl> <trace runs>: one implementation in its own Node process.
node_bench() {
  log "running $1"
  node --expose-gc bench/node-bench.mjs --impl "$1" --runs "$runs" --trace-runs "$2" \
    ${cases:+--cases "$cases"} --out "$out/$1.json" ||
    { log "$1 failed: its figures are not available"; rm -f "$out/$1.json"; }
}

node_bench yjs "$trace_runs"
node_bench ywasm "$ywasm_trace_runs"
if [ "$wasm_ok" = 1 ]; then
  ACCORD_BENCH_WASM="$wasm_module" node_bench accord-wasm "$trace_runs"
fi
if [ "$native_ok" = 1 ]; then
  log "running accord-native"
  "$native_dir/bench/accord_bench" --inputs "$out/inputs.json" \
    --traces "${ACCORD_TRACES:-$ACCORD_ROOT/../shared/traces}" --runs "$runs" \
    --trace-runs "$trace_runs" ${cases:+--cases "$cases"} --out "$out/accord-native.json" \
    --encoded-dir "$out/encoded/accord-native" ||
    { log "accord-native failed: its figures are not available"; rm -f "$out/accord-native.json"; }
fi

node bench/report.mjs
