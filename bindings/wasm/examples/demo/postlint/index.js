// Browser and bundler entry: `await init()` once, then use the API.
import initModule from './postlint_wasm.js';

export { Linter, entities, version, moduleVersion } from './api.js';

/** Loads the WebAssembly module (from next to this file unless given a URL, Response or bytes). */
export default async function init(input) {
  await initModule(input === undefined ? undefined : { module_or_path: input });
}
