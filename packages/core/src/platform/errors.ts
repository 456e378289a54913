/**
 * Typed domain errors. The API maps each to its HTTP status and the body
 * `{"error":{"code","message","details"}}`; anything else is a 500.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export type FieldIssue = { path: string; message: string };

export const invalid = (field: string, message: string, code = 'VALIDATION_FAILED') =>
  new AppError(400, code, `${field}: ${message}`, { issues: [{ path: field, message }] satisfies FieldIssue[] });
export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(400, code, message, details);
export const unauthorized = (message = 'Please log in') => new AppError(401, 'UNAUTHORIZED', message);
export const forbidden = (message = 'You do not have permission to do this') => new AppError(403, 'FORBIDDEN', message);
export const notFound = (entity: string, id?: string) =>
  new AppError(404, 'NOT_FOUND', id ? `${entity} ${id} was not found` : `${entity} was not found`);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const tooManyRequests = (retryAfterSeconds: number, message = 'Too many requests') =>
  new AppError(429, 'RATE_LIMITED', `${message}; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
