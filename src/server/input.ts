import { HttpError } from './http.js';

// Checks of request input: each failure is a 400 naming the field and what it must be.

/** A required non-empty string (trimmed), at most `max` characters. */
export function requiredString(body: Record<string, unknown>, field: string, max = 10_000): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') throw new HttpError(400, `"${field}" must be a non-empty string`);
  if (value.length > max) throw new HttpError(400, `"${field}" is longer than ${max} characters`);
  return value.trim();
}

/** An optional string (undefined when absent; null kept when `nullable`). */
export function optionalString(body: Record<string, unknown>, field: string, max = 100_000): string | undefined {
  const value = body[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new HttpError(400, `"${field}" must be a string`);
  if (value.length > max) throw new HttpError(400, `"${field}" is longer than ${max} characters`);
  return value;
}

/** A required non-negative integer. */
export function requiredOffset(body: Record<string, unknown>, field: string): number {
  const value = body[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new HttpError(400, `"${field}" must be a non-negative integer (a code-point offset)`);
  return value;
}

/** An optional non-negative integer. */
export function optionalOffset(body: Record<string, unknown>, field: string): number | undefined {
  return body[field] === undefined ? undefined : requiredOffset(body, field);
}

/** One of a list of allowed values. */
export function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T))
    throw new HttpError(400, `"${field}" must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** A positive integer id from a path parameter. */
export function idParam(value: string, what: string): number {
  if (!/^\d{1,12}$/.test(value)) throw new HttpError(400, `${what} id must be a positive integer, got "${value}"`);
  return Number(value);
}

/** A required array of strings. */
export function stringArray(body: Record<string, unknown>, field: string, max = 10_000): string[] {
  const value = body[field];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new HttpError(400, `"${field}" must be an array of strings`);
  if (value.length > max) throw new HttpError(400, `"${field}" has more than ${max} items`);
  return value as string[];
}
