import '../lib/jsx-types';

export interface Profile {
  name: string;
  email: string;
}

export const UserProfile = ({ profile }: { profile: Profile }) => (
  <details className="profile-menu">
    <summary>{profile.name}</summary>
    <a href="/profile">Settings</a>
  </details>
);

export const profileInitials = (profile: Profile) =>
  profile.name
    .split(' ')
    .map((part) => part[0])
    .join('');
