import { useEffect, useState } from 'react'

/**
 * Whether `active` has held for `delay` ms. A placeholder shown only then never flashes for an answer that
 * comes at once, and the page does not build, lay out and paint what it replaces a moment later.
 */
export function useAfterDelay(active: boolean, delay: number): boolean {
  const [elapsed, setElapsed] = useState(false)
  useEffect(() => {
    if (!active) return
    const timer = setTimeout(() => setElapsed(true), delay)
    // The next wait starts over.
    return () => {
      clearTimeout(timer)
      setElapsed(false)
    }
  }, [active, delay])
  return active && elapsed
}
