// Validates postlint's SARIF output against the SARIF 2.1.0 (rtm.5) JSON schema, which the
// npm package @microsoft/jest-sarif ships. Run: npm ci && POSTLINT=path/to/postlint npm test
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const Ajv = require('ajv');
const here = path.dirname(fileURLToPath(import.meta.url));
const workspace = path.resolve(here, '../../../..');
const postlint = process.env.POSTLINT ?? path.join(workspace, 'target/debug/postlint');
const schema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
);

const ajv = new Ajv({ schemaId: 'id', allErrors: true });
ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
const validate = ajv.compile(schema);

function sarif(args) {
  try {
    return execFileSync(postlint, ['check', ...args, '--format', 'sarif'], { cwd: workspace, encoding: 'utf8' });
  } catch (err) {
    assert.equal(err.status, 1, err.stderr); // exit 1 = findings with errors; the output is still SARIF
    return err.stdout;
  }
}

for (const args of [
  ['fixtures/demo/schedule.jsonl', '--config', 'fixtures/demo/postlint.toml'],
  ['fixtures/ordinary/posts.jsonl'],
]) {
  test(`SARIF of ${args[0]} is valid`, () => {
    const log = JSON.parse(sarif(args));
    const valid = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    assert.ok(log.runs[0].tool.driver.rules.length >= 23);
  });
}

test('a schema violation is caught (the check can fail)', () => {
  const log = JSON.parse(sarif(['fixtures/demo/schedule.jsonl']));
  log.runs[0].results[0].level = 'catastrophic';
  assert.equal(validate(log), false);
});
