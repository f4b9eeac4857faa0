import { describe, expect, it } from '../test/harness';
import { LegacyUserProfile, legacyProfileTitle } from './LegacyUserProfile';

const ada = { name: 'Ada Lovelace', email: 'ada@example.com' };

describe('LegacyUserProfile', () => {
  it('renders a div', () => {
    expect((LegacyUserProfile({ profile: ada }) as { type: unknown }).type).toBe('div');
  });

  it('titles the profile with the email', () => {
    expect(legacyProfileTitle(ada)).toBe('Ada Lovelace <ada@example.com>');
  });
});
