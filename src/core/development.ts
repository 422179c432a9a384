/**
 * Whether the host runs a development build: its bundler replaces `process.env.NODE_ENV`. Warnings for
 * developers are given only then; a page without a bundler (no `process` at all) counts as production.
 */
export function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production'
  } catch {
    return false
  }
}
