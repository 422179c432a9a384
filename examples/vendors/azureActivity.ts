import type { AuditEvent, AuditField } from 'react-audit-logs'

/** An Azure Activity Log event (REST API shape): localisable values are `{ value, localizedValue }`. */
export type AzureActivityEvent = { eventDataId: string; eventTimestamp: string; [key: string]: unknown }
export type AzureEvent = AuditEvent & AzureActivityEvent

export const fromAzureActivity = (event: AzureActivityEvent): AzureEvent => ({
  ...event,
  id: event.eventDataId,
  createdAt: event.eventTimestamp,
})

export const azureActivityFields: AuditField<AzureEvent>[] = [
  { key: 'createdAt', label: 'Time', type: 'datetime' },
  { key: 'operationName.value', label: 'Operation', filterable: true },
  { key: 'category.value', label: 'Category', filterable: true },
  { key: 'caller', label: 'Caller', filterable: true },
  { key: 'status.value', label: 'Status', type: 'status', filterable: true, tones: { Active: 'warning', Resolved: 'success' } },
  { key: 'level', label: 'Level', type: 'severity', filterable: true },
  { key: 'httpRequest.clientIpAddress', label: 'IP', type: 'ip' },
  { key: 'claims["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"]', label: 'Claimed name', shown: false },
  { key: 'correlationId', label: 'Correlation ID', filterable: true, shown: false },
  { key: 'resourceId', label: 'Resource', shown: false },
]
