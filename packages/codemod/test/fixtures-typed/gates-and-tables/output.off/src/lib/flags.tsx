import './jsx-types';
const enabled = new Set<string>();

export function useFlag(key: string): boolean {
  return enabled.has(key);
}

/** Renders its children when the flag is on, else the fallback. */
export function FeatureGate(props: { flag: string; fallback?: JSX.Element; children?: unknown }): JSX.Element | null {
  return useFlag(props.flag) ? <>{props.children}</> : (props.fallback ?? null);
}

export interface Request {
  workspace: string;
}

type Handler = (req: Request) => Promise<string>;

/** Serves the handler; with `featureFlag`, only when that flag is on for the workspace. */
export function withWorkspace(handler: Handler, options: { featureFlag?: string; roles?: string[] } = {}): Handler {
  return async (req) => (options.featureFlag && !useFlag(options.featureFlag) ? 'not found' : handler(req));
}

/** Shows `show` when the condition holds, else `elseShow`. */
export function ConditionallyRender(props: { condition: boolean; show: JSX.Element | null; elseShow?: JSX.Element | null }): JSX.Element | null {
  return props.condition ? props.show : (props.elseShow ?? null);
}
