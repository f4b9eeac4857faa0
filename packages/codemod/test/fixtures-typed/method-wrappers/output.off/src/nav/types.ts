export interface INavService {
  isEnabled(key: string): boolean;
  links(): string[];
}
