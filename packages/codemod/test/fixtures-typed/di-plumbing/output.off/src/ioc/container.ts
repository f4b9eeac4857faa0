/** A small dependency-injection container: classes say what they need with `@inject(token)`. */
type Constructor<T> = new (...args: never[]) => T;

const parameterTokens = new Map<object, symbol[]>();

export function injectable(): ClassDecorator {
  return () => undefined;
}

export function inject(token: symbol): ParameterDecorator {
  return (target, _key, index) => {
    const tokens = parameterTokens.get(target) ?? [];
    tokens[index] = token;
    parameterTokens.set(target, tokens);
  };
}

export class ServiceManager {
  private readonly registrations = new Map<symbol, Constructor<unknown>>();

  addSingleton<T>(token: symbol, service: Constructor<T>): void {
    this.registrations.set(token, service);
  }

  has(token: symbol): boolean {
    return this.registrations.has(token);
  }
}

/** Code that is not built by the container asks it for services by token. */
export interface IServiceContainer {
  get<T>(token: symbol): T;
}
