import { z } from 'zod';
import { jsonResponse } from './json-response';

export const problemSchema = z.object({
  field: z.string().describe('The input field the problem is about, e.g. `mappings.vatGroups.0.btwSoort`.'),
  message: z.string().describe('What is wrong and what to do about it.'),
});

/** Every error the admin API answers with has this shape. */
export const errorBodySchema = z.object({
  error: z
    .string()
    .describe('Machine-readable kind: invalid, not-found, conflict, unavailable, unauthorized or internal.'),
  message: z.string(),
  problems: z.array(problemSchema).optional(),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;

export const unauthorizedResponse = jsonResponse('Missing or wrong bearer token.', errorBodySchema);

/** The error responses of a route that needs the bearer token, for its OpenAPI description. */
export const protectedErrorResponses = {
  400: jsonResponse('Invalid input, with one problem per field.', errorBodySchema),
  401: unauthorizedResponse,
  404: jsonResponse('Unknown tenant.', errorBodySchema),
  409: jsonResponse("Conflicts with the tenant's state, e.g. it is already active.", errorBodySchema),
  500: jsonResponse('Unexpected failure; the details are in the server log.', errorBodySchema),
  503: jsonResponse('SnelStart, Tribe, the database or Temporal cannot be reached.', errorBodySchema),
};
