import { describe, expect, it } from '../test/harness';
import { profileInitials } from './UserProfile';

describe('profileInitials', () => {
  it('takes the first letter of each name', () => {
    expect(profileInitials({ name: 'Ada Lovelace', email: 'ada@example.com' })).toBe('AL');
  });
});
