export type DebugConfiguration = Record<string, string>;

export const IConfigurationResolver = Symbol('IConfigurationResolver');
export interface IConfigurationResolver {
  defaults(): Promise<DebugConfiguration>;
  resolve(config: DebugConfiguration): Promise<DebugConfiguration>;
}

export const IDebugConfigurationService = Symbol('IDebugConfigurationService');

export const IWorkspace = Symbol('IWorkspace');
export interface IWorkspace {
  folders(): string[];
}
