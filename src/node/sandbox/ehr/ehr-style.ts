// The EHR page's look: a plain clinical chart (top bar, patient list, banner, app frame).

export const EHR_CSS = `
  :root { --ink: #1c2127; --muted: #5b6573; --line: #d5dae1; --accent: #1d5fa8; --bg: #eef1f5; --panel: #fff; --warn: #8a4b00; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
  .topbar { display: flex; align-items: center; gap: 1rem; padding: 0.55rem 1.2rem; background: #243447; color: #fff; }
  .topbar h1 { margin: 0; font-size: 1.05rem; letter-spacing: 0.02em; }
  .topbar .sub { color: #b9c6d6; }
  .topbar .user { margin-left: auto; color: #dfe7f0; }
  .layout { display: grid; grid-template-columns: 330px 1fr; gap: 1rem; padding: 1rem; align-items: start; }
  .panel { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 0.9rem 1rem; }
  h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0.9rem 0 0.4rem; }
  h2:first-child { margin-top: 0; }
  select, input, button { font: inherit; }
  select { width: 100%; padding: 0.3rem; }
  .patient-set { border: 0; padding: 0; margin: 0; min-width: 0; }
  .patients { max-height: 330px; overflow-y: auto; border-top: 1px solid #eef0f3; }
  .patient { display: grid; grid-template-columns: auto 1fr; gap: 0 0.5rem; padding: 0.4rem 0.3rem; border-bottom: 1px solid #eef0f3; cursor: pointer; }
  .patient:hover { background: #f3f6fa; }
  .patient input { grid-row: span 3; margin-top: 0.2rem; }
  .patient .meta { color: var(--muted); font-size: 0.85rem; }
  .patient .who { font-weight: 600; }
  .patient .story { color: var(--muted); font-size: 0.85rem; }
  details { margin-top: 0.8rem; border-top: 1px solid var(--line); padding-top: 0.5rem; }
  summary { cursor: pointer; font-weight: 600; }
  .field { display: block; margin: 0.4rem 0; }
  .row { display: flex; gap: 0.4rem; align-items: center; }
  .row select, .row input[type=number] { width: auto; flex: 1; }
  input[type=number] { width: 6rem; padding: 0.25rem; }
  .actions { display: flex; align-items: center; gap: 1rem; margin-top: 1rem; }
  button { padding: 0.5rem 1.1rem; background: var(--accent); color: #fff; border: 0; border-radius: 6px; cursor: pointer; font-weight: 600; }
  a { color: var(--accent); }
  .banner { display: flex; flex-wrap: wrap; gap: 0.3rem 1.5rem; align-items: baseline; padding: 0.6rem 1rem; background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 8px; margin-bottom: 0.7rem; }
  .banner .name { font-size: 1.15rem; font-weight: 700; }
  .banner .meta { color: var(--muted); }
  .tabs { display: flex; gap: 0.2rem; margin-bottom: -1px; }
  .tabs span { padding: 0.35rem 0.9rem; border: 1px solid var(--line); border-bottom: 0; border-radius: 6px 6px 0 0; background: #e3e8ee; color: var(--muted); }
  .tabs span.active { background: #fff; color: var(--ink); font-weight: 600; }
  .frame { background: #fff; border: 1px solid var(--line); border-radius: 0 8px 8px 8px; padding: 0.5rem; width: max-content; }
  iframe { display: block; width: 900px; height: 600px; border: 1px solid var(--line); background: #fff; }
  .empty { display: grid; place-items: center; width: 900px; height: 600px; color: var(--muted); text-align: center; }
  .integrator { margin-top: 1rem; max-width: 918px; }
  .integrator dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
  .integrator dt { color: var(--muted); }
  .integrator dd { margin: 0; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.85rem; overflow-wrap: anywhere; }
  .faults-on { color: var(--warn); font-weight: 600; }
  .errors { color: #b3261e; }
`;
