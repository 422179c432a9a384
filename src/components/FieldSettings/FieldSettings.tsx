import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react'

import { countFieldChanges } from '../../core/fieldChanges'
import type { AuditField } from '../../core/types'
import { useViewerConfig } from '../AuditLogsProvider/context'
import { useAllMessages } from '../AuditLogsProvider/useAllMessages'
import { useErrorText } from '../ErrorNotice/ErrorNotice'
import { AddFieldForm } from './AddFieldForm'
import { FieldTable } from './FieldTable'

export interface FieldSettingsProps {
  className?: string
}

/**
 * The data-structure panel: the fields as a table of switches (shown in the table, included in the download,
 * hidden), reordered by dragging or the arrow keys, custom fields removable, and "+ Add field" with
 * validation. Changes apply to the table at once; Save, in a footer that stays in view, stores them through
 * the adapter when it can, and says how many are unsaved. Closing with unsaved changes asks first, however
 * it is closed: Cancel, Escape, or a click outside the panel (the panel comes back and asks).
 */
export function FieldSettings({ className }: FieldSettingsProps) {
  const { fieldConfig, messages: provided } = useViewerConfig('FieldSettings')
  const messages = useAllMessages(provided)
  const { fields, setFields } = fieldConfig
  const saveErrorText = useErrorText(fieldConfig.saveError, 'field-config')
  const [announcement, setAnnouncement] = useState('')
  const [confirming, setConfirming] = useState(false)
  // Each time the panel asks, its question is drawn afresh, so "Keep editing" takes the focus again.
  const [asked, setAsked] = useState(0)
  const sectionRef = useRef<HTMLElement>(null)
  // Set while the panel closes because the person chose to (Discard, or Cancel with nothing unsaved).
  const closing = useRef(false)
  const id = useId()
  // Only an adapter that stores the structure has anything unsaved: without one, edits are all there is.
  const unsaved = fieldConfig.canSave ? countFieldChanges(fieldConfig.baseline, fields) : 0

  const closePanel = (): void => {
    setConfirming(false)
    const panel = sectionRef.current?.closest<HTMLElement>('[popover]')
    closing.current = true
    if (panel?.matches(':popover-open')) panel.hidePopover()
    closing.current = false
  }
  const ask = useCallback((): void => {
    setConfirming(true)
    setAsked((count) => count + 1)
  }, [])
  const askToClose = (): void => {
    if (unsaved === 0) closePanel()
    else ask()
  }

  // The platform closes the panel on a click outside it (or when another panel opens), and that close cannot
  // be cancelled: with unsaved changes the panel opens again at once and asks, rather than hiding edits that
  // still shape the table.
  useEffect(() => {
    const panel = sectionRef.current?.closest<HTMLElement>('[popover]')
    if (!panel || unsaved === 0) return
    let dismissed = false
    const beforeToggle = (event: ToggleEvent): void => {
      if (event.newState === 'closed') dismissed = !closing.current
    }
    const toggle = (event: ToggleEvent): void => {
      if (event.newState !== 'closed' || !dismissed) return
      dismissed = false
      panel.showPopover()
      ask()
    }
    panel.addEventListener('beforetoggle', beforeToggle)
    panel.addEventListener('toggle', toggle)
    return () => {
      panel.removeEventListener('beforetoggle', beforeToggle)
      panel.removeEventListener('toggle', toggle)
    }
  }, [unsaved, ask])

  const discard = (): void => {
    fieldConfig.revert()
    closePanel()
  }
  // Esc closes the panel; with unsaved changes it asks first (a cancelled keydown is no close request).
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Escape' || unsaved === 0) return
    event.preventDefault()
    ask()
  }

  return (
    <section ref={sectionRef} className={['ral-settings', className].filter(Boolean).join(' ')} aria-labelledby={`${id}-title`} onKeyDown={onKeyDown}>
      <h2 id={`${id}-title`} className="ral-settings-title">
        {messages.settingsTitle}
      </h2>
      <FieldTable
        fields={fields}
        setFields={(next: readonly AuditField[]) => setFields(next)}
        messages={messages}
        lockedReason={(field) => (fieldConfig.sensitiveInCode(field.key) ? messages.hiddenByCode : undefined)}
        announce={setAnnouncement}
      />
      <p className="ral-visually-hidden" role="status">
        {announcement}
      </p>
      <AddFieldForm fields={fields} setFields={setFields} messages={messages} announce={setAnnouncement} />
      {fieldConfig.canSave ? (
        <div className="ral-settings-footer">
          {fieldConfig.saveStatus === 'failed' ? (
            <p className="ral-form-problem" role="alert">
              {messages.saveFieldsFailed} {saveErrorText} {messages.editsKept}
            </p>
          ) : null}
          {confirming ? (
            <ConfirmDiscard key={asked} count={unsaved} messages={messages} onKeep={() => setConfirming(false)} onDiscard={discard} />
          ) : (
            <div className="ral-settings-actions">
              <span className="ral-settings-unsaved" role="status">
                {fieldConfig.saveStatus === 'saved' && unsaved === 0 ? messages.savedFields : unsaved > 0 ? messages.unsavedChanges(unsaved) : ''}
              </span>
              <button type="button" className="ral-button" onClick={askToClose}>
                {messages.cancelEdits}
              </button>
              <button
                type="button"
                className="ral-button ral-button--primary"
                onClick={fieldConfig.save}
                disabled={fieldConfig.saveStatus === 'saving'}
              >
                {fieldConfig.saveStatus === 'saving' ? messages.savingFields : messages.saveFields}
              </button>
            </div>
          )}
        </div>
      ) : null}
    </section>
  )
}

interface ConfirmDiscardProps {
  count: number
  messages: ReturnType<typeof useAllMessages>
  onKeep: () => void
  onDiscard: () => void
}

/** "Discard 2 unsaved changes?": Keep editing (focused, the safe choice) or Discard. */
function ConfirmDiscard({ count, messages, onKeep, onDiscard }: ConfirmDiscardProps) {
  const id = useId()
  const keepRef = useRef<HTMLButtonElement>(null)
  useEffect(() => keepRef.current?.focus(), [])
  return (
    <div className="ral-settings-actions ral-settings-confirm" role="group" aria-labelledby={id}>
      <span id={id} className="ral-settings-unsaved">
        {messages.discardQuestion(count)}
      </span>
      <span className="ral-settings-answers">
        <button type="button" className="ral-button ral-button--primary" onClick={onKeep} ref={keepRef}>
          {messages.keepEditing}
        </button>
        <button type="button" className="ral-button" onClick={onDiscard}>
          {messages.discardEdits}
        </button>
      </span>
    </div>
  )
}
