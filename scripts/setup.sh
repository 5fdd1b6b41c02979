#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build, run and test Accord:
# Debian packages (toolchains, libraries, Chromium) and the npm packages pinned in
# package-lock.json. Idempotent: with everything present it only checks, in seconds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DEBIAN_PACKAGES=(
  g++ cmake ninja-build pkg-config git
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  libsqlite3-dev nlohmann-json3-dev zlib1g-dev libboost1.81-dev libssl-dev libsodium-dev
  libcli11-dev libfmt-dev
  clang-14 libclang-rt-14-dev clang-format
  emscripten nodejs npm
  chromium fonts-wqy-microhei
)

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    # nodejs/npm may come from elsewhere on this machine (a newer Node): accept any working one.
    if [ "$pkg" = nodejs ] && command -v node >/dev/null; then continue; fi
    if [ "$pkg" = npm ] && command -v npm >/dev/null; then continue; fi
    missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm packages, exactly as locked. Reinstall only when the lockfile changed.
stamp="$ACCORD_ROOT/node_modules/.accord-lock-stamp"
if [ ! -f "$stamp" ] || ! cmp -s "$ACCORD_ROOT/package-lock.json" "$stamp"; then
  log "installing npm packages from package-lock.json"
  (cd "$ACCORD_ROOT" && npm ci --ignore-scripts --no-audit --no-fund)
  cp "$ACCORD_ROOT/package-lock.json" "$stamp"
fi
