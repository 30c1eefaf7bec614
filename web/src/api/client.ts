// One fetch wrapper for the whole console: JSON in and out, the UI language as Accept-Language so
// server messages match the screen, the CSRF double-submit header, and errors as ApiError.
import { i18n } from "../i18n/setup.ts";

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;

  constructor(options: { status: number; code: string; message: string; fields?: FieldErrors }) {
    super(options.message);
    this.status = options.status;
    this.code = options.code;
    this.fields = options.fields ?? {};
  }
}

type ErrorPayload = { error?: { code?: string; message?: string; fields?: FieldErrors } };

let onUnauthorized: (() => void) | null = null;

/** The app registers what to do when a signed-in call answers 401 (session expired elsewhere). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export function readCookie(name: string): string | null {
  const found = document.cookie.split("; ").find((part) => part.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
}

export type RequestOptions = {
  quietUnauthorized?: boolean;
  /** Extra headers, e.g. an Idempotency-Key for a money-moving POST. */
  headers?: Record<string, string>;
};

export type QueryValue = string | number | boolean | null | undefined;

export function toQueryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export async function apiRequest<T>(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": i18n.language,
    ...options.headers,
  };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const csrf = readCookie("mc_csrf");
  if (csrf && method !== "GET") headers["X-CSRF-Token"] = csrf;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: "network-error", message: i18n.t("errors.network") });
  }
  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (!response.ok) throw failure(response.status, payload, options);
  return payload as T;
}

/** The ApiError for a failed answer (its JSON body already parsed, or null). */
export function failure(status: number, payload: unknown, options: RequestOptions = {}): ApiError {
  const error = (payload as ErrorPayload | null)?.error;
  if (status === 401 && !options.quietUnauthorized) onUnauthorized?.();
  return new ApiError({
    status,
    code: error?.code ?? "http-error",
    message: error?.message ?? i18n.t("errors.http", { status }),
    fields: error?.fields,
  });
}

export const api = {
  get: <T>(path: string, options?: { quietUnauthorized?: boolean }) =>
    apiRequest<T>("GET", path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>("POST", path, body, options),
  patch: <T>(path: string, body: unknown) => apiRequest<T>("PATCH", path, body),
  delete: <T>(path: string, body?: unknown) => apiRequest<T>("DELETE", path, body),
};

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
