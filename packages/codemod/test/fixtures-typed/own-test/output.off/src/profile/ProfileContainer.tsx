import '../lib/jsx-types';
import { LegacyUserProfile, legacyProfileTitle } from './LegacyUserProfile';
import { type Profile } from './UserProfile';

export const ProfileContainer = ({ user }: { user: Profile | null }) => {
  if (!user) {
    return null;
  }

  return (
    <div title={legacyProfileTitle(user)}>
      <LegacyUserProfile profile={user} />
    </div>
  );
};
