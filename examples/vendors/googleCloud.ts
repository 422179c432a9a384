import type { AuditEvent, AuditField } from 'react-audit-logs'

/** A Google Cloud audit LogEntry (`entries.list`, or a log sink): `timestamp` with nanoseconds. */
export type GoogleCloudLogEntry = { insertId: string; timestamp: string; [key: string]: unknown }
export type GoogleCloudEvent = AuditEvent & GoogleCloudLogEntry

export const fromGoogleCloud = (entry: GoogleCloudLogEntry): GoogleCloudEvent => ({ ...entry, id: entry.insertId, createdAt: entry.timestamp })

export const googleCloudFields: AuditField<GoogleCloudEvent>[] = [
  { key: 'createdAt', label: 'Time', type: 'datetime' },
  { key: 'protoPayload.methodName', label: 'Method', filterable: true },
  { key: 'protoPayload.serviceName', label: 'Service', filterable: true },
  { key: 'protoPayload.authenticationInfo.principalEmail', label: 'Principal', type: 'email', filterable: true },
  { key: 'severity', label: 'Severity', type: 'severity', filterable: true },
  { key: 'protoPayload.requestMetadata.callerIp', label: 'Caller IP', type: 'ip' },
  { key: 'resource.type', label: 'Resource type', filterable: true, shown: false },
  // Insert ids may start with "-": written exactly, without the formula guard.
  { key: 'insertId', label: 'Insert ID', shown: false, csvRaw: true },
  { key: 'receiveTimestamp', label: 'Received', type: 'datetime', shown: false },
]
