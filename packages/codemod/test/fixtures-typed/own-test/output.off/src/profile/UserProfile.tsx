import '../lib/jsx-types';

export interface Profile {
  name: string;
  email: string;
}

export const profileInitials = (profile: Profile) =>
  profile.name
    .split(' ')
    .map((part) => part[0])
    .join('');
