import { useState } from 'react'

const shallowEqual = (a: object, b: object): boolean => {
  const keys = Object.keys(a)
  return (
    keys.length === Object.keys(b).length && keys.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  )
}

/**
 * The object kept from an earlier render while each of its properties is the same (`Object.is`): a context
 * value or a hook's result that changes only when a part of it does, without a hand-kept list of
 * dependencies beside it.
 */
export function useShallowMemo<T extends object>(value: T): T {
  const [kept, setKept] = useState(value)
  if (kept === value || shallowEqual(kept, value)) return kept
  // React's pattern for state that follows a render's input: set during render, applied before commit.
  setKept(value)
  return value
}
