// Parity: every fixture case gives, in JS, the expected diagnostics and the CLI's whole report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from '../pkg/node.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const workspace = path.resolve(here, '../../..');
const cli = process.env.POSTLINT_CLI ?? path.join(workspace, 'target/debug/postlint');
const scratch = mkdtempSync(path.join(tmpdir(), 'postlint-parity-'));

function fixtures(kind) {
  const dir = path.join(workspace, 'fixtures', kind);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => [name, JSON.parse(readFileSync(path.join(dir, name), 'utf8'))]);
}

/** Whether a config uses user regexes, which the WebAssembly build leaves out. */
function usesRegexes(config) {
  return (config?.rules?.['spam-phrase']?.regexes ?? []).length > 0;
}

/** Whether a config names a time zone, which needs the time-zone database the build leaves out. */
function usesTimeZone(config) {
  return config?.rules?.['no-quiet-hours']?.['time-zone'] !== undefined;
}

/** What `postlint check --format json` says about the same posts. */
function cliReport(posts, config, schedule) {
  const postsFile = path.join(scratch, 'posts.json');
  writeFileSync(postsFile, JSON.stringify(posts));
  const args = ['check', postsFile, '--format', 'json'];
  if (config) {
    const configFile = path.join(scratch, 'config.json');
    writeFileSync(configFile, JSON.stringify(config));
    args.push('--config', configFile);
  }
  if (schedule) args.push('--schedule');
  try {
    return JSON.parse(execFileSync(cli, args, { cwd: scratch, encoding: 'utf8' }));
  } catch (err) {
    assert.equal(err.status, 1, err.stderr);
    return JSON.parse(err.stdout);
  }
}

for (const [name, file] of fixtures('rules')) {
  for (const fixture of file.cases) {
    test(`rules/${name} ${fixture.name}`, () => {
      const config = fixture.config ?? file.config;
      if (usesRegexes(config)) {
        // The one documented difference: the WebAssembly build has no regex engine.
        assert.throws(() => new Linter(config), /rules\.spam-phrase.*has no regex engine/);
        return;
      }
      const linter = new Linter(config);
      const post = fixture.post;
      const report = linter.lintPost(post);
      const found = report.diagnostics.filter((d) => d.rule === file.rule);
      assert.deepEqual(found.map((d) => d.severity), fixture.expect.map((e) => e.severity));
      found.forEach((diagnostic, index) => {
        const expected = fixture.expect[index];
        if (expected.message !== undefined) assert.equal(diagnostic.message, expected.message);
        if (expected.span !== undefined) assert.equal(post.text.slice(...diagnostic.span.utf16), expected.span);
        if (expected.fixed !== undefined) {
          const fixed = diagnostic.fix.edits.reduceRight(
            (out, edit) => out.slice(0, edit.span.utf16[0]) + edit.replace + out.slice(edit.span.utf16[1]),
            post.text,
          );
          assert.equal(fixed, expected.fixed);
        }
      });
      const timed = post.at !== undefined;
      const batch = timed ? linter.lintSchedule([post]) : linter.lintMany([post]);
      assert.deepEqual(batch.posts[0], report);
      assert.deepEqual(batch, cliReport([post], config, timed));
    });
  }
}

for (const [name, file] of fixtures('schedules')) {
  for (const fixture of file.cases) {
    test(`schedules/${name} ${fixture.name}`, () => {
      const config = fixture.config ?? file.config;
      if (usesTimeZone(config)) {
        // The other documented difference: the WebAssembly build has no time-zone database.
        assert.throws(() => new Linter(config), /rules\.no-quiet-hours.*no time-zone database/);
        return;
      }
      const report = new Linter(config).lintSchedule(fixture.posts);
      assert.equal(report.posts.length, fixture.posts.length);
      const found = report.schedule.diagnostics.filter((d) => d.rule === file.rule);
      assert.deepEqual(
        found.map((d) => [d.severity, d.posts]),
        fixture.expect.map((e) => [e.severity, e.posts]),
      );
      assert.deepEqual(report, cliReport(fixture.posts, config, true));
    });
  }
}
