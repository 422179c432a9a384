import Papa from 'papaparse'

import type { AuditField } from '../../src/core/types'

/** The rows of a CSV file as papaparse reads them, its BOM and empty lines left out. */
export const parse = (text: string): string[][] => Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { newline: '\r\n', skipEmptyLines: true }).data

const fields: AuditField[] = [
  { key: 'createdAt', label: 'Time', type: 'datetime' },
  { key: 'action', label: 'Action' },
  { key: 'user.email', label: 'Email', exported: false },
  { key: 'user.name', label: 'User', shown: false },
]

/** The export's options every runCsvExport test starts from: the whole log, in UTC, started at a fixed instant. */
export const base = { fields, timeZone: 'UTC', scope: 'all' as const, now: Date.UTC(2030, 0, 1) }
