// Lints a compose box as the user types and shows the findings next to it: a count badge, the
// list of messages, and the text with the flagged spans highlighted. Shared by the extension's
// content script and the demo page.

const DEBOUNCE_MS = 150;
const STYLE = `
.postlint-panel{font:13px/1.4 system-ui,sans-serif;margin:4px 0 10px;padding:6px 8px;border:1px solid #ccd;border-radius:6px;background:#fafaff;color:#222;max-width:40em}
.postlint-badge{display:inline-block;min-width:1.4em;padding:0 6px;border-radius:9px;background:#2a7;color:#fff;font-weight:600;text-align:center}
.postlint-badge[data-worst=warning]{background:#d80}.postlint-badge[data-worst=error]{background:#c22}
.postlint-panel ul{margin:4px 0;padding-left:1.2em}.postlint-panel li[data-severity=error]{color:#a11}
.postlint-preview{white-space:pre-wrap;word-break:break-word;margin-top:4px;padding:4px;background:#fff;border-radius:4px}
.postlint-preview mark{background:#fde68a;border-bottom:2px solid #d80;padding:0 1px}
.postlint-preview mark[data-severity=error]{background:#fecaca;border-bottom-color:#c22}`;

/** The text of a textarea, input or contenteditable element. */
export function textOf(box) {
  return 'value' in box ? box.value : box.innerText;
}

/** Adds the panel's stylesheet to a document once. */
function addStyle(document) {
  if (document.querySelector('style[data-postlint]')) return;
  const style = document.createElement('style');
  style.dataset.postlint = '';
  style.textContent = STYLE;
  document.head.append(style);
}

/** `text` as DOM nodes, with each diagnostic's UTF-16 span wrapped in a <mark> (first wins). */
function highlighted(document, text, diagnostics) {
  const spans = diagnostics
    .filter((d) => d.span && d.span.utf16[0] < d.span.utf16[1])
    .sort((a, b) => a.span.utf16[0] - b.span.utf16[0]);
  const nodes = [];
  let cursor = 0;
  for (const d of spans) {
    const [start, end] = d.span.utf16;
    if (start < cursor) continue;
    nodes.push(document.createTextNode(text.slice(cursor, start)));
    const mark = document.createElement('mark');
    mark.dataset.rule = d.rule;
    mark.dataset.severity = d.severity;
    mark.title = `${d.rule}: ${d.message}`;
    mark.textContent = text.slice(start, end);
    nodes.push(mark);
    cursor = end;
  }
  nodes.push(document.createTextNode(text.slice(cursor)));
  return nodes;
}

/**
 * Watches `box` and renders findings in a panel inserted after it. `lint(text)` returns a post
 * report (or throws); returns the panel element.
 */
export function attach(box, lint) {
  const document = box.ownerDocument;
  addStyle(document);
  const panel = document.createElement('div');
  panel.className = 'postlint-panel';
  panel.dataset.postlintPanel = '';
  const badge = document.createElement('span');
  badge.className = 'postlint-badge';
  badge.dataset.postlintCount = '0';
  const title = document.createElement('span');
  title.textContent = ' postlint';
  const list = document.createElement('ul');
  const preview = document.createElement('div');
  preview.className = 'postlint-preview';
  panel.append(badge, title, list, preview);
  box.after(panel);

  const render = () => {
    const text = textOf(box);
    let diagnostics;
    try {
      diagnostics = text.trim() ? lint(text).diagnostics : [];
    } catch (err) {
      diagnostics = [{ rule: 'postlint', severity: 'error', message: String(err.message ?? err), span: null }];
    }
    const shown = diagnostics.filter((d) => d.severity !== 'info');
    badge.textContent = String(shown.length);
    badge.dataset.postlintCount = String(shown.length);
    badge.dataset.worst = shown.some((d) => d.severity === 'error')
      ? 'error'
      : shown.length ? 'warning' : 'clean';
    list.replaceChildren(
      ...shown.map((d) => {
        const item = document.createElement('li');
        item.dataset.rule = d.rule;
        item.dataset.severity = d.severity;
        item.textContent = `${d.severity} ${d.rule}: ${d.message}`;
        return item;
      }),
    );
    preview.replaceChildren(...(shown.length ? highlighted(document, text, shown) : []));
  };
  let timer;
  box.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(render, DEBOUNCE_MS);
  });
  render();
  return panel;
}
