// lintPost throughput in node on 100k real posts, against native Rust on the same posts.
//   node bindings/wasm/bench/throughput.mjs [N]      (after scripts/build.sh)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from '../pkg/node.js';
import { realTweets, timelines } from './tweets.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const workspace = path.resolve(here, '../../..');
const size = Number(process.argv[2] ?? 100_000);

const all = realTweets();
const posts = Array.from({ length: size }, (_, n) => all[n % all.length]);

const jsonl = path.join(mkdtempSync(path.join(tmpdir(), 'postlint-bench-')), 'posts.jsonl');
writeFileSync(jsonl, posts.map((text) => JSON.stringify({ text, network: 'x' })).join('\n') + '\n');
const native = execFileSync('cargo', ['run', '--quiet', '--release', '-p', 'postlint-benches', '--example', 'lint_file_throughput', jsonl], { cwd: workspace, encoding: 'utf8' });
const nativeRate = Number(native.trim().split('= ')[1].split(' ')[0]);

const linter = new Linter();
let best = Infinity;
for (let run = 0; run < 3; run++) {
  const start = process.hrtime.bigint();
  for (const text of posts) linter.lintPost(text, 'x');
  best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
}
const rate = size / best;
console.log(`${size} posts from ${timelines}`);
console.log(`native Rust lint_posts, 1 thread   ${Math.round(nativeRate).toLocaleString()} posts/s`);
console.log(`node lintPost (WebAssembly)        ${Math.round(rate).toLocaleString()} posts/s  ${(100 * rate / nativeRate).toFixed(0)}% of native`);
