// Hostile input from a web page: whatever it hands the module, the answer is a report or a thrown
// Error naming the problem; never an `unreachable` trap, and the module keeps working afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Linter, entities } from '../pkg/node.js';

const linter = new Linter();

/** Asserts that `work` throws an Error (not a trap turned into one) whose message has `needle`. */
function throwsClearly(work, needle) {
  assert.throws(work, (err) => {
    assert.ok(err instanceof Error, `${err} is not an Error`);
    assert.ok(!/unreachable|internal error|stopped/.test(err.message), err.message);
    assert.ok(err.message.includes(needle), `${JSON.stringify(err.message)} lacks ${JSON.stringify(needle)}`);
    return true;
  });
}

function deepArray(depth) {
  let value = [];
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

function deepObject(depth) {
  let value = {};
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}

test('deep nesting and cycles are errors, not stack overflows', () => {
  const cycle = { text: 'hi' };
  cycle.self = cycle;
  throwsClearly(() => linter.lintPost(deepArray(100_000)), 'nested more than 128 arrays or objects deep');
  throwsClearly(() => linter.lintPost({ text: 'hi', meta: deepObject(100_000) }), 'field `post`: `meta');
  throwsClearly(() => linter.lintPost(cycle), 'or a cycle');
  throwsClearly(() => linter.lintMany(['fine', deepArray(10_000)]), 'posts[1]: field `post`: `[0]');
  throwsClearly(() => linter.lintSchedule([{ text: 'a', allow: deepArray(1_000) }]), 'posts[0]: field `post`');
  throwsClearly(() => new Linter(deepObject(100_000)), 'invalid config at `a.a.a');
  assert.equal(linter.lintPost({ text: 'hi', meta: deepArray(127) }).index, 0);
});

test('bad numbers and types in configs and posts', () => {
  for (const [config, needle] of [
    [{ rules: { 'robotic-cadence': { 'max-cv': NaN } } }, 'invalid config at `rules.robotic-cadence.max-cv`: NaN is not a finite number'],
    [{ rules: { 'self-promo-ratio': { 'max-ratio': -Infinity } } }, '-Infinity is not a finite number'],
    [{ rules: { 'self-promo-ratio': { 'max-ratio': -0.5 } } }, 'between 0 and 1'],
    [{ scoring: { error: -1 } }, 'invalid config at `scoring.error`'],
    [{ scoring: { error: '40' } }, 'invalid config at `scoring.error`'],
    [{ brand: { domains: ['a.com', 3] } }, 'invalid config at `brand.domains[1]`'],
    ['[rules.robotic-cadence]\nmax-cv = nan', 'this build reads no TOML text'],
    [{ rules: { 'spam-phrase': { regexes: ['(a{1000}){1000}'] } } }, 'has no regex engine'],
  ]) {
    throwsClearly(() => new Linter(config), needle);
  }
  throwsClearly(() => linter.lintPost({ text: 'a', promotional: NaN }), 'field `post`: `promotional`: NaN');
  throwsClearly(() => linter.lintPost({ text: 'a', id: 10n ** 30n }), 'field `post`');
  throwsClearly(() => linter.lintPost(null), 'expected an object');
  throwsClearly(() => linter.lintMany({ text: 'a' }), 'expected an array of posts, found an object');
  throwsClearly(() => linter.lintMany('a'), 'expected an array of posts, found a string');
  throwsClearly(() => linter.lintPost('a', 5), 'network: expected a string, found a number');
  throwsClearly(() => linter.lintMany(['a'], {}), 'network: expected a string, found an object');
  throwsClearly(() => linter.lintSchedule(['a'], ['x']), 'network: expected a string, found an array');
  throwsClearly(() => entities(5), 'text: expected a string, found a number');
  throwsClearly(() => entities(null), 'text: expected a string, found null');
  throwsClearly(() => entities(), 'text: expected a string, found undefined');
});

test('NUL, bidi controls and lone surrogates keep UTF-16 spans right', () => {
  const text = '\u0000\u202e\ud800\u2066 #a #b #c\u2069 \u0000 #d #e #f \udfff𝒳';
  const report = linter.lintPost(text, 'x');
  const stuffing = report.diagnostics.find((d) => d.rule === 'hashtag-stuffing');
  assert.equal(text.slice(...stuffing.span.utf16), '#c\u2069 \u0000 #d #e #f');
  const found = entities('\ud83d #tag \ude00 @name');
  assert.equal('\ud83d #tag \ude00 @name'.slice(...found.hashtags[0].span.utf16), '#tag');
  assert.equal('\ud83d #tag \ude00 @name'.slice(...found.mentions[0].span.utf16), '@name');
});

test('a 10 MB post with 100k hashtags', () => {
  let text = Array.from({ length: 100_000 }, (_, n) => `#t${n}`).join(' ');
  text += ' x'.repeat((10_000_000 - text.length) / 2);
  const report = linter.lintPost(text, 'x');
  const stuffing = report.diagnostics.find((d) => d.rule === 'hashtag-stuffing');
  assert.equal(stuffing.message, '100000 hashtags; more than 5 on x reads as hashtag spam');
  assert.ok(text.slice(...stuffing.span.utf16).startsWith('#t2 #t3'));
  assert.equal(stuffing.fix.edits.length, 99_998);
  assert.equal(entities(text).hashtags.length, 100_000);
});

test('1M posts of one character', () => {
  const report = linter.lintMany(Array.from({ length: 1_000_000 }, () => 'a'));
  assert.equal(report.posts.length, 1_000_000);
  assert.equal(report.summary.posts, 1_000_000);
  assert.equal(report.posts[999_999].index, 999_999);
});

test('odd times and duplicated ids', () => {
  const report = linter.lintSchedule([
    { id: 'same', text: 'one', account: 'a', at: '2026-11-20T09:00:00+05:45' },
    { id: 'same', text: 'two', account: 'a', at: '2016-12-31T23:59:60Z' },
    { id: 'same', text: 'three', account: 'a', at: '-000001-01-01T00:00:00-23:59' },
  ]);
  assert.deepEqual(report.posts.map((post) => post.id), ['same', 'same', 'same']);
  for (const [at, needle] of [
    ['2026-11-20T09:00:00+05:45:30', 'offsets are whole minutes'],
    ['2026-11-20T09:00:00+25:00', 'offsets are whole minutes'],
    ['9999-12-31T23:59:59Z', 'out of range'],
    ['+010000-01-01T00:00:00Z', 'not an RFC 3339 time'],
  ]) {
    throwsClearly(() => linter.lintSchedule([{ text: 'a', at }]), needle);
  }
});

test('the module still works after all of that', () => {
  assert.equal(linter.lintPost('still here #a #b #c', 'x').diagnostics[0].rule, 'hashtag-stuffing');
});
