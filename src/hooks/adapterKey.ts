const keys = new WeakMap<object, number>()
let next = 0

/**
 * A stable number per adapter object for query keys. Query keys are hashed as JSON, which drops
 * functions, so two different adapters would otherwise share one cache entry.
 */
export function adapterKey(adapter: object): number {
  let key = keys.get(adapter)
  if (key === undefined) {
    next += 1
    key = next
    keys.set(adapter, key)
  }
  return key
}

/** Gives a wrapper (e.g. the time-limited adapter) its original's key, so hosts' query keys keep matching. */
export function shareAdapterKey(wrapper: object, original: object): void {
  if (wrapper !== original) keys.set(wrapper, adapterKey(original))
}
