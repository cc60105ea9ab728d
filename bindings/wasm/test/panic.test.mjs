// A Rust panic (a trap in the size-optimized build) arrives as an Error with the panic's message,
// never as a bare `unreachable`; the module then refuses further calls. Runs in its own process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Linter, __panicForTests } from '../pkg/node.js';

test('a panic becomes an Error, and later calls say why they fail', () => {
  const linter = new Linter();
  assert.throws(
    () => __panicForTests(),
    (err) => err.constructor === Error && /postlint internal error: .*deliberate panic for the tests/s.test(err.message),
  );
  assert.throws(() => linter.lintPost('hello'), /postlint stopped after an internal error/);
});
