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

/** The deepest nesting of arrays and objects read from a post or a config (as the CLI's JSON). */
const MAX_DEPTH = 128;

/**
 * What the module cannot read safely in `value`, or null: arrays or objects nested more than
 * MAX_DEPTH deep (or a cycle), which would overflow the module's stack, and numbers that are not
 * finite, which JSON cannot hold. Walks with an explicit stack: `{path, message}`.
 */
function shapeProblem(value) {
  const pending = [[value, 0, '']];
  while (pending.length > 0) {
    const [item, depth, path] = pending.pop();
    if (typeof item === 'number' && !Number.isFinite(item)) {
      return { path, message: `${item} is not a finite number` };
    }
    if (item === null || typeof item !== 'object') continue;
    const children = Array.isArray(item)
      ? item.map((child, index) => [child, `${path}[${index}]`])
      : Object.entries(item).map(([key, child]) => [child, path ? `${path}.${key}` : key]);
    if (children.length > 0 && depth >= MAX_DEPTH) {
      return { path, message: `nested more than ${MAX_DEPTH} arrays or objects deep (or a cycle)` };
    }
    for (const [child, childPath] of children) pending.push([child, depth + 1, childPath]);
  }
  return null;
}

/** Throws the core's error for a post (`field \`post\`: ...`) that the module cannot read. */
function checkPost(post, prefix = '') {
  const problem = shapeProblem(post);
  if (problem) {
    const where = problem.path ? `\`${problem.path}\`: ` : '';
    throw new Error(`${prefix}field \`post\`: ${where}${problem.message}`);
  }
}

/** Checks every post of an array (`posts[i]: ...`); anything else is left to the module. */
function checkPosts(posts) {
  if (Array.isArray(posts)) posts.forEach((post, index) => checkPost(post, `posts[${index}]: `));
}

/** Throws the core's error for a config object the module cannot read. */
function checkConfig(config) {
  const problem = shapeProblem(config);
  if (problem) {
    const where = problem.path ? ` at \`${problem.path}\`` : '';
    throw new Error(`invalid config${where}: ${problem.message}`);
  }
}

/** Throws unless `value` is a string (or, when `optional`, null or undefined): the glue would
 * copy anything else into the module as a string of garbage length and trap. */
function checkString(value, what, optional = false) {
  if (typeof value === 'string' || (optional && value == null)) return;
  const kind =
    value == null ? String(value) : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  throw new Error(`${what}: expected a string, found ${kind}`);
}

/** The package version (build.sh writes it from package.json; a test checks it against the crate). */
export const version = '@VERSION@';

/** The version compiled into the WebAssembly module. */
export function moduleVersion() {
  return call(() => raw.packageVersion());
}

/** Lints posts with a fixed configuration (an object shaped like postlint.toml). */
export class Linter {
  #inner;

  constructor(config) {
    checkConfig(config);
    this.#inner = call(() => new raw.Linter(config));
  }

  /** Lints one post (a string, or `{text, network?, id?, account?, at?, promotional?, allow?}`). */
  lintPost(post, network) {
    checkString(network, 'network', true);
    // A string crosses into the module once, as UTF-8; an object is read field by field.
    if (typeof post === 'string') return call(() => this.#inner.lintText(post, network));
    checkPost(post);
    return call(() => this.#inner.lintPost(post, network));
  }

  /** Lints many posts, each on its own: `{version, posts, summary}`. */
  lintMany(posts, network) {
    checkString(network, 'network', true);
    checkPosts(posts);
    return call(() => this.#inner.lintMany(posts, network));
  }

  /** Lints posts and the schedule they form: `{version, posts, schedule, summary}`. */
  lintSchedule(posts, network) {
    checkString(network, 'network', true);
    checkPosts(posts);
    return call(() => this.#inner.lintSchedule(posts, network));
  }

  /** Frees the linter's memory now instead of at garbage collection. */
  free() {
    this.#inner.free();
  }
}

/** Hashtags, mentions, cashtags and URLs of a text, and its X weighted length. */
export function entities(text) {
  checkString(text, 'text');
  return call(() => raw.entities(text));
}

/** For the tests only: panics inside the module. */
export function __panicForTests() {
  return call(() => raw.__panicForTests());
}
