import { http, HttpResponse } from 'msw'
import { type ReactNode, useState } from 'react'
import { waitFor, within } from 'storybook/test'

import type { AuditLogsAdapter } from '../../../src/adapter/types'
import { createMemoryAdapter, type MemoryAdapterOptions } from '../../../src/adapter/memoryAdapter'
import { AuditLogs, type AuditLogsProps } from '../../../src/components/AuditLogs/AuditLogs'
import { defaultFields } from '../../../src/core/fields'
import type { AuditEvent, AuditField, AuditSearch } from '../../../src/core/types'
import { generateAuditEvents } from '../../../src/msw/generateEvents'

// The data, backends and helpers of the AuditLogs stories (src/components/AuditLogs/AuditLogs.stories.tsx).

/** The embedded demo log: 2,000 seeded events over the last 30 days, as a customer's would look (the attacker's strings are in "Hostile data"). */
export const demoEvents = generateAuditEvents({ count: 2_000, seed: 42, hostileEvery: 0 })
export const API = '/api/audit-logs'

/** A memory adapter made once per mount, so a story's simulated failures start over on every visit. */
export function WithMemoryAdapter({
  events,
  options,
  ...props
}: Omit<AuditLogsProps, 'adapter'> & { events: readonly AuditEvent[]; options?: MemoryAdapterOptions }) {
  const [adapter] = useState(() => createMemoryAdapter(events, options))
  return <AuditLogs {...props} adapter={adapter} />
}

/** Scrolls the table to its end, again until the box is measured, until a row of the second page is drawn. */
export async function scrollToSecondPage(canvasElement: HTMLElement): Promise<void> {
  const scroller = canvasElement.querySelector('.ral-table-scroll')
  if (!scroller) throw new Error('no scroll box')
  const table = within(canvasElement).getByRole('table', { name: 'Audit log' })
  await waitFor(
    () => {
      scroller.scrollTop = scroller.scrollHeight
      // A row of the second page (rows 51–100 of the log; the header is row 1) is drawn.
      const drawn = [...table.querySelectorAll('tr[data-event-id]')].map((row) => Number(row.getAttribute('aria-rowindex')))
      if (!drawn.some((index) => index > 51)) throw new Error('the second page is not drawn yet')
    },
    { timeout: 5000 },
  )
}

/** A page of ten rows of which three are not events: null, one without a time, one without an id. */
export const pageWithUnreadableRows = http.get(`${API}/events`, () =>
  HttpResponse.json({
    events: [
      ...demoEvents.slice(0, 3),
      null,
      { id: 'evt_no_time', action: 'Deleted project', user: { name: 'Eve' } },
      { createdAt: demoEvents[3]?.createdAt, action: 'Exported data' },
      ...demoEvents.slice(4, 8),
    ],
    total: 10,
  }),
)

/** The default fields, with a host `format` for Action that throws on the content module's actions. */
export const fieldsWithFailingActionFormat: AuditField[] = defaultFields.map((field) =>
  field.key === 'action'
    ? {
        ...field,
        // Written for the portal's own actions; the content module's ("Page published", "Draft saved") came later.
        format: (value) => {
          if (typeof value !== 'string' || /^(Page|Draft) /.test(value)) throw new Error(`no wording for ${String(value)}`)
          return value.toUpperCase()
        },
      }
    : field,
)

/** A backend whose answer contradicts itself: five January and December events, a total of 1,000,000, no next page. */
export const contradictingBackend: AuditLogsAdapter = {
  listEvents: async () => ({
    events: demoEvents.slice(0, 5).map((event, index) => ({
      ...event,
      // Three on 12, 11 and 10 January; two on 25 and 24 December.
      createdAt: new Date(index < 3 ? Date.UTC(2026, 0, 12 - index, 9) : Date.UTC(2025, 11, 28 - index, 9)).toISOString(),
    })),
    nextCursor: null,
    total: 1_000_000,
  }),
}

/** The server refuses the list: 403 Forbidden, with a message of its own. */
export const forbiddenEvents = http.get(`${API}/events`, () =>
  HttpResponse.json({ message: 'Audit store is read-only' }, { status: 403, statusText: 'Forbidden' }),
)

/** The default fields with one defined twice and one without a usable path. */
export const fieldsWithMistakes: AuditField[] = [...defaultFields, { key: 'action', label: 'Action again' }, { key: 'payload..plan', label: 'Plan' }]
/** A sort and a filter on fields that do not exist, and a 100-year range. */
export const searchWithMistakes: AuditSearch = {
  sort: { key: 'nope', direction: 'asc' },
  filters: { 'no.such.field': ['x'] },
  from: '1926-01-01T00:00:00Z',
}

/** The actor's name and e-mail and the IP address as personal data, hidden at the source. */
const personalDataHidden: MemoryAdapterOptions = {
  sensitive: {
    fields: [
      { key: 'user.name', sensitive: 'personal' },
      { key: 'user.email', sensitive: 'personal' },
      { key: 'ip', sensitive: 'personal' },
    ],
  },
}

/** 200 events on a phone-wide page, the IP address shown, with personal data hidden at the source. */
export function PhoneWithPersonalDataHidden() {
  return (
    <div style={{ maxWidth: 390 }}>
      <WithMemoryAdapter
        events={demoEvents.slice(0, 200)}
        options={personalDataHidden}
        defaultFields={defaultFields.map((field) => (field.key === 'ip' ? { ...field, shown: true } : field))}
        timeZone="Europe/Prague"
      />
    </div>
  )
}

/** A light host page (an admin portal's settings) around the viewer. */
export function LightHostPage({ children }: { children: ReactNode }) {
  return (
    <div style={{ background: '#f6f8fa', color: '#1f2328', colorScheme: 'light', padding: 24, fontFamily: 'system-ui, sans-serif' }}>
      <p style={{ margin: '0 0 12px', fontWeight: 600 }}>Acme Workspace · Settings · Audit log</p>
      {children}
    </div>
  )
}
