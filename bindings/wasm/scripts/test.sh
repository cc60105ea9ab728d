#!/usr/bin/env bash
# Every test of the WebAssembly package: the Rust API under node (wasm-bindgen-test), the JS API,
# parity with the CLI on every fixture, the size budget, the TypeScript declarations, and the
# demo page and extension in headless Chromium.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/../.." && pwd)"
"$here/scripts/setup.sh"
"$here/scripts/build.sh"
cd "$root"
cargo build --quiet -p postlint-cli # the reference for the parity test
echo "==> clippy for wasm32"
cargo clippy --quiet -p postlint-wasm --target wasm32-unknown-unknown --all-targets -- -D warnings
echo "==> wasm-bindgen-test (node)"
log="$root/target/wasm-bindgen-test.log"
# (No --quiet: cargo would hand it to the runner, which rejects it.)
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p postlint-wasm --target wasm32-unknown-unknown --test node >"$log" 2>&1 || { cat "$log"; exit 1; }
grep -E '^test result' "$log"
cd "$here"
echo "==> TypeScript declarations (tsc --noEmit)"
node_modules/.bin/tsc -p test/tsconfig.json
echo "==> node --test (API, panics, parity with the CLI, size, headless Chromium)"
log="$root/target/wasm-node-test.log"
node --test test/ >"$log" 2>&1 || { cat "$log"; exit 1; }
grep -E '^# (tests|pass|fail)|gzipped' "$log"
