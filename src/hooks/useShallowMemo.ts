import { useMemo } from 'react'

/**
 * The object kept from an earlier render while each of its properties is the same: a context value or a
 * hook's result that changes only when a part of it does, without a hand-kept list of dependencies beside it.
 * Give it an object literal with the same keys on every render.
 */
export function useShallowMemo<T extends object>(value: T): T {
  // The dependencies are the object's values, in the fixed order of its keys: a list the linter cannot read,
  // and exactly the list a hand-written one would repeat.
  // eslint-disable-next-line react-hooks/exhaustive-deps, react-hooks/use-memo
  return useMemo(() => value, Object.values(value))
}
