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
  it('resets when its key changes, before any render shows the old value, and tells the host once', () => {
    const onChange = vi.fn()
    const seen: string[] = []
    const { result, rerender } = renderHook(
      ({ tenant, value }: { tenant: string; value: string | undefined }) => {
        const state = useControllableState({ value, defaultValue: 'filter of a', onChange, resetOn: tenant, reset: () => 'cleared' })
        seen.push(`${tenant}:${state[0]}`)
        return state
      },
      { initialProps: { tenant: 'a', value: undefined as string | undefined } },
    )
    rerender({ tenant: 'b', value: undefined })
    expect(result.current[0]).toBe('cleared')
    // Tenant b never rendered with tenant a's value.
    expect(seen).not.toContain('b:filter of a')
    expect(onChange.mock.calls).toEqual([['cleared']])
    // A host that owns the value hears of the reset and decides.
    rerender({ tenant: 'c', value: 'kept on purpose' })
    expect(result.current[0]).toBe('kept on purpose')
    expect(onChange.mock.calls.at(-1)).toEqual(['cleared'])
  })
})
