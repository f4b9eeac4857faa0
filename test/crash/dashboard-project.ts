/**
 * A miniature analytics dashboard whose `new-dashboard` rollout was abandoned (kept OFF): the
 * removal edits ~30 files (pages, server handlers, a CLI script) and deletes the four New*
 * widgets that only the ON branches used, and the helper only they imported. Built in code because the crash test needs a fresh
 * copy for every kill; it includes a CRLF file, a 0755 script and a file without a final newline.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const FLAG = 'new-dashboard';
export const CRLF_FILE = 'src/pages/ReportsPage.tsx';
export const EXECUTABLE_FILE = 'scripts/export-csv.ts';
export const NO_FINAL_NEWLINE_FILE = 'src/server/health.ts';
export const WIDGETS = ['Chart', 'Table', 'Summary', 'Alerts'];
const PAGES = [
  'Sales', 'Revenue', 'Churn', 'Signups', 'Traffic', 'Funnel', 'Retention', 'Cohorts',
  'Inventory', 'Orders', 'Refunds', 'Payouts', 'Support', 'Latency', 'Errors', 'Deploys',
  'Costs', 'Forecast', 'Regions', 'Partners', 'Campaigns', 'Reports',
];
const HANDLERS = ['metrics', 'exports', 'alerts', 'health'];

export function dashboardFiles(): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': '{ "name": "dashboard", "private": true, "main": "src/index.ts" }\n',
    'flagdebt.config.json': `${JSON.stringify(
      {
        registry: 'flags.yaml',
        include: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts'],
        accessors: [
          { call: 'flags.isEnabled', keyArg: 0, defaultArg: 1 },
          { call: 'useFlag', keyArg: 0 },
        ],
      },
      null,
      2,
    )}\n`,
    'flags.yaml': [
      '# Dashboard flags.',
      'flags:',
      '  new-dashboard:',
      '    type: release',
      '    owner: insights',
      '    description: Rebuilt dashboard widgets (rollout abandoned)',
      '    created: 2026-05-01',
      '    expires: 2026-08-01',
      '    state: complete',
      '    value: false',
      '    since: 2026-09-01',
      '    default: false',
      '  dark-mode:',
      '    type: release',
      '    owner: insights',
      '    created: 2026-10-01',
      '    expires: 2027-01-01',
      '    state: active',
      '    default: false',
      '',
    ].join('\n'),
    'src/lib/flags.ts': [
      "const values: Record<string, boolean> = JSON.parse(globalThis.process?.env?.FLAGS ?? '{}');",
      '',
      'export const flags = {',
      '  isEnabled(key: string, fallback = false): boolean {',
      '    return values[key] ?? fallback;',
      '  },',
      '};',
      '',
      'export function useFlag(key: string): boolean {',
      '  return flags.isEnabled(key);',
      '}',
      '',
    ].join('\n'),
    'src/lib/keys.ts': ['export enum FlagKey {', "  NewDashboard = 'new-dashboard',", "  DarkMode = 'dark-mode',", '}', ''].join('\n'),
    'src/theme.ts': [
      "import { useFlag } from './lib/flags';",
      "import { FlagKey } from './lib/keys';",
      '',
      "export function useTheme(): 'dark' | 'light' {",
      "  return useFlag(FlagKey.DarkMode) ? 'dark' : 'light';",
      '}',
      '',
    ].join('\n'),
    'src/lib/format.ts': ['export function formatTotal(values: number[]): string {', '  return values.reduce((a, b) => a + b, 0).toFixed(2);', '}', ''].join('\n'),
  };
  for (const w of WIDGETS) {
    files[`src/widgets/New${w}.tsx`] = [
      "import { formatTotal } from '../lib/format';",
      '',
      `export function New${w}({ title, values }: { title: string; values: number[] }) {`,
      `  return <section className="v2-${w.toLowerCase()}"><h2>{title}</h2><p>{formatTotal(values)}</p></section>;`,
      '}',
      '',
    ].join('\n');
    files[`src/widgets/Legacy${w}.tsx`] = [
      `export function Legacy${w}({ title, values }: { title: string; values: number[] }) {`,
      `  return <div className="${w.toLowerCase()}">{title}: {values.length}</div>;`,
      '}',
      '',
    ].join('\n');
  }
  PAGES.forEach((page, i) => {
    const w = WIDGETS[i % WIDGETS.length];
    const useHook = i % 3 !== 2;
    const read = useHook ? 'useFlag(FlagKey.NewDashboard)' : "flags.isEnabled('new-dashboard')";
    const body =
      i % 2 === 0
        ? [
            `  if (${read}) {`,
            `    return <New${w} title="${page}" values={rows} />;`,
            '  }',
            `  return <Legacy${w} title={\`${page} (\${rows.length})\`} values={rows} />;`,
          ]
        : [`  const modern = ${read};`, `  return modern ? <New${w} title="${page}" values={rows} /> : <Legacy${w} title="${page}" values={rows} />;`];
    const text = [
      useHook ? "import { useFlag } from '../lib/flags';" : "import { flags } from '../lib/flags';",
      ...(useHook ? ["import { FlagKey } from '../lib/keys';"] : []),
      `import { New${w} } from '../widgets/New${w}';`,
      `import { Legacy${w} } from '../widgets/Legacy${w}';`,
      '',
      `/** The ${page.toLowerCase()} page of the dashboard. */`,
      `export function ${page}Page({ rows }: { rows: number[] }) {`,
      ...body,
      '}',
      '',
    ].join('\n');
    files[`src/pages/${page}Page.tsx`] = text;
  });
  files[CRLF_FILE] = files[CRLF_FILE].replace(/\n/g, '\r\n');
  for (const h of HANDLERS) {
    files[`src/server/${h}.ts`] = [
      "import { flags } from '../lib/flags';",
      '',
      `export function ${h}Handler(query: Record<string, string>): { status: number; body: string } {`,
      "  if (flags.isEnabled('new-dashboard', false)) {",
      `    return { status: 200, body: JSON.stringify({ v: 2, ${h}: query }) };`,
      '  }',
      `  return { status: 200, body: \`${h}:\${Object.keys(query).length}\` };`,
      '}',
      '',
    ].join('\n');
  }
  files[NO_FINAL_NEWLINE_FILE] = files[NO_FINAL_NEWLINE_FILE].replace(/\n$/, '');
  files[EXECUTABLE_FILE] = [
    '#!/usr/bin/env node',
    "import { flags } from '../src/lib/flags';",
    '',
    "const columns = flags.isEnabled('new-dashboard') ? ['page', 'widget', 'total'] : ['page', 'total'];",
    "process.stdout.write(`${columns.join(',')}\\n`);",
    '',
  ].join('\n');
  files['src/index.ts'] = [
    ...PAGES.map((p) => `export { ${p}Page } from './pages/${p}Page';`),
    ...HANDLERS.map((h) => `export { ${h}Handler } from './server/${h}';`),
    "export { useTheme } from './theme';",
    '',
  ].join('\n');
  return files;
}

export function writeDashboard(dir = mkdtempSync(join(tmpdir(), 'flagdebt-crash-'))): string {
  for (const [path, text] of Object.entries(dashboardFiles())) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  chmodSync(join(dir, EXECUTABLE_FILE), 0o755);
  return dir;
}
