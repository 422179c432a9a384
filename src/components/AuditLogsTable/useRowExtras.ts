import { useEffect, useState } from 'react'

type RowExtras = typeof import('./rowExtras')

// Once loaded, a table drawn later has them from its first render.
let loaded: RowExtras | undefined
// Asked for as soon as the table's code runs, before the first page's request: over a network they are there
// before the first rows. A chunk that cannot load (offline, a deploy that replaced it) leaves the rows plain,
// never an unhandled error.
const loading: Promise<RowExtras | undefined> = import('./rowExtras').then(
  (module) => (loaded = module),
  () => undefined,
)

/**
 * The rows' extras (relative times, day labels, actor marks, filling the host's height), loaded apart from the
 * first download so that it stays small; until they arrive the rows show plain times and names. Extras that
 * arrive are taken after the frame being drawn is painted: rows drawn meanwhile (an adapter that answers at once)
 * show first, rather than wait for a second render of them.
 */
export function useRowExtras(): RowExtras | undefined {
  const [extras, setExtras] = useState(loaded)
  // Setting the same module again, or after the table is gone, does nothing.
  useEffect(() => {
    void loading.then((module) => {
      if (module) requestAnimationFrame(() => setTimeout(() => setExtras(module)))
    })
  }, [])
  return extras
}
