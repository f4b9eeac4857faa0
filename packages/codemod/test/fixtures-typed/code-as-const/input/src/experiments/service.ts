import { ROLLOUT, type ExperimentId } from './ids';

export class Experiments {
    constructor(private readonly bucket: number) {}

    isIn(id: ExperimentId): boolean {
        return this.bucket < ROLLOUT[id];
    }
}

export const experiments = new Experiments(42);
