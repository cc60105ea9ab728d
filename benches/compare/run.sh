#!/usr/bin/env bash
# postlint against its peers, on the same posts, in one run; prints a table and writes
# benches/RESULTS.md. Not run by CI (it takes several minutes and wants an idle machine).
#
#   benches/compare/run.sh [N]     N posts (default 100000): the real timelines, then synthetic
#
# Sets up what it needs (each step skipped when already done): npm ci here (twitter-text), a
# venv here with datasketch and maturin, the Python module as a release wheel, the wasm32
# target, wasm-bindgen-cli and the WebAssembly node build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
size="${1:-100000}"
[[ "$size" =~ ^[0-9]+$ ]] || { echo "usage: benches/compare/run.sh [N]   (N: number of posts)" >&2; exit 2; }
work="$root/target/compare"
venv="$here/.venv"
step() { printf '==> %s\n' "$*" >&2; }
cd "$root"

step "setup: twitter-text (npm ci), Python venv (datasketch, maturin)"
if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --silent)
fi
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
if ! cmp -s "$here/requirements.txt" "$venv/.requirements"; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  cp "$here/requirements.txt" "$venv/.requirements"
fi

step "setup: WebAssembly tools (as bindings/wasm/scripts/setup.sh, without the browser)"
wasm_bindgen_version=$(sed -nE 's/^wasm-bindgen = "=([0-9.]+)"/\1/p' bindings/wasm/Cargo.toml)
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $wasm_bindgen_version"; then
  step "installing wasm-bindgen-cli $wasm_bindgen_version (about 3 minutes, once)"
  cargo install --quiet wasm-bindgen-cli --version "$wasm_bindgen_version"
fi
if [ ! -f bindings/wasm/node_modules/.package-lock.json ] || [ bindings/wasm/package-lock.json -nt bindings/wasm/node_modules/.package-lock.json ]; then
  (cd bindings/wasm && npm ci --no-audit --no-fund --silent)
fi

step "build: native examples, Python wheel, WebAssembly package (release)"
cargo build --quiet --release -p postlint-benches \
  --example compare_corpus --example compare_native --example schedule_throughput --example scaling_table
rm -rf "$work/wheel"
(cd bindings/python && CARGO_TARGET_DIR="$root/target/maturin-release" \
  "$venv/bin/maturin" build --quiet --release -o "$work/wheel" >/dev/null)
"$venv/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps "$work"/wheel/postlint-*.whl
bindings/wasm/scripts/build.sh >/dev/null

examples="$root/target/release/examples"
mkdir -p "$work"
results="$work/results.jsonl"
: >"$results"
step "corpus: $size posts"
"$examples/compare_corpus" "$size" "$work" >"$work/corpus.json"
# The builds above leave the one-minute load average high for a minute or two; measuring then
# would mark every run on a fresh checkout provisional (report.py: IDLE_LOAD).
step "waiting for the machine to settle (1-minute load average below 0.3, at most 3 minutes)"
for _ in $(seq 36); do
  awk '{ exit !($1 < 0.3) }' /proc/loadavg && break
  sleep 5
done
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
# The machine's speed drifts (up to 2x within an hour on the VMs measured here): the
# contenders take turns, in rounds, and report.py keeps each one's fastest round.
rounds=3
for round in $(seq "$rounds"); do
  step "round $round of $rounds: native (Rust)"
  "$examples/compare_native" "$work/posts.jsonl" "$work/planted.json" "$work/normalized.jsonl" | tee -a "$results"
  step "round $round of $rounds: twitter-text (node)"
  node "$here/contenders.mjs" twitter-text "$work/posts.jsonl" | tee -a "$results"
  step "round $round of $rounds: postlint WebAssembly (node)"
  node "$here/contenders.mjs" wasm "$work/posts.jsonl" | tee -a "$results"
  step "round $round of $rounds: postlint Python"
  "$venv/bin/python" "$here/contenders.py" python "$work/posts.jsonl" | tee -a "$results"
done
step "datasketch MinHashLSH (Python; the slowest step)"
"$venv/bin/python" "$here/contenders.py" datasketch "$work/normalized.jsonl" "$work/planted.json" | tee -a "$results"
step "schedule analysis at 1M posts"
# The fastest of 3 runs of each, every run in its own process, so that each peak memory is its own.
fastest() {
  for _ in 1 2 3; do "$examples/schedule_throughput" 1000000 "$1"; done |
    awk '{ for (i = 2; i <= NF; i++) if ($i == "posts/s,") print $(i - 1), $0 }' | sort -n | tail -1 | cut -d' ' -f2-
}
{ fastest --only && fastest --full; } | tee "$work/schedule.txt"
step "doubling table"
"$examples/scaling_table" | tee "$work/scaling.md"
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

"$venv/bin/python" "$here/report.py" --work "$work" --out "$root/benches/RESULTS.md" \
  --load-start "$load_start" --load-end "$load_end" \
  --rustc "$(rustc --version)" --node "$(node --version)" --commit "$(git describe --always --dirty)"
