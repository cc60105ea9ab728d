#!/usr/bin/env bash
# postlint's two entry points:
#   ./run.sh demo   set up, build, and lint the bundled example queue (fixtures/demo/)
#   ./run.sh test   set up and run every test, lint and format check, and a short fuzzing run
#                   when a nightly toolchain is there (what CI runs)
# Setup steps are idempotent and near-instant when already done.
set -euo pipefail
cd "$(dirname "$0")"

step() { printf '\n==> %s\n' "$*"; }

setup_rust() {
  command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 2; }
  local have
  have=$(rustup component list --installed 2>/dev/null || true)
  for component in clippy rustfmt; do
    grep -q "^$component" <<<"$have" || rustup component add "$component"
  done
}

VENV="$PWD/.venv"

# A virtualenv with the pinned Python tools; reinstalled only when the pins change.
setup_python() {
  local requirements=bindings/python/requirements-dev.txt stamp="$VENV/.postlint-requirements"
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  if ! cmp -s "$requirements" "$stamp"; then
    step "installing Python test tools into .venv"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$stamp"
  fi
  # pyspark and pyarrow for postlint.spark's tests (Spark itself also needs Java).
  local spark=bindings/python/requirements-spark.txt spark_stamp="$VENV/.postlint-requirements-spark"
  if ! cmp -s "$spark" "$spark_stamp"; then
    step "installing pyspark and pyarrow into .venv"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$spark"
    cp "$spark" "$spark_stamp"
  fi
}

test_python() {
  setup_python
  step "Python package: maturin develop + pytest"
  # maturin keeps its own target dir: its pyo3 feature set differs from cargo's workspace build.
  (cd bindings/python && VIRTUAL_ENV="$VENV" PATH="$VENV/bin:$PATH" CARGO_TARGET_DIR="$PWD/../../target/maturin" \
    maturin develop --quiet)
  (cd bindings/python && PATH="$VENV/bin:$PATH" python -m pytest -q)
}

# `npm ci` in a directory, only when its node_modules is missing or older than its lockfile.
npm_ci() {
  local dir=$1
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --silent)
  fi
}

test_sarif() {
  step "SARIF output against the official SARIF 2.1.0 schema"
  npm_ci crates/postlint-cli/tests/sarif
  local log=target/sarif-test.log
  node --test crates/postlint-cli/tests/sarif/validate.test.mjs >"$log" 2>&1 || { cat "$log"; return 1; }
  grep -E '^# (pass|fail)' "$log"
}

# The fuzz targets for a short while, when a nightly toolchain is there (cargo-fuzz needs one).
test_fuzz() {
  if rustup toolchain list | grep -q '^nightly'; then
    step "fuzzing: each target for 20 s (scripts/fuzz.sh SECONDS runs longer)"
    FUZZ_DEV=1 scripts/fuzz.sh 20
  else
    step "fuzzing skipped: no nightly toolchain (rustup toolchain install nightly to run scripts/fuzz.sh)"
  fi
}

test_wasm() {
  step "WebAssembly package: setup, build, wasm-bindgen-test, node, parity, size, headless Chromium"
  bindings/wasm/scripts/test.sh
}

demo() {
  setup_rust
  step "building postlint (release)"
  cargo build --release --quiet -p postlint-cli
  step "postlint check fixtures/demo/schedule.jsonl --config fixtures/demo/postlint.toml"
  local status=0
  ./target/release/postlint check fixtures/demo/schedule.jsonl --config fixtures/demo/postlint.toml --format human || status=$?
  # Exit 1 means "found errors": that is the demo working. Exit 2 is a real failure.
  [ "$status" -le 1 ] || exit "$status"
}

test_rust() {
  step "cargo fmt --check"
  cargo fmt --all -- --check
  step "cargo clippy -D warnings"
  cargo clippy --workspace --all-targets --quiet -- -D warnings
  step "cargo doc -D warnings (broken or private links in doc comments)"
  RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet
  step "cargo test"
  cargo test --workspace --quiet
  step "core without default features (the WebAssembly build's feature set)"
  cargo test --quiet -p postlint --no-default-features
  step "figures"
  cargo test --quiet -p postlint-tests --test conformance --test synthetic -- --nocapture 2>&1 \
    | grep -E 'passed, [0-9]+ failed|recall|ordinary accounts' || true
}

case "${1:-}" in
  test-python) test_python ;;
  test-wasm) test_wasm ;;
  test-fuzz) test_fuzz ;;
  demo) demo ;;
  test)
    setup_rust
    test_rust
    test_sarif
    test_python
    test_wasm
    test_fuzz
    step "all tests passed"
    ;;
  *)
    echo "usage: ./run.sh demo|test   (test-python, test-wasm, test-fuzz: one part only)" >&2
    exit 2
    ;;
esac
