export interface ExperimentService {
  inExperiment(key: string): Promise<boolean>;
  inExperimentSync(key: string): boolean;
}

export const Experiments = {
  isEnabled(config: { experiments: string[] }, key: string): boolean {
    return config.experiments.includes(key);
  },
};
