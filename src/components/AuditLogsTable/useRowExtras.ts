import { useEffect, useState } from 'react'

type RowExtras = typeof import('./rowExtras')

// Once loaded, a table drawn later has them from its first render.
let loaded: RowExtras | undefined

/**
 * The rows' extras (relative times, day labels, actor marks, filling the host's height), loaded after the first
 * render so that the first download stays small; until they arrive the rows show plain times and names.
 */
export function useRowExtras(): RowExtras | undefined {
  const [extras, setExtras] = useState(loaded)
  useEffect(() => {
    if (extras) return
    let live = true
    void import('./rowExtras').then((module) => {
      loaded = module
      if (live) setExtras(module)
    })
    return () => {
      live = false
    }
  }, [extras])
  return extras
}
