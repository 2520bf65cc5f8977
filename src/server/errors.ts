import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError, type ErrorCode } from '../domain/errors.js';

/** The one place where errors become HTTP statuses and JSON problem bodies. */
const STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 422> = {
  invalid_argument: 400,
  invalid_data: 422,
  not_found: 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
};

export function problemFor(err: unknown): {
  status: 400 | 401 | 403 | 404 | 409 | 422 | 500;
  body: { code: string; message: string; details?: Record<string, unknown> };
} {
  if (err instanceof DomainError) return { status: STATUS[err.code], body: { code: err.code, message: err.message, details: err.details } };
  if (err instanceof HTTPException) return { status: err.status as 400, body: { code: 'http_error', message: err.message } };
  return {
    status: 500,
    body: { code: 'internal', message: 'Something went wrong on the server; the error has been logged. Try again, and report it if it persists.' },
  };
}

export function onError(err: Error, c: Context) {
  const { status, body } = problemFor(err);
  if (status === 500) console.error(err);
  return c.json(body, status);
}
