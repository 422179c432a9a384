import { type KeyboardEvent, type RefObject, useCallback, useEffect, useRef, useState } from 'react'

const rowSelector = (id: string): string => `tr[data-event-id="${CSS.escape(id)}"]`

interface RowNavigation {
  tbodyRef: RefObject<HTMLTableSectionElement | null>
  /** The row that takes the table's single tab stop. */
  activeId: string | undefined
  onRowFocus: (id: string) => void
  onRowKeyDown: (event: KeyboardEvent<HTMLTableRowElement>, id: string) => void
  focusRow: (id: string) => boolean
}

/**
 * Rows as one tab stop (roving tabindex): arrows, Home and End move between rows, Enter and Space open
 * the focused row's event.
 */
export function useRowNavigation(ids: readonly string[], open: (id: string) => void): RowNavigation {
  const tbodyRef = useRef<HTMLTableSectionElement>(null)
  const [focusedId, setFocusedId] = useState<string>()
  const activeId = focusedId !== undefined && ids.includes(focusedId) ? focusedId : ids[0]

  const focusRow = useCallback((id: string): boolean => {
    const row = tbodyRef.current?.querySelector<HTMLTableRowElement>(rowSelector(id))
    if (!row) return false
    setFocusedId(id)
    row.focus()
    return true
  }, [])

  // Keep the latest ids for the key handler without re-creating it on every page.
  const idsRef = useRef(ids)
  useEffect(() => {
    idsRef.current = ids
  }, [ids])

  const onRowKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTableRowElement>, id: string) => {
      if (event.target !== event.currentTarget) return // keys inside a cell's own controls stay theirs
      const list = idsRef.current
      const index = list.indexOf(id)
      const move: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: list.length - 1, PageDown: index + 10, PageUp: index - 10 }
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault()
        open(id)
      } else if (event.key in move) {
        event.preventDefault()
        const target = list[Math.max(0, Math.min(list.length - 1, move[event.key] ?? index))]
        if (target !== undefined) focusRow(target)
      }
    },
    [open, focusRow],
  )

  return { tbodyRef, activeId, onRowFocus: setFocusedId, onRowKeyDown, focusRow }
}
