import type { z } from 'zod';

/** A record's schema issues as one message: "field.path: what is wrong; ...". */
export function issueMessages(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => `${issue.path.map(String).join('.') || 'record'}: ${issue.message}`)
    .join('; ');
}
