// lintPost throughput of two or more builds of the package on the real tweets, in one node
// process, alternating round by round and keeping each build's best round: on a shared
// machine whose speed drifts, this separates builds that separate runs cannot.
//   node bindings/wasm/bench/compare_builds.mjs PKG_DIR PKG_DIR... [--rounds N]
// where each PKG_DIR is a built pkg/ folder (scripts/build.sh; copy it aside between builds).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { realTweets } from './tweets.mjs';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 8;
if (args.length < 2 || !(rounds >= 2)) {
  console.error('usage: node compare_builds.mjs PKG_DIR PKG_DIR... [--rounds N (at least 2)]');
  process.exit(2);
}
const posts = realTweets();
const builds = [];
for (const dir of args) {
  const { Linter } = await import(pathToFileURL(path.resolve(dir, 'node.js')).href);
  builds.push({ dir, linter: new Linter(), best: 0, findings: 0 });
}
// The first round warms the JIT up and is not counted.
for (let round = 0; round < rounds; round++) {
  for (const build of builds) {
    let findings = 0;
    const start = process.hrtime.bigint();
    for (const text of posts) findings += build.linter.lintPost(text, 'x').diagnostics.length;
    const rate = posts.length / (Number(process.hrtime.bigint() - start) / 1e9);
    if (round > 0) build.best = Math.max(build.best, rate);
    build.findings = findings;
  }
}
console.log(`${posts.length} real tweets, best of ${rounds - 1} rounds each`);
for (const build of builds) {
  const ratio = build.best / builds[0].best;
  console.log(`${build.dir}: ${Math.round(build.best).toLocaleString()} posts/s (${ratio.toFixed(2)}x the first), ${build.findings} findings`);
}
