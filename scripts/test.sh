#!/usr/bin/env bash
# Command 2 of the README: installs what is missing, builds, and runs every test
# suite (format check, C++ unit/integration under ASan+UBSan, wasm in Node,
# interop against yjs/ywasm, end-to-end in Chromium). Runs all suites, prints each
# runner's summary, and exits non-zero if any failed.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ACCORD_ROOT"
start=$(now)

"$ACCORD_ROOT/scripts/setup.sh" || { log "setup failed"; exit 1; }

declare -a results=()
failed=0
# suite <name> <command...>: runs one suite, records pass/fail, never stops the run.
suite() {
  local name="$1"
  shift
  local t0
  t0=$(now)
  log "suite: $name"
  if "$@"; then
    results+=("PASS  $name ($(($(now) - t0)) s)")
  else
    results+=("FAIL  $name ($(($(now) - t0)) s)")
    failed=$((failed + 1))
  fi
}

node_suite() { node --test --test-reporter=spec "$@"; }
# The web client's unit tests (Vitest) after a type check of web/ (TypeScript).
web_unit() {
  "$ACCORD_ROOT/node_modules/.bin/tsc" -p web/tsconfig.json &&
    "$ACCORD_ROOT/node_modules/.bin/vitest" run --config web/vite.config.ts
}

suite "clang-format" scripts/check-format.sh
suite "native build (asan)" configure_and_build asan
suite "C++ tests (ctest, asan)" ctest --preset asan -j "$(nproc)"
suite "fuzz smoke" scripts/fuzz.sh --smoke
suite "wasm build" configure_and_build wasm
suite "wasm in Node" node_suite tests/wasm/
suite "web build" build_web
if [ -d tests/interop ] && ls tests/interop/*.test.mjs >/dev/null 2>&1; then
  suite "interop vs yjs/ywasm" node_suite tests/interop/
fi
suite "web unit (tsc, vitest)" web_unit
suite "end-to-end (Chromium)" node_suite tests/e2e/

echo
echo "Accord test summary ($(($(now) - start)) s):"
printf '  %s\n' "${results[@]}"
if [ "$failed" -gt 0 ]; then
  echo "$failed suite(s) failed"
  exit 1
fi
echo "all suites passed"
