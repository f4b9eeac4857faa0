import '../lib/jsx-types';
import { LegacyBadge } from './LegacyBadge';
import type { Profile } from './UserProfile';

export const LegacyUserProfile = ({ profile }: { profile: Profile }) => (
  <div className="legacy-profile">
    <b>{profile.name}</b>
    <LegacyBadge email={profile.email} />
  </div>
);

export const legacyProfileTitle = (profile: Profile) => `${profile.name} <${profile.email}>`;
