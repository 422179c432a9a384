import { act, renderHook } from '@testing-library/react'
import { afterEach, expect, it, vi } from 'vitest'

import { useRowExtras } from './useRowExtras'

// The extras' chunk arrives when the test says: after the table is drawn, as over a slow network or while rows of an
// adapter that answers at once are being drawn.
const chunk = vi.hoisted(() => {
  let arrive = (): void => undefined
  const arrived = new Promise<void>((resolve) => (arrive = resolve))
  return { arrive: () => arrive(), arrived }
})
vi.mock('./rowExtras', async (importOriginal) => {
  await chunk.arrived
  return importOriginal()
})

afterEach(() => {
  vi.useRealTimers()
})

it('takes extras that arrive after the frame being drawn is painted, not in a render before it', async () => {
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'setTimeout'] })
  const { result } = renderHook(() => useRowExtras())
  expect(result.current).toBeUndefined()

  await act(async () => {
    chunk.arrive()
    await import('./rowExtras')
  })
  // Arrived, but the frame on its way (the first rows in it) is painted as it was drawn.
  expect(result.current).toBeUndefined()

  await act(async () => {
    vi.advanceTimersToNextFrame()
    await vi.runAllTimersAsync()
  })
  expect(result.current?.TimeCell).toBeTypeOf('function')

  // A table drawn later has them from its first render.
  const later = renderHook(() => useRowExtras())
  expect(later.result.current).toBe(result.current)
})
