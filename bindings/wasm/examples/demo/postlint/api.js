// The public API over the wasm-bindgen glue: plain objects in and out, `Error`s for bad input,
// and a Rust panic (a trap in the size-optimized build) turned into an `Error` with its message.
import * as raw from './postlint_wasm.js';

let stopped = null;

/** Runs `work` against the module, translating traps into `Error`s. */
function call(work) {
  if (stopped) {
    throw new Error(`postlint stopped after an internal error (${stopped}); load the module again`);
  }
  try {
    return work();
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) {
      // The instance may be inconsistent after a trap: refuse further calls.
      stopped = raw.lastPanic() ?? err.message;
      throw new Error(`postlint internal error: ${stopped}`);
    }
    throw err;
  }
}

/** The package version (build.sh writes it from package.json; a test checks it against the crate). */
export const version = '0.1.0';

/** The version compiled into the WebAssembly module. */
export function moduleVersion() {
  return call(() => raw.packageVersion());
}

/** Lints posts with a fixed configuration (an object shaped like postlint.toml, or TOML text). */
export class Linter {
  #inner;

  constructor(config) {
    this.#inner = call(() => new raw.Linter(config));
  }

  /** Lints one post (a string, or `{text, network?, id?, account?, at?, promotional?, allow?}`). */
  lintPost(post, network) {
    return call(() => this.#inner.lintPost(post, network));
  }

  /** Lints many posts, each on its own: `{version, posts, summary}`. */
  lintMany(posts, network) {
    return call(() => this.#inner.lintMany(posts, network));
  }

  /** Lints posts and the schedule they form: `{version, posts, schedule, summary}`. */
  lintSchedule(posts, network) {
    return call(() => this.#inner.lintSchedule(posts, network));
  }

  /** Frees the linter's memory now instead of at garbage collection. */
  free() {
    this.#inner.free();
  }
}

/** Hashtags, mentions, cashtags and URLs of a text, and its X weighted length. */
export function entities(text) {
  return call(() => raw.entities(text));
}

/** For the tests only: panics inside the module. */
export function __panicForTests() {
  return call(() => raw.__panicForTests());
}
