// The real tweets of ../shared/data/timelines (CC BY 4.0), read in place, for the bench scripts.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The folder of the timeline CSV exports. */
export const timelines = path.resolve(here, '../../../../shared/data/timelines');

/** The `text` column of a CSV (RFC 4180 quoting), enough for the timeline exports. */
function texts(csv) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else if (c !== '\r') cell += c;
  }
  const column = rows[0].indexOf('text');
  return rows.slice(1).map((r) => r[column]).filter((t) => t !== undefined);
}

/** Every tweet's text, file by file in name order. */
export function realTweets() {
  return readdirSync(timelines).filter((f) => f.endsWith('.csv')).sort()
    .flatMap((f) => texts(readFileSync(path.join(timelines, f), 'utf8')));
}
