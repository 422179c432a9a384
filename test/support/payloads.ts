import type { AuditEvent } from '../../src/core/types'
import { hostileStrings } from '../../src/msw/hostileStrings'

/** An event whose payload is about `bytes` of JSON: many nested records, for the drawer's large-payload path. */
export function eventWithLargePayload(bytes = 1_000_000): AuditEvent {
  const record = (index: number) => ({
    index,
    sku: `SKU-${String(index).padStart(6, '0')}`,
    title: `Imported product number ${index}`,
    attributes: { colour: 'blue', size: index % 5, tags: ['bulk', 'import'] },
  })
  const perRecord = JSON.stringify(record(0)).length + 1
  return {
    id: 'evt_large_payload',
    createdAt: '2026-11-20T10:15:00.000Z',
    action: 'populate',
    module: 'content',
    result: 'success',
    severity: 'Info',
    payload: { summary: 'Bulk import', items: Array.from({ length: Math.ceil(bytes / perRecord) }, (_, index) => record(index)) },
  }
}

/** An event with hostile values everywhere the drawer draws text: values, keys, URLs, names. */
export function hostileEvent(): AuditEvent {
  return {
    id: 'evt_hostile',
    createdAt: '2026-11-20T10:15:00.000Z',
    action: '<img src=x onerror="window.__auditLogsXss = true">',
    severity: '<b>High</b>',
    result: 'failed',
    user: { name: 'Robert\u202Eexe.pdf', email: 'javascript:window.__auditLogsXss=true', id: '<script>window.__auditLogsXss = true</script>' },
    payload: {
      '<script>window.__auditLogsXss = true</script>': 'HTML in a key',
      title: hostileStrings[0],
      link: 'javascript:window.__auditLogsXss = true',
      dataUrl: 'data:text/html,<script>window.__auditLogsXss = true</script>',
      docs: 'https://docs.example.com/audit?x=<script>',
      svg: hostileStrings[2],
      nested: { deeper: hostileStrings.slice(3) },
    },
    '<svg onload="window.__auditLogsXss = true">': 'HTML as a top-level key',
  }
}

/**
 * Events whose shape, not whose content, is hostile: each would freeze a viewer that draws or scans it whole
 * (a 20 MB text, 100,000 properties, 10,000 levels, a 100,000-element array, a 1 MB payload).
 */
export function hostileShapeEvents(): AuditEvent[] {
  const base = (id: string, minute: number): AuditEvent => ({ id, createdAt: new Date(Date.UTC(2026, 10, 20, 10, minute)).toISOString() })
  // Parsed, as a backend's answer would be (stringifying 10,000 levels overflows the stack; parsing does not).
  const deep = JSON.parse(`${'{"inner":'.repeat(10_000)}{"leaf":true}${'}'.repeat(10_000)}`) as unknown
  const wide: AuditEvent = base('evt_wide', 4)
  for (let index = 0; index < 100_000; index += 1) wide[`key${String(index)}`] = index
  const flat: AuditEvent[] = [
    { ...base('evt_long_text', 6), action: 'upload', note: 'A'.repeat(20_000_000), payload: { body: 'B'.repeat(20_000_000) } },
    { ...base('evt_long_action', 5), action: `export ${'C'.repeat(20_000_000)}` },
    wide,
    { ...base('evt_long_array', 2), action: 'bulk', payload: { ids: Array.from({ length: 100_000 }, (_, index) => `id-${String(index)}`) } },
    { ...eventWithLargePayload(1_000_000), createdAt: new Date(Date.UTC(2026, 10, 20, 10, 1)).toISOString() },
  ]
  // As they arrive from a backend: parsed from JSON. (A string built by `repeat` is a tree of pieces that the
  // first read of it joins, a cost no event from the network has.)
  const parsed = JSON.parse(JSON.stringify(flat)) as AuditEvent[]
  parsed.splice(3, 0, { ...base('evt_deep', 3), action: 'nest', payload: deep })
  return parsed
}
