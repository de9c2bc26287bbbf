#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is present:
# the wasm32 target, wasm-bindgen-cli at the exact version in Cargo.lock,
# wasm-pack, npm packages, and (with --browser, for npm test) Debian's
# Chromium + driver and the test matrix's runtimes.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "setup: $*" >&2; }

want_browser=0
[ "${1:-}" = "--browser" ] && want_browser=1

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Tools build faster unoptimised; they only run for seconds.
fast_install() {
  CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_DEBUG=0 cargo install "$@"
}

[ -f Cargo.lock ] || cargo generate-lockfile
wb_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  say "installing wasm-bindgen-cli $wb_version (matches Cargo.lock)"
  # Without --locked: its lockfile can pin crates the registry mirror lacks.
  fast_install wasm-bindgen-cli --version "$wb_version" --force
fi

WASM_PACK_VERSION=0.15.1
if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK_VERSION" ]; then
  say "installing wasm-pack $WASM_PACK_VERSION"
  fast_install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi

# The runtimes and bundlers of the test matrix (tests/runtimes: Node
# 18/22/24, Deno, Bun, workerd; esbuild's peers Rollup, webpack, Parcel,
# Vite 6/7, Next, vitest, jest), pinned, from the npm registry; only for npm test.
rt=tests/runtimes
if [ "$want_browser" = 1 ] && { [ ! -f $rt/node_modules/.package-lock.json ] || [ $rt/package-lock.json -nt $rt/node_modules/.package-lock.json ]; }; then
  say "installing the test matrix's runtimes (tests/runtimes)"
  npm ci --prefix $rt --no-audit --no-fund
fi

if [ "$want_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Debian's chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi
exit 0
