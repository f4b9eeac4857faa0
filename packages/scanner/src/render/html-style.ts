/** The dashboard's stylesheet, inlined into the page. System fonts only: the page works offline. */
export const DASHBOARD_STYLE = `
:root {
  --bg: #f5f7fb; --panel: #ffffff; --ink: #0f172a; --muted: #64748b; --line: #e2e8f0;
  --accent: #4f46e5; --bad: #dc2626; --bad-bg: #fef2f2;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
  color: var(--ink); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; line-height: 1.45; }
header.top { background: linear-gradient(120deg, #1e1b4b, #4338ca); color: #fff; padding: 28px 40px 68px; }
header.top > * { max-width: 1200px; margin-left: auto; margin-right: auto; }
header.top h1 { margin-top: 0; margin-bottom: 0; font-size: 24px; font-weight: 650; letter-spacing: -0.01em; }
header.top h1 .brand { opacity: 0.75; font-weight: 500; }
header.top p { margin-top: 6px; margin-bottom: 0; color: #c7d2fe; font-size: 14px; }
header.top code { color: #e0e7ff; background: rgba(255,255,255,0.1); padding: 1px 6px; border-radius: 4px; }
main { max-width: 1280px; margin: 0 auto; padding: 24px 40px 48px; }
h2 { font-size: 17px; margin: 0 0 4px; }
.section-hint { color: var(--muted); font-size: 13px; margin: 0 0 14px; }
section.block { margin-top: 28px; }
.search { margin: 0 0 10px; font-size: 13px; color: var(--muted); }
.search input { font: inherit; color: var(--ink); padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; min-width: 280px; }
.status-stale, .status-archived-in-use { color: var(--bad); font-weight: 600; }
.status-unused, .status-archived { color: var(--muted); }
.totals { display: grid; grid-template-columns: repeat(8, minmax(0, 1fr)); gap: 12px; margin-top: -68px; }
.totals.four { grid-template-columns: repeat(4, minmax(0, 1fr)); }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 1px 2px rgba(15,23,42,0.05); }
.total { padding: 14px 16px; }
.total .value { font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; }
.total .label { font-size: 13px; font-weight: 600; }
.total .hint { font-size: 12px; color: var(--muted); }
.total.bad { border-color: #fecaca; background: var(--bad-bg); }
.total.bad .value { color: var(--bad); }
.charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; }
.chart { padding: 16px 18px 12px; }
.chart h3 { margin: 0 0 8px; font-size: 14px; }
.chart .canvas-box { position: relative; height: 240px; }
.chart.wide { grid-column: 1 / -1; }
.chart.wide .canvas-box { height: 300px; }
.table-wrap { overflow-x: auto; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 9px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
tbody tr:last-child td { border-bottom: none; }
tbody tr:hover { background: #f8fafc; }
th { background: #f8fafc; font-weight: 600; white-space: nowrap; }
th button { all: unset; cursor: pointer; display: inline-flex; align-items: center; gap: 4px; }
th button::after { content: "↕"; color: #cbd5e1; font-size: 11px; }
th[aria-sort="ascending"] button::after { content: "▲"; color: var(--accent); }
th[aria-sort="descending"] button::after { content: "▼"; color: var(--accent); }
th button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
td.num, th[data-kind="number"] { text-align: right; font-variant-numeric: tabular-nums; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 12px; background: #f1f5f9; padding: 1px 5px; border-radius: 4px; overflow-wrap: anywhere; }
td code { white-space: nowrap; }
.loc { font-family: ui-monospace, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12px; color: #334155; }
.muted { color: var(--muted); }
.reasons { margin: 0; padding-left: 16px; }
.cmd { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; }
button.copy { font: inherit; font-size: 11px; padding: 2px 8px; border-radius: 5px; border: 1px solid var(--line); background: #fff; color: var(--accent); cursor: pointer; }
button.copy:hover { background: #eef2ff; }
.badge { display: inline-block; font-size: 11px; font-weight: 600; padding: 1px 8px; border-radius: 999px; background: #e2e8f0; color: #334155; }
.type-release { background: #e0e7ff; color: #3730a3; }
.type-experiment { background: #cffafe; color: #155e75; }
.type-ops { background: #fef3c7; color: #92400e; }
.type-permission { background: #d1fae5; color: #065f46; }
.state-active { background: #dbeafe; color: #1e40af; }
.state-complete { background: #f3e8ff; color: #6b21a8; }
.state-archived { background: #e2e8f0; color: #475569; }
.empty { background: var(--panel); border: 1px dashed var(--line); border-radius: 10px; padding: 14px 16px; color: var(--muted); margin: 0; font-size: 13px; }
.two-col { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; }
footer { color: var(--muted); font-size: 12px; margin-top: 36px; }
@media (max-width: 900px) {
  main { padding: 20px; } header.top { padding: 24px 20px 68px; }
  .totals, .totals.four { grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); }
  .charts, .two-col { grid-template-columns: 1fr; }
}
@media print { .copy { display: none; } header.top { background: none; color: var(--ink); } }
`;
