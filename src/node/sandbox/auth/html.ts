// Server-rendered pages: every value is escaped, no script or style comes from elsewhere.

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const BASE_CSS = `
  :root { color-scheme: light; --ink: #1c2127; --muted: #5b6573; --line: #d5dae1; --accent: #1d5fa8; --bg: #f6f7f9; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
  main { max-width: 40rem; margin: 3rem auto; padding: 1.5rem 2rem; background: #fff; border: 1px solid var(--line); border-radius: 8px; }
  h1 { font-size: 1.3rem; margin: 0 0 1rem; }
  label { display: block; margin: 0.8rem 0 0.3rem; font-weight: 600; }
  select, button { font: inherit; }
  select { width: 100%; padding: 0.4rem; }
  button { margin-top: 1.2rem; padding: 0.5rem 1.2rem; background: var(--accent); color: #fff; border: 0; border-radius: 6px; cursor: pointer; }
  .muted { color: var(--muted); }
  .error { color: #b3261e; }
`;

export function htmlPage(title: string, body: string, css = BASE_CSS): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
${body}
</body>
</html>`;
}

export function errorPage(message: string): string {
  return htmlPage(
    'Authorization refused',
    `<main><h1>Authorization refused</h1><p class="error">${escapeHtml(message)}</p>
<p class="muted">The sandbox does not redirect back to an unverified address. Check the client id and redirect URI the app sends.</p></main>`,
  );
}

export function options(items: readonly { value: string; label: string }[], selected?: string): string {
  return items
    .map(
      (i) =>
        `<option value="${escapeHtml(i.value)}"${i.value === selected ? ' selected' : ''}>${escapeHtml(i.label)}</option>`,
    )
    .join('');
}
