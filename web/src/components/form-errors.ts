import type { FormInstance } from "antd";
import { ApiError } from "../api/client.ts";

/**
 * Puts the API's field messages (already in the UI language) on the form's fields. Returns false
 * when the error names no field, so the caller shows it as a message instead.
 */
export function applyFieldErrors<T>(
  form: FormInstance<T>,
  error: unknown,
  rename: Record<string, string> = {},
): boolean {
  if (!(error instanceof ApiError) || Object.keys(error.fields).length === 0) return false;
  const fields = Object.entries(error.fields).map(([name, text]) => ({
    name: rename[name] ?? name,
    errors: [text],
  }));
  form.setFields(fields as Parameters<FormInstance<T>["setFields"]>[0]);
  return true;
}
