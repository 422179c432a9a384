import { useCallback, useState } from 'react'

export interface ControllableStateOptions<T> {
  /** The host's value; when it is not `undefined`, the host owns the state. */
  value: T | undefined
  defaultValue: T
  onChange: ((value: T) => void) | undefined
}

/**
 * State a host may own (`value` + `onValueChange`) or leave to the component (`defaultValue`), as in
 * Radix's `useControllableState`.
 */
export function useControllableState<T>({ value, defaultValue, onChange }: ControllableStateOptions<T>): [T, (next: T) => void] {
  const [own, setOwn] = useState(defaultValue)
  const controlled = value !== undefined
  const current = controlled ? value : own
  const set = useCallback(
    (next: T) => {
      if (Object.is(next, current)) return
      if (!controlled) setOwn(next)
      onChange?.(next)
    },
    [controlled, current, onChange],
  )
  return [current, set]
}
