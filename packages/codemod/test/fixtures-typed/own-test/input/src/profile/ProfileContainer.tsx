import '../lib/jsx-types';
import { useUiFlag } from '../lib/flags';
import { LegacyUserProfile, legacyProfileTitle } from './LegacyUserProfile';
import { UserProfile, type Profile } from './UserProfile';

export const ProfileContainer = ({ user }: { user: Profile | null }) => {
  const newProfileDropdown = useUiFlag('newNav');

  if (!user) {
    return null;
  }

  return newProfileDropdown ? (
    <UserProfile profile={user} />
  ) : (
    <div title={legacyProfileTitle(user)}>
      <LegacyUserProfile profile={user} />
    </div>
  );
};
