import { render, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import type { AuditQuery, AuditSearch } from '../../core/types'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from './AuditLogs'

/** The memory adapter, recording every list query it is asked. */
function recordingAdapter(): { adapter: AuditLogsAdapter; queries: AuditQuery[] } {
  const memory = createMemoryAdapter(makeEvents(40))
  const queries: AuditQuery[] = []
  return {
    queries,
    adapter: {
      listEvents: (query, options) => {
        queries.push(query)
        return memory.listEvents(query, options)
      },
    },
  }
}

const sortButton = (name: RegExp): HTMLElement => within(screen.getByRole('columnheader', { name })).getByRole('button')

describe('search changes compose, whatever their timing', () => {
  it('keeps text typed and a header clicked inside the search pause: both reach the adapter', async () => {
    const { adapter, queries } = recordingAdapter()
    render(<AuditLogs adapter={adapter} timeZone="UTC" locale="en-US" />)
    await screen.findByText('40 events')
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search events' }), 'delete')
    // Well inside the 300 ms pause: the text has not been applied yet.
    await userEvent.click(sortButton(/Action/))
    await expect.poll(() => queries.at(-1)).toMatchObject({ search: 'delete', sort: { key: 'action', direction: 'asc' } })
    await screen.findByText('20 events')
    expect(screen.getByRole('columnheader', { name: /Action/ })).toHaveAttribute('aria-sort', 'ascending')
    expect(screen.getByRole('searchbox', { name: 'Search events' })).toHaveValue('delete')
  })

  it('keeps a filter added inside the search pause and the text typed before it', async () => {
    const { adapter, queries } = recordingAdapter()
    render(<AuditLogs adapter={adapter} timeZone="UTC" locale="en-US" />)
    await screen.findByText('40 events')
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search events' }), 'User 1')
    await userEvent.click(screen.getByRole('button', { name: 'Filter' }))
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Filter field' }), 'severity')
    await userEvent.type(screen.getByRole('textbox', { name: 'Filter value' }), 'High{Enter}')
    await expect.poll(() => queries.at(-1)).toMatchObject({ search: 'User 1', filters: { severity: ['High'] } })
  })
})

/** A host that owns the search, with its own button that changes it. */
function HostOwnedSearch({ onSearchChange }: { onSearchChange: (search: AuditSearch) => void }) {
  const [search, setSearch] = useState<AuditSearch>({ sort: { key: 'createdAt', direction: 'desc' } })
  const change = (next: AuditSearch): void => {
    onSearchChange(next)
    setSearch(next)
  }
  return (
    <>
      <button type="button" onClick={() => change({ ...search, from: '2026-03-01T00:00:00.000Z', to: '2026-03-08T00:00:00.000Z' })}>
        First week of March
      </button>
      <AuditLogs adapter={createMemoryAdapter(makeEvents(40))} search={search} onSearchChange={change} timeZone="UTC" locale="en-US" />
    </>
  )
}

describe('a host that owns the search', () => {
  it('says the range on its range button and in the From and To inputs when it changes the search', async () => {
    render(<HostOwnedSearch onSearchChange={() => undefined} />)
    await screen.findByText('40 events')
    const rangeButton = screen.getByRole('button', { name: /^Date range:/ })
    expect(rangeButton).toHaveTextContent('All time')
    await userEvent.click(screen.getByRole('button', { name: 'First week of March' }))
    // To is exclusive: before 8 March is "to 7 March".
    await expect.poll(() => rangeButton.textContent).toMatch(/^Mar 1(, 2026)? – Mar 7(, 2026)? \(UTC\)$/)
    await userEvent.click(rangeButton)
    expect(await screen.findByLabelText('From')).toHaveValue('2026-03-01')
    expect(screen.getByLabelText('To')).toHaveValue('2026-03-07')
    await screen.findByText('No events match this search.')
  })

  it('gets every change applied to its latest search: text typed, then a header clicked inside the pause', async () => {
    const changes = vi.fn<(search: AuditSearch) => void>()
    render(<HostOwnedSearch onSearchChange={changes} />)
    await screen.findByText('40 events')
    await userEvent.type(screen.getByRole('searchbox', { name: 'Search events' }), 'delete')
    await userEvent.click(sortButton(/Action/))
    await expect.poll(() => changes.mock.calls.at(-1)?.[0]).toMatchObject({ search: 'delete', sort: { key: 'action', direction: 'asc' } })
  })
})

describe('a host that switches between owning a value and not', () => {
  it('is warned in development, as React warns for inputs', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const adapter = createMemoryAdapter(makeEvents(3))
    const { rerender } = render(<AuditLogs adapter={adapter} timeZone="UTC" locale="en-US" />)
    await screen.findByText('3 events')
    rerender(<AuditLogs adapter={adapter} locale="en-US" />)
    await expect.poll(() => warn.mock.calls.flat().join(' ')).toContain('`timeZone` changed from controlled to uncontrolled')
    warn.mockRestore()
  })
})
