import { AuditLogsError } from './errors'

const PREFIX = 'offset:'

/**
 * An opaque cursor holding an offset, for backends that page by offset/count. The viewer never reads
 * cursors; encoding keeps callers from depending on what is inside.
 */
export function encodeOffsetCursor(offset: number): string {
  return btoa(`${PREFIX}${offset}`)
}

/** The offset inside a cursor made by `encodeOffsetCursor`; `0` for no cursor. */
export function decodeOffsetCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0
  let text: string
  try {
    text = atob(cursor)
  } catch {
    text = ''
  }
  const offset = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : Number.NaN
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new AuditLogsError('invalid-query', `The paging cursor "${cursor.slice(0, 40)}" is not one this adapter made.`)
  }
  return offset
}
