import { readMarks } from '../../core/marks'
import { toEpochMs } from '../../core/time'
import type { AuditEvent } from '../../core/types'

/** The properties `ServerRecord` shows for an event: a readable `receivedAt`, and `marks` when some are readable. */
export function serverRecordKeys(event: AuditEvent): Array<{ key: string }> {
  const keys: Array<{ key: string }> = []
  if (toEpochMs(event.receivedAt) !== null) keys.push({ key: 'receivedAt' })
  if (readMarks(event).length > 0) keys.push({ key: 'marks' })
  return keys
}
