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

# What is missing is installed side by side: the Rust tools compile (CPU)
# while the wasm32 target, the npm packages and Chromium download (network,
# disk). A background job's output is shown once it is done.
bg_pids=()
bg_logs=()
in_background() { # what it does, then the command
  local log
  log=$(mktemp)
  say "$1 (in the background)"
  shift
  "$@" >"$log" 2>&1 &
  bg_pids+=($!)
  bg_logs+=("$log")
}
# Leaving early (a failed install) stops the jobs too.
trap 'for p in "${bg_pids[@]}"; do pkill -P "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done; rm -f "${bg_logs[@]}"' EXIT

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  in_background "adding the wasm32-unknown-unknown target" rustup target add wasm32-unknown-unknown
fi

# Tools build faster unoptimised; they only run for seconds.
fast_install() {
  CARGO_PROFILE_RELEASE_OPT_LEVEL=0 CARGO_PROFILE_RELEASE_DEBUG=0 cargo install "$@"
}

[ -f Cargo.lock ] || cargo generate-lockfile
wb_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  # Without --locked: its lockfile can pin crates the registry mirror lacks.
  in_background "installing wasm-bindgen-cli $wb_version (matches Cargo.lock)" \
    fast_install wasm-bindgen-cli --version "$wb_version" --force
fi
WASM_PACK_VERSION=0.15.1
if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK_VERSION" ]; then
  # Its own compile: one compile alone leaves a core idle at times.
  in_background "installing wasm-pack $WASM_PACK_VERSION" \
    fast_install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
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

# The package's own, then (for npm test) the runtimes and bundlers of the
# test matrix (tests/runtimes: Node 18/22/24, Deno, Bun, workerd; esbuild's
# peers Rollup, webpack, Parcel, Vite 6/7, Next, vitest, jest), pinned.
npm_packages() {
  npm_ci_cached . "npm packages"
  if [ "$want_browser" = 1 ]; then npm_ci_cached tests/runtimes "the test matrix's runtimes (tests/runtimes)"; fi
}
if [ -z "${bg_pids[*]}" ]; then
  npm_packages # nothing else to wait for: its output as it comes
else
  in_background "npm packages" npm_packages
fi

# In the foreground: apt may ask sudo for a password.
if [ "$want_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing Debian's chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

for i in "${!bg_pids[@]}"; do
  if ! wait "${bg_pids[$i]}"; then
    cat "${bg_logs[$i]}" >&2
    say "an install failed (its output is above)"
    exit 1
  fi
  cat "${bg_logs[$i]}" >&2
done
exit 0
