import { NavService } from './nav-service';

export class Menu {
  constructor(private readonly nav: NavService) {}

  render(): string {
    if (this.nav.isNewNavEnabled()) {
      return this.nav
        .links()
        .map((l) => `<a class="nav-v2" href="${l}">${l}</a>`)
        .join('');
    }
    return this.nav.links().join(' | ');
  }

  compact(): boolean {
    return this.nav.isEnabled('compactMenu');
  }
}
