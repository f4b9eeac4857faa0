/** Narrowing helpers for untyped vendor JSON/YAML. */
import type { FlagValue } from '../types.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringField(obj: JsonObject, name: string): string | undefined {
  const value = obj[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function arrayField(obj: JsonObject, name: string): unknown[] {
  const value = obj[name];
  return Array.isArray(value) ? value : [];
}

export function objectField(obj: JsonObject, name: string): JsonObject | undefined {
  const value = obj[name];
  return isObject(value) ? value : undefined;
}

/** Values the native registry can hold: booleans, strings and finite numbers. */
export function isFlagValue(value: unknown): value is FlagValue {
  return typeof value === 'boolean' || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** A percentage that vendors write either as a number or as a numeric string ("100"). */
export function percentage(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Human description of a JSON value's kind, for messages. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** `a boolean`, `an object`. */
export function withArticle(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}
