import { act, renderHook } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'

import { useControllableState } from './useControllableState'

describe('useControllableState', () => {
  it('applies two updates that arrive before a render to the latest value, uncontrolled', () => {
    const onChange = vi.fn()
    const { result } = renderHook(() => useControllableState({ value: undefined, defaultValue: { a: 0, b: 0 }, onChange }))
    act(() => {
      const [, set] = result.current
      set((previous) => ({ ...previous, a: 1 }))
      set((previous) => ({ ...previous, b: 2 }))
    })
    expect(result.current[0]).toEqual({ a: 1, b: 2 })
    expect(onChange).toHaveBeenLastCalledWith({ a: 1, b: 2 })
  })

  it('hands the host each update built on the latest one, controlled, and follows what the host renders', () => {
    const onChange = vi.fn()
    const { result, rerender } = renderHook(({ value }) => useControllableState({ value, defaultValue: 0, onChange }), {
      initialProps: { value: 10 },
    })
    act(() => {
      const [, set] = result.current
      set((previous) => previous + 1)
      set((previous) => previous + 1)
    })
    expect(onChange.mock.calls).toEqual([[11], [12]])
    // The host decided otherwise: later updates build on what it rendered.
    rerender({ value: 100 })
    act(() => {
      result.current[1]((previous) => previous + 1)
    })
    expect(onChange).toHaveBeenLastCalledWith(101)
  })
})
