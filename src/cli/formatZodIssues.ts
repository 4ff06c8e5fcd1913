import type { z } from 'zod';

/** One line per problem: `file: field.path: reason`. */
export function formatZodIssues(file: string, error: z.ZodError): string {
  return error.issues
    .map((i) => `${file}: ${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`)
    .join('\n');
}
