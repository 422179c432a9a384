import type { AuditEvent } from '../../core/types'
import type { UseAuditEventsResult } from '../../hooks/useAuditEvents'

/** Whether the backend's answers gave the viewer anything to say (see `BackendNotices`). */
export const hasBackendNotices = (result: UseAuditEventsResult<AuditEvent>): boolean =>
  Boolean(result.pagingStop) ||
  result.reportedTotal !== undefined ||
  result.outsideRange + result.repeatedIds + result.mergedCopies > 0 ||
  result.logChanged
