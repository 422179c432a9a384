import { type KeyboardEvent, type PointerEvent, useId, useRef, useState } from 'react'

import { fieldLabel, isExported, isShown } from '../../core/fields'
import type { AuditLogsMessages } from '../../core/messages'
import { moveField } from '../../core/newField'
import type { AuditField } from '../../core/types'

interface FieldTableProps {
  fields: readonly AuditField[]
  setFields: (fields: readonly AuditField[]) => void
  messages: AuditLogsMessages
  /** Why a field's Hidden switch cannot be turned off here (the host's code hides it), or nothing. */
  lockedReason: (field: AuditField) => string | undefined
  /** Says something to screen readers (a move, in words). */
  announce: (text: string) => void
}

/** Where a drag would put its field: the first row whose middle is below the pointer, or after the last. */
function slotAt(body: HTMLTableSectionElement, clientY: number): number {
  const rows = [...body.rows]
  const found = rows.findIndex((row) => {
    const box = row.getBoundingClientRect()
    return clientY < box.top + box.height / 2
  })
  return found === -1 ? rows.length : found
}

/**
 * The fields as a compact table: column headers once, a switch per setting (each named with its field for
 * screen readers), and a handle that reorders by dragging or with the arrow keys, each move said aloud.
 */
export function FieldTable({ fields, setFields, messages, lockedReason, announce }: FieldTableProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const dragFrom = useRef<number | null>(null)
  // The slot a drag would drop into, drawn as a line between rows.
  const [dropSlot, setDropSlot] = useState<number | null>(null)
  const hintId = useId()
  const labelOf = (field: AuditField): string => fieldLabel(field, messages.fieldLabels)

  const update = (index: number, patch: Partial<AuditField>): void => {
    setFields(fields.map((field, at) => (at === index ? { ...field, ...patch } : field)))
  }

  const moveTo = (from: number, to: number): void => {
    const field = fields[from]
    if (!field || to === from || to < 0 || to >= fields.length) return
    setFields(moveField(fields, from, to - from))
    announce(messages.fieldMoved(labelOf(field), to + 1, fields.length))
    // A moved row's node is taken out and put back, which drops its focus: the handle gets it again.
    requestAnimationFrame(() => bodyRef.current?.rows[to]?.querySelector<HTMLButtonElement>('.ral-drag-handle')?.focus())
  }

  const onHandleKey = (event: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const step = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0
    if (step === 0) return
    event.preventDefault()
    moveTo(index, index + step)
  }

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>, index: number): void => {
    if (event.button !== 0) return
    event.currentTarget.setPointerCapture(event.pointerId)
    dragFrom.current = index
  }
  const onPointerMove = (event: PointerEvent<HTMLButtonElement>): void => {
    if (dragFrom.current !== null && bodyRef.current) setDropSlot(slotAt(bodyRef.current, event.clientY))
  }
  const onPointerUp = (event: PointerEvent<HTMLButtonElement>): void => {
    const from = dragFrom.current
    dragFrom.current = null
    setDropSlot(null)
    if (from === null || !bodyRef.current) return
    const slot = slotAt(bodyRef.current, event.clientY)
    // Taking the field out first shifts every slot below it up by one.
    moveTo(from, slot > from ? slot - 1 : slot)
  }
  const onPointerCancel = (): void => {
    dragFrom.current = null
    setDropSlot(null)
  }

  const toggle = (label: string, field: string, checked: boolean, onChange: (checked: boolean) => void, locked?: string) => (
    <td className="ral-settings-cell">
      <input
        type="checkbox"
        role="switch"
        className="ral-toggle"
        aria-label={`${label}: ${field}`}
        title={locked}
        checked={checked}
        disabled={locked !== undefined}
        aria-description={locked}
        onChange={(event) => onChange(event.target.checked)}
      />
    </td>
  )

  return (
    <>
      <table className="ral-settings-table">
        <thead>
          <tr>
            <th scope="col">{messages.settingsFieldColumn}</th>
            <th scope="col">{messages.settingsShownColumn}</th>
            <th scope="col">{messages.settingsExportedColumn}</th>
            <th scope="col">{messages.settingsHiddenColumn}</th>
          </tr>
        </thead>
        <tbody ref={bodyRef}>
          {fields.map((field, index) => {
            const label = labelOf(field)
            const drop = dropSlot === index ? 'before' : dropSlot === fields.length && index === fields.length - 1 ? 'after' : undefined
            return (
              <tr key={field.key} className="ral-settings-row" data-key={field.key} data-drop={drop}>
                <th scope="row" className="ral-settings-field">
                  <div className="ral-settings-fieldline">
                    <button
                      type="button"
                      className="ral-icon-button ral-drag-handle"
                      aria-label={messages.reorderField(label)}
                      aria-describedby={hintId}
                      onKeyDown={(event) => onHandleKey(event, index)}
                      onPointerDown={(event) => onPointerDown(event, index)}
                      onPointerMove={onPointerMove}
                      onPointerUp={onPointerUp}
                      onPointerCancel={onPointerCancel}
                    >
                      <span aria-hidden="true">⠿</span>
                    </button>
                    <span className="ral-settings-name">
                      <span className="ral-settings-label" title={label}>
                        {label}
                      </span>
                      <span className="ral-settings-key ral-ltr" title={field.key}>
                        {field.key}
                      </span>
                    </span>
                    {field.custom ? (
                      <button
                        type="button"
                        className="ral-icon-button"
                        aria-label={messages.removeField(label)}
                        title={messages.removeField(label)}
                        onClick={() => setFields(fields.filter((_field, at) => at !== index))}
                      >
                        <span aria-hidden="true">×</span>
                      </button>
                    ) : null}
                  </div>
                </th>
                {toggle(messages.shownInTable, label, isShown(field), (shown) => update(index, { shown }))}
                {toggle(messages.includedInDownload, label, isExported(field), (exported) => update(index, { exported }))}
                {toggle(
                  messages.hiddenFromViewers,
                  label,
                  Boolean(field.sensitive),
                  (hidden) => update(index, { sensitive: hidden ? 'personal' : false }),
                  // What code hides stays hidden: the server ignores a stored configuration that would unmark it.
                  lockedReason(field),
                )}
              </tr>
            )
          })}
        </tbody>
      </table>
      <p id={hintId} className="ral-visually-hidden">
        {messages.reorderHint}
      </p>
    </>
  )
}
