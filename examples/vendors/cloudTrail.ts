import type { AuditEvent, AuditField } from 'react-audit-logs'

/** An AWS CloudTrail record: what its S3 files hold, and what LookupEvents' `CloudTrailEvent` string parses to. */
export type CloudTrailRecord = {
  eventID?: string
  eventTime: string
  eventSource: string
  eventName: string
  errorCode?: string
  responseElements?: { ConsoleLogin?: string } | null
  [key: string]: unknown
}
export type CloudTrailEvent = AuditEvent & CloudTrailRecord

export const fromCloudTrail = (record: CloudTrailRecord): CloudTrailEvent => ({
  ...record,
  // Every record CloudTrail delivers has an eventID; the documentation's shortened examples may not.
  id: record.eventID ?? `${record.eventTime} ${record.eventSource} ${record.eventName}`,
  createdAt: record.eventTime,
})

/** Failed when CloudTrail gives an errorCode, or a console sign-in answered "Failure". */
const outcome = (event: CloudTrailEvent): string => (event.errorCode || event.responseElements?.ConsoleLogin === 'Failure' ? 'Failed' : 'Success')

export const cloudTrailFields: AuditField<CloudTrailEvent>[] = [
  { key: 'createdAt', label: 'Time', type: 'datetime' },
  { key: 'eventName', label: 'Action', filterable: true },
  { key: 'eventSource', label: 'Service', filterable: true },
  { key: 'userIdentity.arn', label: 'Actor', filterable: true },
  // Derived: sortable and filterable where the adapter evaluates it (createMemoryAdapter(events, { fields })).
  { key: 'outcome', label: 'Result', type: 'status', filterable: true, value: outcome },
  { key: 'errorCode', label: 'Error', shown: false },
  { key: 'sourceIPAddress', label: 'IP', type: 'ip' },
  { key: 'awsRegion', label: 'Region', filterable: true, shown: false },
  { key: 'eventID', label: 'Event ID', shown: false },
]
