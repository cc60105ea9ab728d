#!/usr/bin/env bash
# Instructions per post of the default post lint and of entities + X weighted length, counted
# with callgrind, which does not drift with the machine's load as wall-clock time does: the
# figures of benches/compare/instructions.md, for before/after comparisons of a change.
#
#   benches/compare/instructions.sh [POSTS.jsonl]
#
# POSTS defaults to the corpus of `benches/compare/run.sh` (target/compare/posts.jsonl). Two
# samples of 10k posts are measured: "mix", every 10th post (what the throughput table runs),
# and "real", its first 10k posts (real tweets from ../shared/data/timelines). Counted: the
# timed closure of the `lint_file_throughput` and `entities_throughput` examples (a warm-up
# and five passes, reports dropped included), divided by 6 x 10k. Needs valgrind.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
posts="${1:-$root/target/compare/posts.jsonl}"
target="${CARGO_TARGET_DIR:-$root/target}"
if [ ! -f "$posts" ]; then
  echo "instructions.sh: no corpus at $posts (benches/compare/run.sh writes it)" >&2
  exit 2
fi
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind is not installed" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
awk 'NR % 10 == 0' "$posts" | head -n 10000 >"$work/mix.jsonl"
head -n 10000 "$posts" >"$work/real.jsonl"
(cd "$root" && cargo build --release --quiet -p postlint-benches \
  --example lint_file_throughput --example entities_throughput)

# Instructions per post of example $1's timed closure on the sample $2.
per_post() {
  local collected
  collected="$(valgrind --tool=callgrind --toggle-collect="$1::main::{{closure}}" \
    --callgrind-out-file="$work/callgrind.out" "$target/release/examples/$1" "$work/$2.jsonl" 2>&1 \
    >/dev/null | sed -n 's/.*Collected : //p')"
  if [ -z "$collected" ] || [ "$collected" -eq 0 ]; then
    echo "instructions.sh: callgrind counted nothing in $1's closure (was it inlined?)" >&2
    exit 1
  fi
  local lines
  lines="$(grep -c . "$work/$2.jsonl")"
  echo $((collected / (6 * lines)))
}

echo "| commit | lint, mix | lint, real | entities, mix | entities, real |"
echo "|---|---:|---:|---:|---:|"
echo "| $(cd "$root" && git rev-parse --short HEAD) | $(per_post lint_file_throughput mix) |" \
  "$(per_post lint_file_throughput real) | $(per_post entities_throughput mix) |" \
  "$(per_post entities_throughput real) |"
