export interface INavService {
  isNewNavEnabled(): boolean;
  isEnabled(key: string): boolean;
  links(): string[];
}
