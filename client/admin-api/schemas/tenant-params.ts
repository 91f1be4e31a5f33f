import { z } from 'zod';

/** The same rule the tenants table enforces, so a bad id is refused before it reaches the service. */
export const tenantIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{1,62}$/,
    'must be 2-63 characters of lowercase letters, digits and dashes, starting with a letter or digit',
  )
  .describe('The tenant id, e.g. `acme`.');

export const tenantParamsSchema = z.object({ tenantId: tenantIdSchema });
