#!/usr/bin/env bash
# Command 1 of the README: installs what is missing, builds a release, and starts
# what exists of Accord on 127.0.0.1.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ACCORD_ROOT"

"$ACCORD_ROOT/scripts/setup.sh"
configure_and_build release
configure_and_build wasm

server="$ACCORD_ROOT/build/release/sync-server/accord-server"
if [ -x "$server" ]; then
  data="${ACCORD_DATA:-$ACCORD_ROOT/build/data}"
  mkdir -p "$data"
  log "starting accord-server on 127.0.0.1:${ACCORD_PORT:-8080} (data in $data)"
  exec "$server" --listen "127.0.0.1:${ACCORD_PORT:-8080}" --data "$data" --web "$ACCORD_ROOT/web/dist"
fi

log "accord-server is not built yet (see the open issues); running what exists:"
"$ACCORD_ROOT/build/release/cli/accord" --build-info
echo "wasm module: $ACCORD_ROOT/build/wasm/wasm/accord-core.wasm ($(stat -c %s "$ACCORD_ROOT/build/wasm/wasm/accord-core.wasm") bytes)"
