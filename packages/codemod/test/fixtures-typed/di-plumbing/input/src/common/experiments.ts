export const IExperimentService = Symbol('IExperimentService');

/** Which experiments this user is assigned to. */
export interface IExperimentService {
  inExperiment(experimentName: string): Promise<boolean>;
}

// Reuse the last debug configuration when launch.json is empty.
export enum CacheDebugConfig {
  experiment = 'editorRememberDebugConfig',
}

// Ask for feedback after a week of debugging (still running).
export enum ShowSurveyPrompt {
  experiment = 'editorDebuggerSurvey',
}
