import { Menu } from '../src/nav/menu';
import type { NavService } from '../src/nav/nav-service';
import type { INavService } from '../src/nav/types';

const fakeNav: INavService = {
  isNewNavEnabled: () => true,
  isEnabled: () => false,
  links: () => ['/home'],
};

class StubNav implements INavService {
  isNewNavEnabled(): boolean {
    return true;
  }

  isEnabled(): boolean {
    return false;
  }

  links(): string[] {
    return ['/a', '/b'];
  }
}

export function renderedMenus(): string[] {
  const withFake = new Menu(fakeNav as unknown as NavService);
  const withStub = new Menu(new StubNav() as unknown as NavService);
  return [withFake.render(), withStub.render()];
}
