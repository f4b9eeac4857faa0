import { describe, expect, it } from 'vitest';
import type { Accessor } from '../../src/index.js';
import { at, openFixture, read, summarize } from './helpers.js';

const ACCESSORS: Accessor[] = [
  { call: 'getFlag', keyArg: 0 },
  { call: 'service.read', keyArg: 0 },
];

describe('async, guarded and multi-statement wrappers', () => {
  const { project, file } = openFixture('server-wrappers', ACCESSORS);
  const server = file('src/lib/flags/server.ts');

  it('finds awaited, guarded, defaulted and several-statement wrappers, and ones with another source first; a function reading two flags, or one key two ways, is none', () => {
    const found = project.discoverWrappers([server]);
    expect(found.map((w) => [w.name, w.key, w.keyParam])).toEqual([
      ['getServerComponentFlag', null, 0],
      ['getServerFlag', null, 0],
      ['isTeamBrandingOn', 'app_team_branding', undefined],
      ['readGuarded', null, 0],
      ['readOptional', null, 0],
      ['readEarlyReturn', null, 0],
      ['readSafely', null, 0],
      ['readWithDefault', null, 0],
      ['readOverridable', null, 0],
      ['readLogged', null, 0],
    ]);
    expect(summarize(project.readsIn(server))).toEqual([
      read('app_team_branding', 'getFlag', at(server, 'getFlag("app_team_branding")'), { inWrapper: true }),
      // readFromEither: no wrapper, so its reads of the parameter are dynamic.
      read(null, 'getFlag', at(server, 'getFlag(flag);')),
      read(null, 'service.read', at(server, 'service.read(flag) : false;\n}\n\n/** Reads two')),
      read('app_billing', 'getFlag', at(server, 'getFlag("app_billing")')),
      read('app_billing_v2', 'getFlag', at(server, 'getFlag("app_billing_v2")')),
      read('app_billing', 'getFlag', at(server, 'getFlag("app_billing")', 1)),
      read('app_billing_v2', 'getFlag', at(server, 'getFlag("app_billing_v2")', 1)),
    ]);
  });

  it('reads calls of those wrappers in another file', () => {
    const page = file('src/app/documents/page.tsx');
    expect(summarize(project.readsIn(page))).toEqual([
      read('app_document_page_view_history_sheet', 'getServerComponentFlag', at(page, 'getServerComponentFlag("app_')),
      read('global_session_recording', 'getServerFlag', at(page, 'getServerFlag("global')),
      read('app_upload_v2', 'readGuarded', at(page, 'readGuarded("app')),
      read('app_bulk_send', 'readOptional', at(page, 'readOptional("app')),
      read('app_templates', 'readEarlyReturn', at(page, 'readEarlyReturn("app')),
      read('app_public_profile', 'readSafely', at(page, 'readSafely("app')),
      read('app_sharing', 'readWithDefault', at(page, 'readWithDefault("app')),
      read('app_audit_log', 'readOverridable', at(page, 'readOverridable("app')),
      read('app_audit_export', 'readLogged', at(page, 'readLogged("app')),
    ]);
    const settings = file('src/app/settings/page.tsx');
    expect(summarize(project.readsIn(settings))).toEqual([read('app_team_branding', 'isTeamBrandingOn', at(settings, 'isTeamBrandingOn()'))]);
  });
});
