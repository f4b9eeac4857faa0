/** A registry file's format, by its extension. */
export function registryFormat(file: string): 'yaml' | 'json' {
  return file.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
}
