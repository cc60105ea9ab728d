// Node entry: the module is loaded synchronously on import; `init()` is there for symmetry.
import { readFileSync } from 'node:fs';
import { initSync } from './postlint_wasm.js';

initSync({ module: readFileSync(new URL('./postlint_wasm_bg.wasm', import.meta.url)) });

export { Linter, entities, version, moduleVersion, __panicForTests } from './api.js';

/** Already loaded in node; resolves at once. */
export default async function init() {}
