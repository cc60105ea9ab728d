// TypeScript declarations of the `postlint` package (same shapes as the JSON report, version 1).

/** Networks postlint knows (`twitter` is accepted as an alias of `x`). */
export type Network =
  | 'x'
  | 'twitter'
  | 'linkedin'
  | 'facebook'
  | 'instagram'
  | 'threads'
  | 'mastodon'
  | 'bluesky'
  | 'tiktok'
  | 'generic';

export type Severity = 'info' | 'warning' | 'error';
export type Verdict = 'clean' | 'needs-work' | 'spam';

/** A post: its text, or an object with the text and optional fields. */
export type PostInput =
  | string
  | {
      text: string;
      id?: string | number | null;
      network?: Network | null;
      account?: string | null;
      /** RFC 3339 with a UTC offset, e.g. `2026-11-20T09:00:00-05:00`. */
      at?: string | null;
      promotional?: boolean | null;
      /** Rule names suppressed for this post. */
      allow?: string[];
      /** Other fields (scheduler metadata) are ignored. */
      [field: string]: unknown;
    };

/** Settings of one rule: `severity` plus the rule's own options (see `postlint explain RULE`). */
export interface RuleSettings {
  severity?: Severity | 'off';
  [option: string]: unknown;
}

/** The configuration, shaped like postlint.toml. Unknown keys are errors. */
export interface Config {
  brand?: { names?: string[]; domains?: string[]; [key: string]: unknown };
  scoring?: { error?: number; warning?: number; info?: number; 'spam-below'?: number };
  rules?: Record<string, RuleSettings>;
}

/** `[start, end)` in one unit. */
export type Range = [number, number];

/** A range of the post's text in UTF-8 bytes, code points and UTF-16 units (`text.slice(...utf16)`). */
export interface Span {
  byte: Range;
  char: Range;
  utf16: Range;
}

export interface Edit {
  span: Span;
  replace: string;
}

export interface Fix {
  edits: Edit[];
  /** Whether the fix keeps the post's meaning. */
  safe: boolean;
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  message: string;
  help: string | null;
  span: Span | null;
  fix: Fix | null;
}

export interface PostReport {
  index: number;
  id: string | null;
  network: Network;
  /** 0-100, 100 = clean. */
  score: number;
  verdict: Verdict;
  promotional: boolean;
  promotional_reasons: string[];
  length: { used: number; limit: number | null };
  diagnostics: Diagnostic[];
}

export interface ScheduleDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  help: string | null;
  /** The posts involved, by input index. */
  posts: number[];
  window: { from: string; to: string } | null;
}

export interface AccountStats {
  account: string | null;
  network: Network;
  posts: number;
  promo_ratio: number;
  median_gap_minutes: number | null;
  gap_cv: number | null;
  hours_covered: number;
}

export interface ScheduleReport {
  diagnostics: ScheduleDiagnostic[];
  notes: { message: string; posts: number[] }[];
  stats: {
    accounts: number;
    promo_ratio: number;
    duplicates: number;
    untimed: number;
    by_account: AccountStats[];
  };
}

export interface Summary {
  posts: number;
  errors: number;
  warnings: number;
  infos: number;
  score: number;
}

export interface Report {
  version: 1;
  posts: PostReport[];
  /** Present for `lintSchedule`. */
  schedule?: ScheduleReport;
  summary: Summary;
}

export interface Entity {
  /** The tag, screen name or symbol without its sigil, or the URL as written. */
  text: string;
  span: Span;
  /** For a list mention (`@alice/friends`), the slug. */
  list_slug?: string;
}

export interface Entities {
  hashtags: Entity[];
  mentions: Entity[];
  cashtags: Entity[];
  urls: Entity[];
  /** X's weighted length (URLs 23, emoji 2, CJK 2). */
  weighted_length: number;
  valid: boolean;
}

/** Lints posts with a fixed configuration. Bad config or posts throw an `Error`. */
export class Linter {
  constructor(config?: Config | null);
  /** Lints one post; `network` fills a post that names none. */
  lintPost(post: PostInput, network?: Network): PostReport;
  /** Lints many posts, each on its own (no schedule rules). */
  lintMany(posts: PostInput[], network?: Network): Report;
  /** Lints posts and the schedule they form. */
  lintSchedule(posts: PostInput[], network?: Network): Report & { schedule: ScheduleReport };
  /** Frees the linter's memory now instead of at garbage collection. */
  free(): void;
}

/** Hashtags, mentions, cashtags and URLs of a text (as twitter-text), and its X weighted length. */
export function entities(text: string): Entities;

/** The package version. */
export const version: string;

/** The version compiled into the WebAssembly module (equals `version`). */
export function moduleVersion(): string;

/** Loads the WebAssembly module; needed once in browsers, a no-op in node. */
export default function init(input?: string | URL | Request | Response | BufferSource): Promise<void>;
