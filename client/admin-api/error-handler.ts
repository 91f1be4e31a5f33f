import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, ResponseSerializationError } from 'fastify-type-provider-zod';
import { OperatorError } from '../operator/operator-service';
import type { ErrorBody } from './schemas/error-body';

const statusOfKind: Record<OperatorError['kind'], number> = {
  invalid: 400,
  'not-found': 404,
  conflict: 409,
  unavailable: 503,
};

const internalErrorBody: ErrorBody = {
  error: 'internal',
  message: 'The admin API failed unexpectedly; the details are in its log.',
};

/**
 * Turns every failure into `{ error, message, problems }`. Only errors meant for the caller are
 * echoed; anything else is logged and answered with a generic 500, so no internal detail or
 * secret leaves the process. Request bodies are never logged: they may hold credentials.
 */
export function handleAdminApiError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error instanceof OperatorError) {
    return reply
      .code(statusOfKind[error.kind])
      .send({ error: error.kind, message: error.message, problems: error.problems });
  }

  if (hasZodFastifySchemaValidationErrors(error)) {
    const problems = error.validation.map((issue) => ({
      field: fieldName(error.validationContext, issue.instancePath),
      message: issue.message ?? 'is not valid',
    }));
    const fields = problems.map((problem) => problem.field).join(', ');
    return reply
      .code(400)
      .send({ error: 'invalid', message: `The request is not valid: ${fields}.`, problems });
  }

  if (error instanceof ResponseSerializationError) {
    const issues = error.cause.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    request.log.error({ url: error.url, issues }, 'response did not match its schema');
    return reply.code(500).send(internalErrorBody);
  }

  if (isFrameworkClientError(error)) {
    return reply.code(error.statusCode).send({
      error: error.statusCode === 404 ? 'not-found' : 'invalid',
      message: error.message,
      problems: [],
    });
  }

  // Only name, message and stack: an error's other properties (an HTTP client's request config,
  // say) can hold credentials.
  request.log.error(
    { err: { type: error.name, message: error.message, stack: error.stack } },
    'request failed',
  );
  return reply.code(500).send(internalErrorBody);
}

/** Fastify's own 4xx errors (malformed JSON, body too large, unsupported media type) speak to the caller. */
function isFrameworkClientError(error: FastifyError): error is FastifyError & { statusCode: number } {
  const status = error.statusCode ?? 500;
  return typeof error.code === 'string' && error.code.startsWith('FST_') && status >= 400 && status < 500;
}

/** `tenantId` for a path parameter, `mappings.vatGroups.0` for a body field, `body` for the body itself. */
function fieldName(context: string | undefined, instancePath: string): string {
  const path = instancePath.split('/').filter(Boolean).join('.');
  return path || context || 'request';
}
