// Content script: finds compose boxes (textareas and contenteditable elements) and lints them as
// the user types. The linter runs in this page's isolated world, loaded from the extension.
(async () => {
  const { attach } = await import(chrome.runtime.getURL('annotate.js'));
  const postlint = await import(chrome.runtime.getURL('postlint/index.js'));
  await postlint.default(chrome.runtime.getURL('postlint/postlint_wasm_bg.wasm'));
  const linter = new postlint.Linter();

  // The network a site publishes to; a box may name its own with data-postlint-network.
  const SITES = {
    'x.com': 'x', 'twitter.com': 'x', 'linkedin.com': 'linkedin', 'facebook.com': 'facebook',
    'instagram.com': 'instagram', 'threads.net': 'threads', 'bsky.app': 'bluesky', 'tiktok.com': 'tiktok',
  };
  const site = Object.keys(SITES).find((host) => location.hostname === host || location.hostname.endsWith(`.${host}`));
  const seen = new WeakSet();

  const scan = () => {
    for (const box of document.querySelectorAll('textarea, [contenteditable=""], [contenteditable="true"]')) {
      if (seen.has(box) || box.closest('[data-postlint-panel]')) continue;
      seen.add(box);
      const network = box.dataset.postlintNetwork ?? (site ? SITES[site] : 'generic');
      attach(box, (text) => linter.lintPost(text, network));
    }
  };
  scan();
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
})();
