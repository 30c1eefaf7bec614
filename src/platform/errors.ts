// Typed domain errors: services throw them by code, the one Fastify error handler turns them into
// `{ error: { code, message, fields? } }` with the message in the caller's language.
import { type Locale, messageFor } from "./messages.ts";

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429 | 500 | 503;

export class DomainError extends Error {
  readonly code: string;
  readonly status: ErrorStatus;
  readonly params: Record<string, string | number>;
  readonly fields?: Record<string, string>;

  constructor(options: {
    code: string;
    status?: ErrorStatus;
    params?: Record<string, string | number>;
    fields?: Record<string, string>;
  }) {
    super(options.code);
    this.code = options.code;
    this.status = options.status ?? 400;
    this.params = options.params ?? {};
    this.fields = options.fields;
  }
}

export const notFound = (entity: string) =>
  new DomainError({ code: "not-found", status: 404, params: { entity } });
export const forbidden = (code = "forbidden") => new DomainError({ code, status: 403 });
export const conflict = (code: string, params?: Record<string, string | number>) =>
  new DomainError({ code, status: 409, params });
export const invalid = (fields: Record<string, string>, code = "validation-failed") =>
  new DomainError({ code, status: 400, fields });

export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

export function errorBody(error: DomainError, locale: Locale): ErrorBody {
  const body: ErrorBody = {
    error: { code: error.code, message: messageFor(error.code, locale, error.params) },
  };
  if (error.fields) {
    body.error.fields = Object.fromEntries(
      Object.entries(error.fields).map(([field, code]) => [field, messageFor(code, locale, { field })]),
    );
  }
  return body;
}
