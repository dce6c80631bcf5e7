import { Router } from 'express';

/**
 * A router that matches paths exactly as written: case-sensitive (`/Shortlists` is not
 * `/shortlists`) and strict (`/shortlists/` is not `/shortlists`), like the app itself. The access
 * policy compares one normalised path form (`policyPath`), so a variant the router would serve can
 * never slip past a rule.
 */
export function appRouter(): Router {
  return Router({ caseSensitive: true, strict: true });
}
