import '../lib/jsx-types';
import { UserProfile, type Profile } from './UserProfile';

export const ProfileContainer = ({ user }: { user: Profile | null }) => {
  if (!user) {
    return null;
  }

  return (
    <UserProfile profile={user} />
  );
};
