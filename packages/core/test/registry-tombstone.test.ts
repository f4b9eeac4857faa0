import { describe, expect, it } from 'vitest';
import { FlagdebtError, TOMBSTONE_HEADER, tombstoneInText } from '../src/index.js';

// The tombstone a code registry's retired key leaves in the metadata YAML (see registry/archive.ts).
const metadata = `# Metadata of src/flags.ts's keys
flags:
  newNav:
    owner: platform   # the nav team
    state: complete
    value: true
    since: 2026-08-15
  darkMode:
    owner: design
    expires: 2026-12-01
`;

describe('tombstoneInText', () => {
  it('creates the metadata file with a header when it does not exist', () => {
    const out = tombstoneInText(undefined, 'yaml', 'newNav', '2026-11-21', 'flags.yaml', true);
    expect(out).toBe(`${TOMBSTONE_HEADER}\nflags:\n  newNav:\n    state: archived\n    since: 2026-11-21\n    value: true\n`);
  });

  it('archives an existing entry with minimal edits, keeping comments and other entries', () => {
    const out = tombstoneInText(metadata, 'yaml', 'newNav', '2026-11-21', 'flags.yaml', true);
    expect(out).toBe(metadata.replace('state: complete', 'state: archived').replace('since: 2026-08-15', 'since: 2026-11-21'));
  });

  it('appends an entry for a key the metadata does not list, after the last one', () => {
    const out = tombstoneInText(metadata, 'yaml', 'new-search', '2026-11-21', 'flags.yaml', 'v2');
    expect(out).toBe(`${metadata}  new-search:\n    state: archived\n    since: 2026-11-21\n    value: "v2"\n`);
  });

  it('fills a `flags:` with nothing under it, and a file without one', () => {
    expect(tombstoneInText('# empty for now\nflags:\n', 'yaml', 'a', '2026-11-21', 'flags.yaml', false)).toBe('# empty for now\nflags:\n  a:\n    state: archived\n    since: 2026-11-21\n    value: false\n');
    expect(tombstoneInText('# nothing yet\n', 'yaml', 'a', '2026-11-21', 'flags.yaml', 3)).toBe('# nothing yet\nflags:\n  a:\n    state: archived\n    since: 2026-11-21\n    value: 3\n');
  });

  it('changes nothing the second time (the date of the first run stays)', () => {
    const once = tombstoneInText(metadata, 'yaml', 'darkMode', '2026-11-21', 'flags.yaml', false);
    expect(once).not.toBe(metadata);
    expect(tombstoneInText(once, 'yaml', 'darkMode', '2026-12-24', 'flags.yaml', false)).toBe(once);
    const created = tombstoneInText(undefined, 'yaml', 'x', '2026-11-21', 'flags.yaml', true);
    expect(tombstoneInText(created, 'yaml', 'x', '2026-12-24', 'flags.yaml', true)).toBe(created);
  });

  it('refuses, with the fix, to append to a JSON metadata file', () => {
    const json = '{ "flags": { "a": { "owner": "x" } } }\n';
    expect(() => tombstoneInText(json, 'json', 'b', '2026-11-21', 'flags.json', true)).toThrow(FlagdebtError);
  });
});
