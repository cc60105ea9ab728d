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
shopt -s inherit_errexit
root="$(cd "$(dirname "$0")/../.." && pwd)"
posts="${1:-$root/target/compare/posts.jsonl}"
target="${CARGO_TARGET_DIR:-$root/target}"
# cargo reads a relative target directory from the workspace root, valgrind from here.
case "$target" in /*) ;; *) target="$root/$target" ;; esac
if [ ! -f "$posts" ]; then
  echo "instructions.sh: no corpus at $posts (benches/compare/run.sh writes it)" >&2
  exit 2
fi
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind is not installed" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
awk 'NR % 10 == 0 { print; if (++taken == 10000) exit }' "$posts" >"$work/mix.jsonl"
awk '{ print } NR == 10000 { exit }' "$posts" >"$work/real.jsonl"
(cd "$root" && cargo build --release --quiet -p postlint-benches \
  --example lint_file_throughput --example entities_throughput)

# Instructions per post of example $1's timed closure on the sample $2.
per_post() {
  valgrind --tool=callgrind --toggle-collect="$1::main::{{closure}}" \
    --callgrind-out-file="$work/callgrind.out" --log-file="$work/valgrind.log" \
    "$target/release/examples/$1" "$work/$2.jsonl" >/dev/null
  local collected posts
  collected="$(sed -n 's/.*Collected : //p' "$work/valgrind.log")"
  if [ -z "$collected" ] || [ "$collected" -eq 0 ]; then
    echo "instructions.sh: callgrind counted nothing in $1's closure (was it inlined?)" >&2
    exit 1
  fi
  # The examples skip blank lines.
  posts="$(grep -c '[^[:space:]]' "$work/$2.jsonl")"
  echo $((collected / (6 * posts)))
}

commit="$(cd "$root" && git describe --always --dirty)"
lint_mix="$(per_post lint_file_throughput mix)"
lint_real="$(per_post lint_file_throughput real)"
entities_mix="$(per_post entities_throughput mix)"
entities_real="$(per_post entities_throughput real)"
echo "| commit | session | lint, mix | lint, real | entities, mix | entities, real |"
echo "|---|---|---:|---:|---:|---:|"
echo "| $commit | ? | $lint_mix | $lint_real | $entities_mix | $entities_real |"
