// Type-checked by `tsc --noEmit` in the tests: the declarations describe the API as used.
import init, { Linter, entities, version, type Report, type PostReport, type Config } from '../pkg/index.js';

await init();
const config: Config = { rules: { 'hashtag-stuffing': { max: { x: 1 }, severity: 'error' } } };
const linter = new Linter(config);
const report: PostReport = linter.lintPost({ text: 'Launch #a #b', network: 'x', at: '2026-11-20T09:00:00Z' });
const [start, end] = report.diagnostics[0]?.span?.utf16 ?? [0, 0];
const flagged: string = 'Launch #a #b'.slice(start, end);
const schedule = linter.lintSchedule(['a', { text: 'b', account: 'acme' }], 'bluesky');
const ratio: number = schedule.schedule.stats.promo_ratio;
const many: Report = linter.lintMany(['x']);
const tags: string[] = entities('#rust').hashtags.map((tag) => tag.text);
console.log(version, flagged, ratio, many.summary.score, tags);
