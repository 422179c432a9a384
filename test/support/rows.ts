/** The table row of an event (rows carry `data-event-id`); throws when it is not drawn. */
export function rowOf(id: string): HTMLElement {
  const row = document.querySelector<HTMLElement>(`tr[data-event-id="${id}"]`)
  if (!row) throw new Error(`no row for ${id}`)
  return row
}
