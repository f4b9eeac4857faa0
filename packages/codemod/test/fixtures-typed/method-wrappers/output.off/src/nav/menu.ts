import { NavService } from './nav-service';

export class Menu {
  constructor(private readonly nav: NavService) {}

  render(): string {
    return this.nav.links().join(' | ');
  }

  compact(): boolean {
    return this.nav.isEnabled('compactMenu');
  }
}
