/**
 * Request values from the URL, checked before they reach the store. A value that is not a well-formed
 * positive integer is the client's mistake (400); a well-formed one that names nothing is a 404.
 */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly statusCode: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

const POSITIVE_INT = /^[1-9][0-9]{0,14}$/;

/** A positive integer id or revision number; names the parameter in the error. */
export function positiveInt(value: unknown, name: string): number {
  if (typeof value !== "string" || !POSITIVE_INT.test(value)) {
    throw new HttpError(400, `${name} must be a positive whole number, got ${JSON.stringify(value ?? null)}`);
  }
  return Number(value);
}

export function optionalPositiveInt(value: unknown, name: string): number | undefined {
  return value === undefined || value === "" ? undefined : positiveInt(value, name);
}

/** `?limit=`: 1..max, default when absent. */
export function limitParam(value: unknown, fallback: number, max: number): number {
  const limit = optionalPositiveInt(value, "limit") ?? fallback;
  if (limit > max) throw new HttpError(400, `limit must be at most ${max}, got ${limit}`);
  return limit;
}

/**
 * `?tag=`: any tag text up to 100 characters. It only ever reaches SQL as a bound value and pages as
 * escaped text, so odd tags still link to their own listing; control characters are refused.
 */
export function tagParam(value: unknown): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "string" || value.length > 100 || /\p{Cc}/u.test(value)) {
    throw new HttpError(400, `tag must be one line of at most 100 characters, got ${JSON.stringify(value)}`);
  }
  return value;
}
