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
WASM_PACK_VERSION=0.15.1
# On a new machine each missing tool compiles in the background (one
# compile alone leaves a core idle at times), while npm and apt below
# download; their output is shown once they are done.
tool_pids=()
tool_logs=()
in_background() { # what, then the install's arguments
  local log
  log=$(mktemp)
  say "installing $1 (in the background)"
  shift
  fast_install "$@" >"$log" 2>&1 &
  tool_pids+=($!)
  tool_logs+=("$log")
}
# Leaving early (a failed install below) stops the compiles too.
trap 'for p in "${tool_pids[@]}"; do pkill -P "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done; rm -f "${tool_logs[@]}"' EXIT
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  # Without --locked: its lockfile can pin crates the registry mirror lacks.
  in_background "wasm-bindgen-cli $wb_version (matches Cargo.lock)" wasm-bindgen-cli --version "$wb_version" --force
fi
if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK_VERSION" ]; then
  in_background "wasm-pack $WASM_PACK_VERSION" wasm-pack --version "$WASM_PACK_VERSION" --locked --force
fi

# A folder's node_modules, installed by `npm ci` once per package.json,
# package-lock.json, Node version and platform, and kept in a cache outside
# the checkout: a fresh checkout (as CI's) gets it as hard links in a second
# (a plain copy where the cache is on another filesystem) instead of a
# reinstall. node_modules/.bt-install-key says which install it holds.
cache="${BT_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/braintrust-ai-secrets}"
copy_tree() { # from to: hard links, or a copy across filesystems
  cp -al "$1" "$2" 2>/dev/null || { rm -rf "$2"; cp -a "$1" "$2"; }
}
npm_ci_cached() { # folder, what it holds
  local dir=$1 what=$2 key kept
  key=$( (cat "$dir/package.json" "$dir/package-lock.json"; node --version; uname -sm) | sha256sum | cut -c1-32)
  [ "$(cat "$dir/node_modules/.bt-install-key" 2>/dev/null)" = "$key" ] && return 0
  kept="$cache/node_modules/$key"
  rm -rf "$dir/node_modules"
  if [ -f "$kept/complete" ]; then
    say "$what: from the cache ($kept)"
    copy_tree "$kept/node_modules" "$dir/node_modules"
  else
    say "installing $what"
    npm ci --prefix "$dir" --no-audit --no-fund
    rm -rf "$kept" && mkdir -p "$kept"
    copy_tree "$dir/node_modules" "$kept/node_modules" && touch "$kept/complete"
  fi
  echo "$key" >"$dir/node_modules/.bt-install-key"
  touch "$kept"
  # The four installs used last are kept.
  ls -1dt "$cache/node_modules"/*/ | tail -n +5 | xargs -r rm -rf
}

npm_ci_cached . "npm packages"

# The runtimes and bundlers of the test matrix (tests/runtimes: Node
# 18/22/24, Deno, Bun, workerd; esbuild's peers Rollup, webpack, Parcel,
# Vite 6/7, Next, vitest, jest), pinned, from the npm registry; only for npm test.
rt=tests/runtimes
if [ "$want_browser" = 1 ]; then npm_ci_cached $rt "the test matrix's runtimes ($rt)"; fi

if [ "$want_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Debian's chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

for i in "${!tool_pids[@]}"; do
  if ! wait "${tool_pids[$i]}"; then
    cat "${tool_logs[$i]}" >&2
    say "installing a Rust tool failed (its output is above)"
    exit 1
  fi
  cat "${tool_logs[$i]}" >&2
done
exit 0
