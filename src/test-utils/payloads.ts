import type { AuditEvent } from '../core/types'
import { hostileStrings } from '../msw/hostileStrings'

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
