const rules = new Map<string, string[]>();

function rule(name: string): PropertyDecorator {
  return (target, property) => {
    const key = `${target.constructor.name}.${String(property)}`;
    rules.set(key, [...(rules.get(key) ?? []), name]);
  };
}

export const IsOptional = (): PropertyDecorator => rule('optional');
export const IsArray = (): PropertyDecorator => rule('array');
export const IsString = (): PropertyDecorator => rule('string');
