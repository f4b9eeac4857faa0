export const IExperimentService = Symbol('IExperimentService');

/** Which experiments this user is assigned to. */
export interface IExperimentService {
  inExperiment(experimentName: string): Promise<boolean>;
}

// Ask for feedback after a week of debugging (still running).
export enum ShowSurveyPrompt {
  experiment = 'editorDebuggerSurvey',
}
