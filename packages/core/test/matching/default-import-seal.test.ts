import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlagProject, TreeCache, type FileEntry } from '../../src/index.js';
import { ACCESSORS, fixtureDir, summarize } from './helpers.js';

const root = fixtureDir('default-imports');
const file = (rel: string) => path.join(root, 'src', rel);
const dashboard = file('pages/Dashboard.tsx');
/** The files that spell a candidate word: what the scanner's pre-filter chooses. */
const candidates = [file('components/FlagGate.tsx'), file('flags/client.ts'), dashboard];

/** A project that records every file it parses. */
function recordingProject(options: { skim: boolean }): { project: FlagProject; parsed: Set<string> } {
  const parsed = new Set<string>();
  class Recording extends TreeCache {
    override set(f: string, text: string, skimmed: string | undefined, entry: FileEntry | null): void {
      parsed.add(f);
      super.set(f, text, skimmed, entry);
    }
  }
  const project = new FlagProject({ root, accessors: ACCESSORS, trees: new Recording(), ...(options.skim ? { skim: { keys: [] } } : {}) });
  return { project, parsed };
}

describe('default-imported components once wrapper discovery is sealed', () => {
  it('reads the same gates as an unsealed project, without parsing modules that cannot declare one', () => {
    const lazy = recordingProject({ skim: false });
    const expected = summarize(lazy.project.readsIn(dashboard)).map((r) => [r.key, r.via, r.line]);
    expect(expected).toEqual([
      ['compact-dashboard', 'useFlag', 8],
      ['usage-charts', 'FlagGate', 13],
      ['beta-reports', 'BetaSection', 16],
    ]);
    // Unsealed, every rendered component's module is looked into.
    expect(lazy.parsed).toContain(file('components/Banner.tsx'));

    // As the scanner does: discover over the candidates, seal, then read.
    const { project, parsed } = recordingProject({ skim: true });
    project.discoverWrappers(candidates);
    project.sealWrappers();
    expect(summarize(project.readsIn(dashboard)).map((r) => [r.key, r.via, r.line])).toEqual(expected);
    // `Banner` spells no word and imports nothing by default; `Footer` imports only `Banner`.
    expect(parsed).not.toContain(file('components/Banner.tsx'));
    expect(parsed).not.toContain(file('components/Footer.tsx'));
    // `BetaSection` spells no word either, but its default import is a gate's module.
    expect(parsed).toContain(file('components/BetaSection.tsx'));
    // What was tested without parsing is still a dependency (history re-reads the dashboard when it changes).
    expect(project.dependenciesOf(dashboard)).toContain(file('components/Banner.tsx'));
    expect(project.dependenciesOf(dashboard)).toContain(file('components/Footer.tsx'));
  });
});
