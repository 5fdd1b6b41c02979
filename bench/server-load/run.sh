#!/usr/bin/env bash
# Server load benchmark: the same load against accord-server and @hocuspocus/server (with
# SQLite persistence) in one run, one server at a time on this machine, and a comparison table.
#
#   bench/server-load/run.sh [CLIENTS] [RATES]
#     CLIENTS  WebSocket clients on loopback (default 1000), in rooms of ROOM (default 10)
#     RATES    comma-separated aggregate update rates per second, one step each (default
#              1000,2000,4000,8000,16000,32000); a server's steps stop at the first it does not sustain
#   env STEP_SECONDS (default 5), ROOM (default 10), MAX_P99_MS (default 1000),
#       GENERATOR=cpp (default: build/release/bench/accord-load) or node (load.mjs)
#
# Builds the release accord-server and @hocuspocus/extension-sqlite's better-sqlite3 (from the
# sources npm ships, against the local Node headers), writes build/bench/server-load/{accord,hocuspocus}.jsonl and
# results.md, and prints results.md. Method: bench/server-load/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
cd "$ACCORD_ROOT"

clients="${1:-1000}"
rates="${2:-1000,2000,4000,8000,16000,32000}"
generator="${GENERATOR:-cpp}"
room="${ROOM:-10}"
step="${STEP_SECONDS:-5}"
max_p99="${MAX_P99_MS:-1000}"
out=build/bench/server-load
mkdir -p "$out"

log "building the release accord-server and load generator"
[ -f build/release/build.ninja ] || cmake --preset release >/dev/null
cmake --build build/release --target accord-server accord-load -j2
server=build/release/sync-server/accord-server

# @hocuspocus/extension-sqlite's better-sqlite3, built in place from the sources npm ships
# (its bundled SQLite amalgamation) against the local Node headers, as `npm rebuild` would
# without trying a prebuilt download first.
bs3=node_modules/@hocuspocus/extension-sqlite/node_modules/better-sqlite3
if [ ! -f "$bs3/build/Release/better_sqlite3.node" ]; then
  log "building better-sqlite3 $(node -p "require('./$bs3/package.json').version") from its npm sources for Node $(node --version)"
  gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
  (cd "$bs3" && node "$gyp" rebuild --nodedir=/usr --release -j 2 >/dev/null)
fi

work="$(mktemp -d)"
cleanup() {
  [ -n "${accord_pid:-}" ] && kill "$accord_pid" 2>/dev/null || true
  [ -n "${hp_pid:-}" ] && kill "$hp_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
load() {
  local run=(build/release/bench/accord-load)
  [ "$generator" = node ] && run=(node bench/server-load/load.mjs)
  "${run[@]}" --clients "$clients" --room "$room" --rates "$rates" \
    --step-seconds "$step" --max-p99-ms "$max_p99" "$@"
}

log "accord-server: $clients clients, rooms of $room, rates $rates"
data="$work/accord"
"$server" admin create-team bench --data "$data" >/dev/null
printf 'bench-load-password\n' | "$server" admin create-user bench --password-stdin --data "$data" >/dev/null
"$server" admin add-member bench bench --role member --data "$data" >/dev/null
token="$("$server" admin create-token bench --name load --data "$data" | head -n1)"
"$server" --listen 127.0.0.1:0 --data "$data" --log-level info 2>"$work/accord.log" &
accord_pid=$!
port=""
for _ in $(seq 100); do
  port="$(grep -o '"event":"listening".*"port":[0-9]*' "$work/accord.log" | grep -o '[0-9]*$' || true)"
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/accord.log" >&2; exit 1; }
load --url "ws://127.0.0.1:$port/sync" --token "$token" --server-pid "$accord_pid" \
  --label accord-server >"$out/accord.jsonl"
kill -TERM "$accord_pid"
wait "$accord_pid" || true
accord_pid=""

log "@hocuspocus/server + SQLite: $clients clients, rooms of $room, rates $rates"
mkfifo "$work/hp.stdin"
node bench/server-load/hocuspocus_server.mjs "$work/hocuspocus.db" <"$work/hp.stdin" >"$work/hp.out" &
hp_pid=$!
exec 3>"$work/hp.stdin"
for _ in $(seq 100); do
  [ -s "$work/hp.out" ] && break
  sleep 0.1
done
hp_port="$(node -p "JSON.parse(require('fs').readFileSync('$work/hp.out','utf8')).port")"
load --url "ws://127.0.0.1:$hp_port/sync" --server-pid "$hp_pid" --label hocuspocus \
  >"$out/hocuspocus.jsonl"
exec 3>&-
wait "$hp_pid" || true
hp_pid=""

node bench/server-load/report.mjs "$out/accord.jsonl" "$out/hocuspocus.jsonl" >"$out/results.md"
cat "$out/results.md"
