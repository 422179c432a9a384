import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'

import { isDevelopment } from '../core/development'

export interface ControllableStateOptions<T> {
  /** The host's value; when it is not `undefined`, the host owns the state. */
  value: T | undefined
  defaultValue: T
  onChange: ((value: T) => void) | undefined
  /** The prop's name, for the development warning when a host switches between owning it and not. */
  name?: string
  /**
   * When this changes (e.g. the tenant), the value becomes `reset(value)` before anything renders with the
   * old one; a host that owns the value is told through `onChange` and decides.
   */
  resetOn?: unknown
  reset?: (previous: T) => T
}

/** A new value, or a function of the latest one (as React's `setState` takes). */
export type StateUpdate<T> = T | ((previous: T) => T)

// Layout effects warn when rendered on the server; there nothing runs after render anyway.
const useIsomorphicLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

/**
 * State a host may own (`value` + `onValueChange`) or leave to the component (`defaultValue`), as in
 * Radix's `useControllableState`. Updates compose: each one is applied to the latest value, also when
 * several arrive before the next render (a debounced search and a click), controlled or not.
 */
export function useControllableState<T>({
  value,
  defaultValue,
  onChange,
  name = 'value',
  resetOn,
  reset,
}: ControllableStateOptions<T>): [T, (update: StateUpdate<T>) => void] {
  const [own, setOwn] = useState(defaultValue)
  const controlled = value !== undefined
  let current = controlled ? value : own

  // Adjusted while rendering (as React's docs advise for state that follows a prop), so no effect or query
  // ever sees the old value with the new key; the host hears of it after the commit.
  const [resetKey, setResetKey] = useState(resetOn)
  const [resetToTell, setResetToTell] = useState<{ value: T } | null>(null)
  if (!Object.is(resetKey, resetOn)) {
    setResetKey(resetOn)
    const next = reset ? reset(current) : current
    if (!Object.is(next, current)) {
      setOwn(next)
      setResetToTell({ value: next })
      // React renders again at once and drops this render's output; even so it shows no old value.
      if (!controlled) current = next
    }
  }

  // The value the next update builds on: the rendered one, or one set since that has not rendered yet.
  const latest = useRef(current)
  const onChangeRef = useRef(onChange)
  useIsomorphicLayoutEffect(() => {
    latest.current = current
    onChangeRef.current = onChange
  })

  const wasControlled = useRef(controlled)
  useEffect(() => {
    if (wasControlled.current === controlled) return
    // As React warns for an input that switches; `defaultX` is the way to give a starting value.
    if (isDevelopment())
      console.warn(`react-audit-logs: \`${name}\` changed from ${controlled ? 'uncontrolled to controlled' : 'controlled to uncontrolled'}.`)
    wasControlled.current = controlled
  }, [controlled, name])

  useEffect(() => {
    // Each reset is a new object, so the host hears of each once.
    if (resetToTell) onChangeRef.current?.(resetToTell.value)
  }, [resetToTell])

  const set = useCallback((update: StateUpdate<T>) => {
    const previous = latest.current
    const next = typeof update === 'function' ? (update as (previous: T) => T)(previous) : update
    if (Object.is(next, previous)) return
    latest.current = next
    // Also when the host owns the value: the re-render brings `latest` back to what the host decided.
    setOwn(next)
    onChangeRef.current?.(next)
  }, [])
  return [current, set]
}
