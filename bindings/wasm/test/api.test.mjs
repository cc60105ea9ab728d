// The JS API in node: plain objects, UTF-16 spans, thrown Errors with the CLI's messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Linter, entities, version, moduleVersion } from '../pkg/node.js';

const CROWDED_FF = '#FF @ann @bob @cat @dan @eve';

/** Asserts that `value` and everything in it are plain objects, arrays and primitives. */
function assertPlain(value, where = 'report') {
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertPlain(item, `${where}[${index}]`));
  } else if (value !== null && typeof value === 'object') {
    assert.equal(Object.getPrototypeOf(value), Object.prototype, `${where} is not a plain object`);
    for (const [key, item] of Object.entries(value)) assertPlain(item, `${where}.${key}`);
  }
}

test('lintPost takes a string or an object and returns plain objects', () => {
  const linter = new Linter();
  const byText = linter.lintPost(CROWDED_FF, 'x');
  const byObject = linter.lintPost({ text: CROWDED_FF, network: 'x', id: 7 });
  assertPlain(byObject);
  assert.equal(byObject.id, '7');
  assert.equal(byObject.network, 'x');
  assert.deepEqual(byText.diagnostics.map((d) => d.rule), byObject.diagnostics.map((d) => d.rule));
  assert.ok(byText.diagnostics.some((d) => d.rule === 'crowded-followfriday' && d.severity === 'error'));
  assert.deepEqual(byText.length, { used: CROWDED_FF.length, limit: 280 });
});

for (const [text, spanned] of [
  ['🎉🎉 #a #b #c #d #e #f', '#c #d #e #f'],
  ['café́ 𝒳 #a #b #c #d #e #f', '#c #d #e #f'],
  ['👩‍👩‍👧 #a #b #c #d #e #𝒳y', '#c #d #e #𝒳y'],
]) {
  test(`utf16 spans slice JS strings: ${JSON.stringify(text)}`, () => {
    const diagnostic = new Linter().lintPost(text, 'x').diagnostics[0];
    assert.equal(diagnostic.rule, 'hashtag-stuffing');
    assert.equal(text.slice(...diagnostic.span.utf16), spanned);
    assert.equal([...text].slice(...diagnostic.span.char).join(''), spanned);
    const fixed = diagnostic.fix.edits.reduceRight(
      (out, edit) => out.slice(0, edit.span.utf16[0]) + edit.replace + out.slice(edit.span.utf16[1]),
      text,
    );
    assert.ok(fixed.split('#').length < text.split('#').length, fixed);
  });
}

test('lintMany and lintSchedule report every post, the schedule only for lintSchedule', () => {
  const posts = [1, 2, 3].map((day) => ({ text: 'Same words every day', account: 'a', at: `2026-11-0${day}T09:00:00Z` }));
  const linter = new Linter();
  const many = linter.lintMany(posts);
  assert.equal(many.posts.length, 3);
  assert.equal(many.schedule, undefined);
  const schedule = linter.lintSchedule([...posts, 'no time here']);
  assertPlain(schedule);
  const duplicate = schedule.schedule.diagnostics.find((d) => d.rule === 'duplicate-post');
  assert.deepEqual(duplicate.posts, [0, 1, 2]);
  assert.equal(schedule.schedule.stats.untimed, 1);
  assert.equal(schedule.summary.posts, 4);
});

test('config as an object; TOML text is refused with a clear Error', () => {
  const strict = new Linter({ rules: { 'hashtag-stuffing': { max: { x: 1 } } } });
  assert.deepEqual(strict.lintPost('Launch #a #b', 'x').diagnostics.map((d) => d.rule), ['hashtag-stuffing']);
  assert.deepEqual(new Linter().lintPost('Launch #a #b', 'x').diagnostics, []);
  assert.throws(() => new Linter('[rules.hashtag-stuffing]\nmax = { x = 1 }\n'), /reads no TOML text/);
});

for (const [config, message] of [
  [{ rules: { 'no-such-rule': {} } }, 'invalid config at `rules.no-such-rule`: unknown rule'],
  [{ rules: { 'hashtag-stuffing': { max: { x: -1 } } } }, 'rules.hashtag-stuffing'],
  [{ colour: 'blue' }, 'colour'],
  [{ rules: { 'spam-phrase': { regexes: ['free \\w+'] } } }, 'has no regex engine'],
  ['rules = [', 'reads no TOML text'],
  [[1, 2], 'expected a table of settings'],
]) {
  test(`bad config throws an Error: ${JSON.stringify(config)}`, () => {
    assert.throws(() => new Linter(config), (err) => err instanceof Error && err.message.includes(message));
  });
}

for (const [post, message] of [
  [{ network: 'x' }, 'field `text`: is required'],
  [{ text: 'a', network: 'myspace' }, 'field `network`: unknown network `myspace`'],
  [{ text: 'a', at: '2026-11-20T09:00:00' }, 'field `at`'],
  [{ text: 5 }, 'field `text`: expected a string, found a number'],
  [42, 'expected an object, found a number'],
]) {
  test(`bad post throws an Error: ${JSON.stringify(post)}`, () => {
    assert.throws(() => new Linter().lintPost(post), (err) => err instanceof Error && err.message.includes(message));
  });
}

test('every bad post of a batch is named; bad arguments are Errors', () => {
  assert.throws(
    () => new Linter().lintMany(['fine', { text: 1 }, 'fine', { text: 'x', at: 'soon' }]),
    (err) => err.message.startsWith('posts[1]: field `text`') && err.message.includes('posts[3]: field `at`'),
  );
  assert.throws(() => new Linter().lintMany('not a list'), /expected an array of posts, found a string/);
  assert.throws(() => new Linter().lintPost('a', 'myspace'), /network: unknown network `myspace`/);
});

test('hostile text gives a report', () => {
  const hostile = ['\0'.repeat(1000), '\u202e\u2066 bidi #tag\u2069', '#' + 'a'.repeat(100_000), 'a' + '\u0301'.repeat(50_000)];
  const report = new Linter().lintMany(hostile, 'x');
  assert.equal(report.posts.length, hostile.length);
});

test('entities and version', () => {
  const found = entities('Hi @alice/team #rust $TSLA https://example.com 🎉');
  assertPlain(found);
  assert.deepEqual(found.hashtags.map((e) => e.text), ['rust']);
  assert.deepEqual(found.mentions.map((e) => [e.text, e.list_slug]), [['alice', 'team']]);
  assert.deepEqual(found.cashtags.map((e) => e.text), ['TSLA']);
  assert.equal(found.weighted_length, 53);
  assert.match(version, /^\d+\.\d+\.\d+$/);
  assert.equal(moduleVersion(), version);
});
