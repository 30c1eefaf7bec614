// Turns zod issues (as fastify-type-provider-zod reports them) into field → message-code pairs,
// so a 400 names every offending field in the caller's language.
import { hasMessage } from "../messages.ts";

type ValidationIssue = {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
};

function fieldName(instancePath: string): string {
  const name = instancePath.replace(/^\//, "").replaceAll("/", ".");
  return name || "body";
}

export function issuesToFields(issues: ValidationIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const base = fieldName(issue.instancePath);
    if (issue.keyword === "unrecognized_keys") {
      const keys = (issue.params?.keys as string[] | undefined) ?? [];
      for (const key of keys) fields[base === "body" ? key : `${base}.${key}`] = "unknown-field";
      continue;
    }
    if (fields[base]) continue;
    fields[base] = codeFor(issue);
  }
  return fields;
}

function codeFor(issue: ValidationIssue): string {
  if (issue.message && hasMessage(issue.message)) return issue.message;
  switch (issue.keyword) {
    case "invalid_type":
      return issue.params?.input === undefined ? "required" : "invalid-type";
    case "too_big":
      return issue.params?.origin === "string" ? "too-long" : "invalid-value";
    case "too_small":
      return issue.params?.origin === "string"
        ? issue.params?.minimum === 1
          ? "required"
          : "too-short"
        : "invalid-value";
    default:
      return "invalid-value";
  }
}
