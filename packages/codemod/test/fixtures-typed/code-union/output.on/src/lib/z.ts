/** A tiny schema builder with zod's call shapes, so the fixture needs no dependency. */
interface Schema<T> {
    parse(value: unknown): T;
}

export const z = {
    boolean: (): Schema<boolean> => ({ parse: (v) => v === true }),
    object<S extends Record<string, Schema<unknown>>>(shape: S): Schema<{ [K in keyof S]: ReturnType<S[K]['parse']> }> & { shape: S } {
        return {
            shape,
            parse: (v) => {
                const input = (v ?? {}) as Record<string, unknown>;
                const out: Record<string, unknown> = {};
                for (const key of Object.keys(shape)) out[key] = shape[key].parse(input[key]);
                return out as { [K in keyof S]: ReturnType<S[K]['parse']> };
            },
        };
    },
};
