/**
 * The SARIF rule catalogue. The order is part of the output (a result's `ruleIndex` points into
 * it), so new rules go at the end.
 */
export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

export interface SarifRuleSpec {
  id: string;
  name: string;
  level: SarifLevel;
  short: string;
  full: string;
  helpText: string;
  helpMarkdown: string;
}

export const SARIF_RULES = [
  {
    id: 'flagdebt/unregistered-key',
    name: 'UnregisteredFlagKey',
    level: 'error',
    short: 'Flag key is not in the registry',
    full: 'Code reads a feature flag whose key is not declared in the flag registry (flags.yaml). A typo here silently serves the fallback value to every user.',
    helpText:
      'The key read here is not declared in the registry. If it is a typo, use the suggested key. If it is a new flag, add it to flags.yaml with a type, an owner and a created date.',
    helpMarkdown: [
      'The key read here is not declared in the flag registry.',
      '',
      '* **Typo?** Use the suggested key (the flag service would otherwise serve the fallback to everyone).',
      '* **New flag?** Add it to `flags.yaml` with `type`, `owner` and `created` (and `expires` for release and experiment flags).',
    ].join('\n'),
  },
  {
    id: 'flagdebt/dynamic-key',
    name: 'DynamicFlagKey',
    level: 'warning',
    short: 'Flag key cannot be resolved statically',
    full: 'A flag accessor is called with a key that is computed at run time, so no tool can tell which flag is read here or clean it up later.',
    helpText:
      'Pass the key as a string literal, a const, an enum member or a property of an `as const` object, so the flag can be found, checked and removed.',
    helpMarkdown: [
      'The key is computed at run time, so flagdebt cannot tell which flag this reads.',
      '',
      'Pass the key as a string literal, a `const`, an enum member or a property of an `as const` object.',
    ].join('\n'),
  },
  {
    id: 'flagdebt/archived-flag-referenced',
    name: 'ArchivedFlagReferenced',
    level: 'error',
    short: 'Code reads an archived flag',
    full: 'The registry marks this flag archived: it was retired and its key must never be used again. Re-using a retired flag can switch on long-dead behaviour.',
    helpText:
      'Remove the read (the flag is retired) or, if this is new work, give it a new flag with a new key. Never revive an archived key.',
    helpMarkdown: [
      'This flag is **archived** in the registry: it was retired and its key must never be read again.',
      '',
      'Remove the read, or create a new flag with a new key for new work. Never revive an archived key.',
    ].join('\n'),
  },
  {
    id: 'flagdebt/stale-flag',
    name: 'StaleFlag',
    level: 'warning',
    short: 'Code reads a stale flag',
    full: 'The flag read here is stale under the staleness policy (complete for too long, expired, or too old). Every stale flag is a branch nobody needs any more.',
    helpText:
      'Fold the flag to its final value and delete the dead branch: run `flagdebt remove <key>`, which rewrites every read and archives the registry entry.',
    helpMarkdown: [
      'The flag read here is stale: its rollout is over, it expired or it is older than the policy allows.',
      '',
      'Run `flagdebt remove <key>` to fold it to its final value everywhere, delete the dead code and archive the registry entry.',
    ].join('\n'),
  },
] as const satisfies readonly SarifRuleSpec[];

export type SarifRuleId = (typeof SARIF_RULES)[number]['id'];

export function ruleIndex(id: SarifRuleId): number {
  return SARIF_RULES.findIndex((rule) => rule.id === id);
}
