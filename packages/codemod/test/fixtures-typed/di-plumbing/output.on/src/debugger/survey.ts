import { IExperimentService, ShowSurveyPrompt } from '../common/experiments';

/** Whether to ask for feedback once a debug session ends. */
export async function shouldAskForFeedback(experiments: IExperimentService, sessions: number): Promise<boolean> {
  return sessions >= 5 && (await experiments.inExperiment(ShowSurveyPrompt.experiment));
}
