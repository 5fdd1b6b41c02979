#!/usr/bin/env bash
# Command 1 of the README: installs what is missing, builds a release, and starts
# what exists of Accord on 127.0.0.1.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ACCORD_ROOT"

"$ACCORD_ROOT/scripts/setup.sh"
configure_and_build release
configure_and_build wasm
build_web

server="$ACCORD_ROOT/build/release/sync-server/accord-server"
if [ -x "$server" ]; then
  data="${ACCORD_DATA:-$ACCORD_ROOT/build/data}"
  port="${ACCORD_PORT:-8080}"
  mkdir -p "$data"
  # First start: a demo team with an owner whose password is generated once and
  # kept beside the data (mode 600) so later starts can print it again.
  login_file="$data/demo-login.txt"
  if [ ! -f "$login_file" ]; then
    log "creating the demo workspace (team demo, user demo)"
    # An interrupted earlier start may have made the team already.
    "$server" admin create-team demo --data "$data" 2>/dev/null || true
    if ! password="$("$server" admin create-user demo --data "$data")"; then
      log "user demo exists but its password was not saved; remove $data to start afresh"
      exit 1
    fi
    "$server" admin add-member demo demo --role owner --data "$data"
    (umask 077 && printf '%s\n' "$password" >"$login_file")
  fi
  web_args=(--web "$ACCORD_ROOT/web/dist")
  echo
  echo "  Accord is starting at http://127.0.0.1:$port/"
  echo "  login: user demo, password $(cat "$login_file")"
  echo "  data:  $data (Ctrl-C stops the server)"
  echo
  exec "$server" --listen "127.0.0.1:$port" --data "$data" "${web_args[@]}"
fi

log "accord-server is not built yet (see the open issues); running what exists:"
"$ACCORD_ROOT/build/release/cli/accord" --build-info
echo "wasm module: $ACCORD_ROOT/build/wasm/wasm/accord-core.wasm ($(stat -c %s "$ACCORD_ROOT/build/wasm/wasm/accord-core.wasm") bytes)"
