import type { z } from 'zod';

/** A JSON response with its own description in the OpenAPI document. */
export function jsonResponse<Schema extends z.ZodType>(description: string, schema: Schema) {
  return { description, content: { 'application/json': { schema } } };
}
