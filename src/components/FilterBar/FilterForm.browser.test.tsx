import { render, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from '../AuditLogs/AuditLogs'

/** 30 events: every fifth failed, the rest succeeded, spelled "Success" or "success". */
const events = makeEvents(30).map((event, index) => ({
  ...event,
  result: index % 5 === 0 ? 'failed' : index % 3 === 0 ? 'Success' : 'success',
}))

async function openFilterForm(): Promise<void> {
  await screen.findByText('30 events')
  await userEvent.click(screen.getByRole('button', { name: 'Filter' }))
  await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Filter field' }), 'result')
}

describe('the filter form', () => {
  it('lists a field\'s values with their counts in the whole search, and "is not" one shows the other rows', async () => {
    render(<AuditLogs adapter={createMemoryAdapter(events)} pageSize={10} timeZone="UTC" locale="en-US" />)
    await openFilterForm()
    // Counted by the adapter over all 30 events, not the 10 loaded; both spellings as one value.
    const values = await screen.findByRole('region', { name: 'In this search' })
    expect(await within(values).findByRole('button', { name: 'success, 24 events' })).toBeVisible()
    expect(within(values).getByRole('button', { name: 'failed, 6 events' })).toBeVisible()

    await userEvent.click(screen.getByRole('radio', { name: 'is not' }))
    await userEvent.click(within(values).getByRole('button', { name: 'success, 24 events' }))

    await screen.findByText('6 events')
    const chips = screen.getByRole('list', { name: 'Filters' })
    expect(within(chips).getByText(/Result is not/)).toHaveTextContent('Result is not success')
    expect(within(chips).getByRole('button', { name: 'Remove filter Result is not: success' })).toBeVisible()
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(6)
    for (const row of rows) expect(row).toHaveTextContent(/failed/)
  })

  it("moves with the arrow keys from the value's input through the values and back, and Enter adds the one reached", async () => {
    render(<AuditLogs adapter={createMemoryAdapter(events)} pageSize={10} timeZone="UTC" locale="en-US" />)
    await openFilterForm()
    const values = await screen.findByRole('region', { name: 'In this search' })
    const success = await within(values).findByRole('button', { name: 'success, 24 events' })
    const failed = within(values).getByRole('button', { name: 'failed, 6 events' })
    const input = screen.getByRole('textbox', { name: 'Filter value' })
    await userEvent.click(input)
    // Each key and where focus is after it. Home and End in the input stay the caret's; past the last, Down stays
    // on it; Home goes to the first, End to the last, Up from the first to the input.
    const steps: [string, HTMLElement][] = [
      ['{End}', input],
      ['{ArrowDown}', success],
      ['{ArrowDown}', failed],
      ['{ArrowDown}', failed],
      ['{Home}', success],
      ['{End}', failed],
      ['{ArrowUp}{ArrowUp}', input],
    ]
    for (const [keys, focused] of steps) {
      await userEvent.keyboard(keys)
      expect(focused).toHaveFocus()
    }
    await userEvent.keyboard('{ArrowDown}{Enter}')
    await screen.findByText('24 events')
    expect(screen.getByRole('list', { name: 'Filters' })).toHaveTextContent('Result: success')
  })

  it('offers no "is not" to an adapter that does not apply it, and counts the loaded events when it cannot count', async () => {
    // 300 events, 60 failed; the table loads pages of 10, as many as fill its viewport.
    const many = makeEvents(300).map((event, index) => ({ ...event, result: index % 5 === 0 ? 'failed' : 'success' }))
    const memory = createMemoryAdapter(many)
    const adapter: AuditLogsAdapter = { listEvents: (query, options) => memory.listEvents(query, options) }
    render(<AuditLogs adapter={adapter} pageSize={10} timeZone="UTC" locale="en-US" />)
    await screen.findByText('300 events')
    await userEvent.click(screen.getByRole('button', { name: 'Filter' }))
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Filter field' }), 'result')
    const values = await screen.findByRole('region', { name: 'In loaded events' })
    const failed = within(values).getByRole('button', { name: /^failed, \d+ events?$/ })
    const count = Number(/(\d+) event/.exec(failed.getAttribute('aria-label') ?? '')?.[1])
    expect(count).toBeGreaterThan(0)
    expect(count).toBeLessThan(60)
    expect(screen.queryByRole('radio', { name: 'is not' })).toBeNull()
  })

  it('says so and falls back to the loaded events when the adapter answers values of a wrong shape', async () => {
    const memory = createMemoryAdapter(events)
    const onError = vi.fn()
    const adapter: AuditLogsAdapter = {
      listEvents: (query, options) => memory.listEvents(query, options),
      listFieldValues: async () => ({ values: [{ value: 'success', count: -3 }] }),
    }
    render(<AuditLogs adapter={adapter} pageSize={10} timeZone="UTC" locale="en-US" onError={onError} />)
    await openFilterForm()
    expect(await screen.findByText(/could not be loaded; these are from the loaded events/)).toBeVisible()
    expect(screen.getByRole('region', { name: 'In loaded events' })).toBeVisible()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'malformed-response' }), { part: 'field-values' })
  })
})
