// The one place errors become HTTP answers. Bad input is always a 4xx in the shape
// `{ error: { code, message, fields? } }`; anything unexpected is logged and answered 500 without
// internals.
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { LoanInputError } from "../../modules/loans/domain/errors.ts";
import { DomainError, errorBody } from "../errors.ts";
import { issuesToFields } from "./validation.ts";

const FASTIFY_CODES: Record<string, { code: string; status: 400 | 413 | 415 }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "malformed-json", status: 400 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: "malformed-json", status: 400 },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "body-too-large", status: 413 },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: "unsupported-media-type", status: 415 },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: "malformed-json", status: 400 },
};

export function toDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  // The loan engine's own input errors name a field and a message code: they are the caller's mistake.
  if (error instanceof LoanInputError)
    return new DomainError({ code: "validation-failed", fields: { [error.field]: error.code } });
  if (hasZodFastifySchemaValidationErrors(error))
    return new DomainError({
      code: "validation-failed",
      status: 400,
      fields: issuesToFields(error.validation),
    });
  const fastifyError = error as FastifyError;
  if (fastifyError?.code && FASTIFY_CODES[fastifyError.code]) {
    const mapped = FASTIFY_CODES[fastifyError.code];
    return new DomainError({ code: mapped.code, status: mapped.status });
  }
  if (fastifyError instanceof SyntaxError && fastifyError.statusCode === 400)
    return new DomainError({ code: "malformed-json" });
  if (fastifyError?.statusCode === 429) return new DomainError({ code: "rate-limited", status: 429 });
  if (fastifyError?.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500)
    return new DomainError({ code: "invalid-value", status: 400 });
  return null;
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const domain = toDomainError(error);
    if (domain) {
      if (domain.status >= 500) request.log.error({ err: error }, "domain error with server status");
      return reply.code(domain.status).send(errorBody(domain, request.locale));
    }
    request.log.error({ err: error }, "unhandled error");
    return reply
      .code(500)
      .send(errorBody(new DomainError({ code: "internal-error", status: 500 }), request.locale));
  });
}
