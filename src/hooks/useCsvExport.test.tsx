import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { createMemoryAdapter } from '../adapter/memoryAdapter'
import { makeEvents } from '../../test/support/events'
import { useCsvExport } from './useCsvExport'

const fields = [
  { key: 'createdAt', label: 'Time', type: 'datetime' as const },
  {
    key: 'action',
    label: 'Action',
    format: (value: unknown) =>
      value === 'delete'
        ? (() => {
            throw new Error('no')
          })()
        : String(value),
  },
]

describe('useCsvExport', () => {
  it('exports every match, then says how many rows and how many cells its format could not write', async () => {
    const adapter = createMemoryAdapter(makeEvents(30))
    const { result } = renderHook(() => useCsvExport({ adapter, search: {}, fields, timeZone: 'UTC', loadedEvents: [], pageSize: 7 }))
    act(() => {
      result.current.start('all')
    })
    expect(result.current.state.status).toBe('running')
    await waitFor(() => expect(result.current.state.status).toBe('done'))
    expect(result.current.state).toMatchObject({
      rows: 30,
      failedCells: 15,
      truncatedCells: 0,
      fileName: expect.stringMatching(/^audit-logs_start_\d{4}-\d{2}-\d{2}\.csv$/),
    })
  })

  it('writes only the loaded rows when asked, and stops at once on cancel', async () => {
    const events = makeEvents(5)
    const { result } = renderHook(() =>
      useCsvExport({ adapter: createMemoryAdapter(events, { latency: 200 }), search: {}, fields, loadedEvents: events.slice(0, 2) }),
    )
    act(() => {
      result.current.start('loaded')
    })
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'done', rows: 2 }))
    act(() => {
      result.current.start('all')
    })
    act(() => {
      result.current.cancel()
    })
    await waitFor(() => expect(result.current.state.status).toBe('cancelled'))
    // Dismiss forgets the outcome.
    act(() => {
      result.current.dismiss()
    })
    expect(result.current.state.status).toBe('idle')
  })

  it('keeps the scope of a failed export, for Retry, and Dismiss leaves a running export alone', async () => {
    const events = makeEvents(5)
    const adapter = createMemoryAdapter(events, { fail: () => true })
    const { result } = renderHook(() => useCsvExport({ adapter, search: {}, fields, loadedEvents: events.slice(0, 2) }))
    act(() => {
      result.current.start('all')
    })
    act(() => {
      result.current.dismiss()
    })
    expect(result.current.state.status).toBe('running')
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'error', scope: 'all' }))
  })

  it("with saveWith 'picker' downloads where the browser has no file picker (jsdom has none, as Firefox and Safari)", async () => {
    const { result } = renderHook(() =>
      useCsvExport({ adapter: createMemoryAdapter(makeEvents(3)), search: {}, fields, loadedEvents: [], saveWith: 'picker' }),
    )
    act(() => {
      result.current.start('all')
    })
    await waitFor(() => expect(result.current.state).toMatchObject({ status: 'done', rows: 3 }))
  })
})
