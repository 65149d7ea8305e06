import { z } from 'zod';

/** A space-separated scope string as smart-launch.json writes it. */
export const scopeList = z
  .string()
  .trim()
  .min(1)
  .refine((s) => !/\s{2,}/.test(s), 'scopes are separated by single spaces');
