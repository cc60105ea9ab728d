#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECONDS each (default 60): entities, lint_post, config and
# schedule. Seeds each corpus (fuzz/corpus/<target>, ignored by git) from fixtures/ and the
# twitter-text conformance data first; installs cargo-fuzz 0.13.2 only when it is missing.
# Needs a nightly toolchain. A crash stops the run: its input is in fuzz/artifacts/<target>/;
# replay it with `cargo +nightly fuzz run --sanitizer none <target> <file>` and make it a
# regression test. FUZZ_DEV=1 builds without optimizations: half the build time, for short runs
# (./run.sh test uses it); long runs want the default optimized build.
set -euo pipefail
seconds=${1:-60}
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

rustup toolchain list | grep -q '^nightly' || { echo "fuzz.sh: needs a nightly toolchain (rustup toolchain install nightly)" >&2; exit 2; }
if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz 0.13.2" ]; then
  cargo install cargo-fuzz --version 0.13.2 --locked
fi

# Seeds: post texts, configs and whole files, each with the selector byte its target reads first.
python3 - "$root" <<'PY'
import glob, hashlib, json, os, re, sys

root = sys.argv[1]
corpus = os.path.join(root, "fuzz", "corpus")

def seed(target, data):
    folder = os.path.join(corpus, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(folder, name), "wb") as out:
        out.write(data)

texts, posts, configs = [], [], []
for path in sorted(glob.glob(os.path.join(root, "fixtures", "*", "*.json"))):
    fixture = json.load(open(path, encoding="utf-8"))
    if "config" in fixture:
        configs.append(fixture["config"])
    for case in fixture.get("cases", []):
        configs.extend([case["config"]] if "config" in case else [])
        for post in case.get("posts", [case.get("post")]):
            if isinstance(post, dict):
                posts.append(post)
                texts.append(post.get("text", ""))
for path in glob.glob(os.path.join(root, "fixtures", "*", "*.jsonl")):
    for line in open(path, encoding="utf-8"):
        if line.strip():
            post = json.loads(line)
            posts.append(post)
            texts.append(post.get("text", ""))
conformance = os.path.join(root, "..", "shared", "conformance", "twitter-text")
for path in glob.glob(os.path.join(conformance, "*.yml")):
    for match in re.finditer(r'^\s*text: "(.*)"\s*$', open(path, encoding="utf-8").read(), re.M):
        try:
            texts.append(json.loads('"' + match.group(1) + '"'))
        except ValueError:
            texts.append(match.group(1))

for n, text in enumerate(texts):
    data = text.encode("utf-8", "surrogatepass")
    seed("entities", data)
    seed("lint_post", bytes([n % 256]) + data)
for config in configs:
    seed("config", json.dumps(config).encode())
for path in glob.glob(os.path.join(root, "fixtures", "*", "*.toml")):
    seed("config", open(path, "rb").read())
chunks = [posts[i:i + 20] for i in range(0, len(posts), 20)]
for chunk in chunks:
    seed("schedule", b"\x00" + json.dumps(chunk, indent=1).encode())
    seed("schedule", b"\x01" + "\n".join(json.dumps(post) for post in chunk).encode())
    fields = ["id", "text", "network", "account", "at", "promotional", "allow"]
    rows = [",".join(fields)]
    for post in chunk:
        cells = []
        for field in fields:
            value = post.get(field)
            value = " ".join(value) if isinstance(value, list) else "" if value is None else str(value)
            cells.append('"' + value.replace('"', '""') + '"')
        rows.append(",".join(cells))
    seed("schedule", b"\x02" + "\n".join(rows).encode())
for text in texts[:200]:
    seed("schedule", b"\x03" + text.encode("utf-8", "surrogatepass"))
print(f"fuzz.sh: seeded {len(texts)} texts, {len(configs)} configs, {len(chunks)} schedules")
PY

cd fuzz
# No sanitizer: the code is safe Rust, so what there is to find is panics (debug assertions, and
# so overflow checks, are on), hangs and memory blow-ups; the build is much faster without one.
flags=(--sanitizer none)
if [ "${FUZZ_DEV:-}" = 1 ]; then
  flags+=(--dev)
fi
echo "==> building the fuzz targets (nightly)"
mkdir -p artifacts
if ! cargo +nightly fuzz build "${flags[@]}" >artifacts/build.log 2>&1; then
  cat artifacts/build.log
  exit 1
fi
for target in entities lint_post config schedule; do
  log="artifacts/$target.log"
  echo "==> fuzz $target for ${seconds}s"
  if ! cargo +nightly fuzz run "${flags[@]}" "$target" -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=3072 >"$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz.sh: $target found a problem; the input is in fuzz/artifacts/$target/" >&2
    exit 1
  fi
  grep -E '^Done [0-9]+ runs' "$log" || tail -3 "$log"
done
