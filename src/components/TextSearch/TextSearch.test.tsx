import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { makeEvents } from '../../../test/support/events'
import { AuditLogsProvider } from '../AuditLogsProvider/AuditLogsProvider'
import { TextSearch } from './TextSearch'

afterEach(() => {
  vi.useRealTimers()
})

describe('TextSearch', () => {
  it('keeps what was typed after the pause that ran its search, when both reach the page at once', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    render(
      <AuditLogsProvider adapter={createMemoryAdapter(makeEvents(5))}>
        <TextSearch debounce={300} />
      </AuditLogsProvider>,
    )
    const input = screen.getByRole<HTMLInputElement>('searchbox')
    fireEvent.change(input, { target: { value: 'Invo' } })
    // A busy page: the pause's search runs, and the next keystroke arrives before the page draws either.
    act(() => {
      vi.advanceTimersByTime(300)
      fireEvent.change(input, { target: { value: 'Invoi' } })
    })
    expect(input.value).toBe('Invoi')
    act(() => {
      vi.advanceTimersByTime(300)
    })
    expect(input.value).toBe('Invoi')
  })

  it('shows a search changed from outside over its own text', () => {
    render(
      <AuditLogsProvider adapter={createMemoryAdapter(makeEvents(5))} defaultSearch={{ search: 'first' }}>
        <TextSearch debounce={300} />
      </AuditLogsProvider>,
    )
    expect(screen.getByRole<HTMLInputElement>('searchbox').value).toBe('first')
  })
})
