#!/usr/bin/env bash
# Builds the npm package into bindings/wasm/pkg/: the size-optimized .wasm (cargo profile
# wasm-release, then wasm-opt -Oz from the npm binaryen package), the wasm-bindgen glue
# (--target web, which node also loads), the JS wrappers and the TypeScript declarations.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/pkg"
cd "$root"
cargo build --quiet -p postlint-wasm --target wasm32-unknown-unknown --profile wasm-release
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/wasm-release/postlint_wasm.wasm"
"$here/node_modules/.bin/wasm-opt" -Oz --strip-debug --strip-producers \
  "$out/postlint_wasm_bg.wasm" -o "$out/postlint_wasm_bg.wasm"
cp "$here/js/api.js" "$here/js/index.js" "$here/js/node.js" "$here/js/index.d.ts" "$out/"
cp "$here/js/index.d.ts" "$out/node.d.ts"
version=$(node -p "require('$here/package.json').version")
sed -i "s/@VERSION@/$version/" "$out/api.js"
# The extension (and the demo, which shares its files) loads the browser build from its folder.
for dir in examples/extension/postlint; do
  rm -rf "${here:?}/$dir" && mkdir -p "$here/$dir"
  cp "$out"/*.js "$out/postlint_wasm_bg.wasm" "$here/$dir/"
done
raw=$(stat -c %s "$out/postlint_wasm_bg.wasm")
gz=$(gzip -9 -c "$out/postlint_wasm_bg.wasm" | wc -c)
echo "postlint.wasm: $raw bytes, $gz gzipped"
