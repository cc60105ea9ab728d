#!/usr/bin/env bash
# Installs what the WebAssembly package needs to build and test; each step is skipped when its
# tool is already there, so a second run takes about a second.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# wasm-bindgen-cli must be exactly the version the crate pins.
version=$(sed -nE 's/^wasm-bindgen = "=([0-9.]+)"/\1/p' "$here/Cargo.toml")

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $version"; then
  echo "==> installing wasm-bindgen-cli $version (about 3 minutes, once)"
  # Not --locked: its lockfile names a dependency the registry no longer has.
  cargo install --quiet wasm-bindgen-cli --version "$version"
fi
lock="$here/package-lock.json" stamp="$here/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --silent)
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "==> installing Debian's chromium for the browser tests"
  sudo_if_needed=""
  [ "$(id -u)" -eq 0 ] || sudo_if_needed="sudo"
  $sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq chromium chromium-driver >/dev/null
fi
