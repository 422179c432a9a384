import { render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AdapterCallOptions, AuditLogsAdapter } from '../../adapter/types'
import { defaultFields } from '../../core/fields'
import type { AuditField, AuditQuery } from '../../core/types'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from './AuditLogs'

const spyAdapter = () => {
  const memory = createMemoryAdapter(makeEvents(30))
  const listEvents = vi.fn((query: AuditQuery, options: AdapterCallOptions) => memory.listEvents(query, options))
  return { adapter: { listEvents } satisfies AuditLogsAdapter, listEvents }
}

afterEach(() => {
  window.history.replaceState(null, '', '/')
})

describe('AuditLogs given input it cannot use', () => {
  it("corrects a host's duplicate and pathless fields, unknown sort and filter, and 100-year range, and says so", async () => {
    const { adapter, listEvents } = spyAdapter()
    const fields = [...defaultFields, { key: 'action', label: 'Action (again)' }, { key: 'payload..plan', label: 'Plan' }] satisfies AuditField[]
    render(
      <AuditLogs
        adapter={adapter}
        fields={fields}
        defaultSearch={{
          sort: { key: 'nope', direction: 'asc' },
          filters: { 'no.such.field': ['x'], severity: ['High'] },
          from: '1926-01-01T00:00:00Z',
          to: '2026-01-01T00:00:00Z',
        }}
      />,
    )
    const notices = await screen.findByText(/defined twice/)
    expect(
      within(notices.closest('ul') as HTMLElement)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'The field "action" is defined twice; the second one was left out.',
      'The field "payload..plan" has no valid path (like payload.plan) and no value function; it was left out.',
      'Events cannot be sorted by "nope"; they are sorted newest first instead.',
      'The filter on "no.such.field" was dropped: no field can be filtered by it.',
      'The date range was longer than 10 years; it now starts 10 years before its end.',
    ])
    // The table is there, with one Action column, and the adapter got the corrected search.
    expect(await screen.findByText(/\d+ events?$/)).toBeInTheDocument()
    expect(screen.getAllByRole('columnheader', { name: /^Action/ })).toHaveLength(1)
    const [query] = listEvents.mock.calls[0] ?? []
    expect(query).toMatchObject({
      sort: { key: 'createdAt', direction: 'desc' },
      filters: { severity: ['High'] },
      to: '2026-01-01T00:00:00Z',
      from: '2016-01-01T00:00:00.000Z',
    })
    expect(query?.filters).not.toHaveProperty('no.such.field')
  })

  it('corrects a hand-edited link the same way, and the link itself', async () => {
    window.history.replaceState(null, '', '/?sort=evil%3Aasc&filter.nope=x&from=not-a-date')
    const { adapter, listEvents } = spyAdapter()
    render(<AuditLogs adapter={adapter} urlState />)
    expect(await screen.findByText('30 events')).toBeInTheDocument()
    expect(screen.getByText('Events cannot be sorted by "evil"; they are sorted newest first instead.')).toBeInTheDocument()
    expect(screen.getByText('The filter on "nope" was dropped: no field can be filtered by it.')).toBeInTheDocument()
    expect(screen.getByText('The date range was not a valid range and was dropped.')).toBeInTheDocument()
    expect(listEvents.mock.calls[0]?.[0]).toEqual({ sort: { key: 'createdAt', direction: 'desc' }, filters: {}, limit: 50 })
    expect(window.location.search).toBe('?sort=createdAt%3Adesc')
  })
})
