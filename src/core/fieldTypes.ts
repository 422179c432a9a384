import type { AuditFieldType } from './types'

/** Every field type, in the order the settings panel offers them. */
export const FIELD_TYPES: readonly AuditFieldType[] = ['text', 'datetime', 'severity', 'status', 'email', 'ip', 'number', 'json']
