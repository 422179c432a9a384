/** Whether a value is a plain JSON object: not null, not an array (what a parsed object field may hold). */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
