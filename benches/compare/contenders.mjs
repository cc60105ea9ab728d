// The node contenders of benches/compare/run.sh, on the posts of a JSONL file; prints one JSON
// line per task, each the fastest of 3 runs after a warm-up run.
//
//   node contenders.mjs twitter-text POSTS.jsonl   twitter-text 3.1.0: extractHashtags +
//                                                  extractMentions + extractUrls + parseTweet
//   node contenders.mjs wasm POSTS.jsonl           postlint's WebAssembly package (node build):
//                                                  entities(text), and Linter.lintPost(text, 'x')
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = 3;

/** Seconds of the fastest of RUNS runs of `work`, after one warm-up run. */
function bestSeconds(work) {
  work();
  let best = Infinity;
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    work();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return best;
}

function report(contender, task, posts, seconds, extra = {}) {
  console.log(JSON.stringify({ contender, task, posts, seconds, posts_per_s: posts / seconds, ...extra }));
}

const [which, postsPath] = process.argv.slice(2);
if (!which || !postsPath) {
  console.error('usage: node contenders.mjs twitter-text|wasm POSTS.jsonl');
  process.exit(2);
}
const texts = readFileSync(postsPath, 'utf8').split('\n').filter((line) => line.trim() !== '')
  .map((line, n) => {
    const post = JSON.parse(line);
    if (typeof post.text !== 'string') throw new Error(`${postsPath}:${n + 1}: no text`);
    return post.text;
  });

if (which === 'twitter-text') {
  const twitter = createRequire(import.meta.url)('twitter-text');
  const version = JSON.parse(readFileSync(path.join(here, 'node_modules/twitter-text/package.json'), 'utf8')).version;
  let totals;
  const seconds = bestSeconds(() => {
    totals = { hashtags: 0, mentions: 0, urls: 0, weighted_length: 0 };
    for (const text of texts) {
      totals.hashtags += twitter.extractHashtags(text).length;
      totals.mentions += twitter.extractMentions(text).length;
      totals.urls += twitter.extractUrls(text).length;
      totals.weighted_length += twitter.parseTweet(text).weightedLength;
    }
  });
  report('twitter-text', 'entities', texts.length, seconds, { version, totals });
} else if (which === 'wasm') {
  const postlint = await import(path.resolve(here, '../../bindings/wasm/pkg/node.js'));
  let totals;
  const entitiesSeconds = bestSeconds(() => {
    totals = { hashtags: 0, mentions: 0, urls: 0, weighted_length: 0 };
    for (const text of texts) {
      const found = postlint.entities(text);
      totals.hashtags += found.hashtags.length;
      totals.mentions += found.mentions.filter((mention) => !mention.list_slug).length;
      totals.urls += found.urls.length;
      totals.weighted_length += found.weighted_length;
    }
  });
  report('postlint-wasm', 'entities', texts.length, entitiesSeconds, { version: postlint.version, totals });
  const linter = new postlint.Linter();
  const lintSeconds = bestSeconds(() => {
    for (const text of texts) linter.lintPost(text, 'x');
  });
  report('postlint-wasm', 'lint', texts.length, lintSeconds, { version: postlint.version });
} else {
  console.error(`unknown contender ${which}: twitter-text or wasm`);
  process.exit(2);
}
