/**
 * `react-audit-logs/msw`: mock the audit-log REST API in your own stories and tests.
 */
export { createAuditLogsHandlers, type AuditLogsHandlersOptions } from './handlers'
export { generateAuditEvents, type GenerateEventsOptions, type GeneratedAuditEvent } from './generateEvents'
export { hostileStrings } from './hostileStrings'
