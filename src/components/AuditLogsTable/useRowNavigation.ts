import { type KeyboardEvent, type RefObject, useCallback, useEffect, useRef, useState } from 'react'

const rowSelector = (id: string): string => `tr[data-event-id="${CSS.escape(id)}"]`

interface RowNavigationOptions {
  /** How many rows there are. */
  count: number
  /** The id of the row at an index. */
  idAt: (index: number) => string | undefined
  /** Ids of the rows in the DOM (the rest are virtualised away), from index `firstRendered` on. */
  renderedIds: readonly string[]
  firstRendered: number
  open: (id: string) => void
  /** Brings a row into the rendered window. */
  scrollToIndex: (index: number) => void
}

interface RowNavigation {
  tbodyRef: RefObject<HTMLTableSectionElement | null>
  /** The row that takes the table's single tab stop. */
  activeId: string | undefined
  onRowFocus: (id: string) => void
  onRowKeyDown: (event: KeyboardEvent<HTMLTableRowElement>, id: string) => void
  focusRow: (id: string) => boolean
}

/**
 * Rows as one tab stop (roving tabindex): arrows, Page Up/Down, Home and End move between rows, scrolling
 * virtualised rows into the DOM first; Enter and Space open the focused row's event.
 */
export function useRowNavigation({ count, idAt, renderedIds, firstRendered, open, scrollToIndex }: RowNavigationOptions): RowNavigation {
  const tbodyRef = useRef<HTMLTableSectionElement>(null)
  const [focusedId, setFocusedId] = useState<string>()
  const pendingFocus = useRef<string | null>(null)
  const activeId = focusedId !== undefined && renderedIds.includes(focusedId) ? focusedId : renderedIds[0]

  // Rows are found by index without a list of every id: at 100,000 loaded events, building one on each page
  // that arrives cost more than the page itself. A rendered row's index is known; any other is searched for.
  const rowsRef = useRef({ count, idAt, renderedIds, firstRendered })
  useEffect(() => {
    rowsRef.current = { count, idAt, renderedIds, firstRendered }
  }, [count, idAt, renderedIds, firstRendered])
  const indexOf = useCallback((id: string): number => {
    const rows = rowsRef.current
    const rendered = rows.renderedIds.indexOf(id)
    if (rendered >= 0) return rows.firstRendered + rendered
    for (let index = 0; index < rows.count; index += 1) if (rows.idAt(index) === id) return index
    return -1
  }, [])

  const focusRow = useCallback(
    (id: string): boolean => {
      const row = tbodyRef.current?.querySelector<HTMLTableRowElement>(rowSelector(id))
      setFocusedId(id)
      if (row) {
        row.focus()
        return true
      }
      const index = indexOf(id)
      if (index < 0) return false
      // Not rendered: scroll it in, and focus it once it is drawn.
      pendingFocus.current = id
      scrollToIndex(index)
      return true
    },
    [scrollToIndex, indexOf],
  )

  useEffect(() => {
    const id = pendingFocus.current
    if (id === null) return
    const row = tbodyRef.current?.querySelector<HTMLTableRowElement>(rowSelector(id))
    if (row) {
      pendingFocus.current = null
      row.focus()
    }
  })

  const onRowKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTableRowElement>, id: string) => {
      if (event.target !== event.currentTarget) return // keys inside a cell's own controls stay theirs
      const { count: rowCount, idAt: rowId } = rowsRef.current
      const index = indexOf(id)
      const move: Record<string, number> = {
        ArrowDown: index + 1,
        ArrowUp: index - 1,
        Home: 0,
        End: rowCount - 1,
        PageDown: index + 10,
        PageUp: index - 10,
      }
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault()
        open(id)
      } else if (event.key in move) {
        event.preventDefault()
        const target = rowId(Math.max(0, Math.min(rowCount - 1, move[event.key] ?? index)))
        if (target !== undefined) focusRow(target)
      }
    },
    [open, focusRow, indexOf],
  )

  return { tbodyRef, activeId, onRowFocus: setFocusedId, onRowKeyDown, focusRow }
}
