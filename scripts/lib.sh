# Shared helpers of the scripts in this folder. Source it; do not run it.
# Paths: ACCORD_ROOT is the repository root.

ACCORD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ACCORD_ROOT
# Debian's emscripten finds acorn and friends through NODE_PATH.
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Seconds since the epoch, for the timings the scripts print.
now() { date +%s; }

# configure_and_build <preset>: configure once, then build incrementally.
configure_and_build() {
  local preset="$1"
  if [ ! -f "$ACCORD_ROOT/build/$preset/build.ninja" ]; then
    log "configuring $preset"
    (cd "$ACCORD_ROOT" && cmake --preset "$preset" >/dev/null)
  fi
  log "building $preset"
  (cd "$ACCORD_ROOT" && cmake --build --preset "$preset")
}

# build_web: builds the web client (Vite, after the wasm module it bundles) into web/dist,
# where accord-server --web serves it.
build_web() {
  log "building the web client"
  (cd "$ACCORD_ROOT" && "$ACCORD_ROOT/node_modules/.bin/vite" build --config web/vite.config.ts --logLevel warn)
}
