import type { AuditField } from './types'

/**
 * The data structure with a saved view's columns laid over it: the named fields shown, in the view's order,
 * every other field kept but not shown. Only what the table shows changes; the stored data structure does not.
 * A view naming none of today's fields (all renamed or removed since) leaves the columns as they are, never an
 * empty table.
 */
export function withColumns<TField extends Pick<AuditField<never>, 'key' | 'shown'>>(
  fields: readonly TField[],
  columns: readonly string[] | null,
): readonly TField[] {
  if (!columns) return fields
  const order = new Map(columns.map((key, index) => [key, index]))
  const place = (field: TField): number => order.get(field.key) ?? -1
  const listed = fields.filter((field) => place(field) >= 0).sort((a, b) => place(a) - place(b))
  if (listed.length === 0) return fields
  const rest = fields.filter((field) => place(field) < 0)
  return [...listed.map((field) => ({ ...field, shown: true })), ...rest.map((field) => ({ ...field, shown: false }))]
}

/** The keys of the fields shown as columns, in order: what a saved view keeps of the columns. */
export const shownKeys = (fields: readonly Pick<AuditField<never>, 'key' | 'shown'>[]): string[] =>
  fields.filter((field) => field.shown !== false).map((field) => field.key)

/** A view's columns as an overlay of the data structure (`withColumns`); `null` for a view without columns. */
export const overlayOf = (columns: readonly string[] | undefined) =>
  columns
    ? { lay: <TField extends Pick<AuditField<never>, 'key' | 'shown'>>(fields: readonly TField[]): readonly TField[] => withColumns(fields, columns) }
    : null
