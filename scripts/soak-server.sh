#!/usr/bin/env bash
# Soak run of the server crash test: kill -9 accord-server at random moments while 20 sync
# clients write, CYCLES times (default 100), and check after every restart that each update a
# client saw acknowledged is still there (tests/integration/crash_test.cc).
#
#   scripts/soak-server.sh [CYCLES] [SEED]
#
# Builds the asan preset (ASan + UBSan) incrementally first. The seed is printed; pass it back
# as SEED to replay a run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ACCORD_ROOT"

cycles="${1:-100}"
seed="${2:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}"
case "$cycles$seed" in
  *[!0-9]*) echo "usage: $0 [CYCLES] [SEED] (both whole numbers)" >&2; exit 2 ;;
esac

if [ ! -f build/asan/build.ninja ]; then cmake --preset asan >/dev/null; fi
cmake --build build/asan --target accord_sync_integration_tests accord-server -j2
log "crash soak: $cycles kill cycles, seed $seed"
start=$(now)
ACCORD_CRASH_CYCLES="$cycles" ACCORD_CRASH_SEED="$seed" \
  build/asan/tests/integration/accord_sync_integration_tests \
  --gtest_filter='CrashTest.*' --gtest_color=no
log "crash soak passed in $(($(now) - start)) s"
