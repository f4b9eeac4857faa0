export interface Route {
  path: string;
  title: string;
  flag?: string;
}

export const routes: Route[] = [
  { path: '/projects', title: 'Projects' },
  { path: '/folders', title: 'Folders', flag: 'new-checkout' },
  {
    path: '/folders/archive',
    flag: 'new-checkout',
    title: 'Archived folders',
  },
  { path: '/settings', title: 'Settings' },
];

export function visibleRoutes(isOn: (flag: string) => boolean): Route[] {
  return routes.filter((r) => !r.flag || isOn(r.flag));
}
