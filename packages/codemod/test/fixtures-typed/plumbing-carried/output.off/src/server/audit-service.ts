import type { Logger } from '../types/config';

type Constructor = new (...args: never[]) => object;

/** Registers the class with the DI container, which builds it with the parameters' types. */
export const injectables: Constructor[] = [];

export function Injectable() {
    return <T extends Constructor>(target: T, context: ClassDecoratorContext<T>): void => {
        if (context.kind === 'class') injectables.push(target);
    };
}

@Injectable()
export class AuditService {
    constructor(
        private readonly logger: Logger,
    ) {}

    record(event: string): void {
        this.logger.info(event);
    }
}
