import { type SubmitEvent, useId, useRef, useState } from 'react'

import { FIELD_TYPES } from '../../core/fieldTypes'
import { checkNewField, moveField, newCustomField, type NewFieldInput, type NewFieldProblem } from '../../core/newField'
import { fieldLabel, isExported, isShown } from '../../core/fields'
import type { AuditField } from '../../core/types'
import { useAuditLogsContext } from '../AuditLogsProvider/context'
import { useAllMessages } from '../AuditLogsProvider/useAllMessages'
import { useErrorText } from '../ErrorNotice/ErrorNotice'
import { SelectField } from '../SelectField/SelectField'

export interface FieldSettingsProps {
  className?: string
}

const EMPTY: NewFieldInput = { key: '', label: '', type: 'text' }

/**
 * The data-structure panel: each field with two switches (shown in the table, included in the download),
 * keyboard reordering, removal of custom fields, and "+ Add field" with validation. Changes apply to the
 * table at once; Save stores them through the adapter when it can.
 */
export function FieldSettings({ className }: FieldSettingsProps) {
  const { fieldConfig, messages: provided } = useAuditLogsContext('FieldSettings')
  const messages = useAllMessages(provided)
  const { fields, setFields } = fieldConfig
  const labelOf = (field: AuditField): string => fieldLabel(field, messages.fieldLabels)
  const saveErrorText = useErrorText(fieldConfig.saveError, 'field-config')
  const [announcement, setAnnouncement] = useState('')
  const [draft, setDraft] = useState<NewFieldInput>(EMPTY)
  const [problem, setProblem] = useState<NewFieldProblem | null>(null)
  const listRef = useRef<HTMLOListElement>(null)
  const id = useId()

  const update = (index: number, patch: Partial<AuditField>): void => {
    setFields(fields.map((field, at) => (at === index ? { ...field, ...patch } : field)))
  }

  const move = (index: number, delta: -1 | 1): void => {
    const field = fields[index]
    if (!field) return
    const next = moveField(fields, index, delta)
    const position = next.indexOf(field)
    setFields(next)
    setAnnouncement(messages.fieldMoved(labelOf(field), position + 1, next.length))
    // Keep focus on the same button of the moved field, wherever it went.
    requestAnimationFrame(() => {
      const item = listRef.current?.children[position]
      const button =
        item?.querySelector<HTMLButtonElement>(`button[data-move="${delta}"]:not(:disabled)`) ??
        item?.querySelector<HTMLButtonElement>('button[data-move]:not(:disabled)')
      button?.focus()
    })
  }

  const remove = (index: number): void => {
    setFields(fields.filter((_field, at) => at !== index))
  }

  const onAdd = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const found = checkNewField(draft, fields)
    setProblem(found)
    if (found) return
    const field = newCustomField(draft)
    setFields([...fields, field])
    setAnnouncement(messages.fieldAdded(labelOf(field)))
    setDraft(EMPTY)
  }

  const problemId = `${id}-problem`
  const keyProblem = problem === 'empty-key' || problem === 'invalid-path' || problem === 'duplicate-key'

  return (
    <section className={['ral-settings', className].filter(Boolean).join(' ')} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="ral-settings-title">
        {messages.settingsTitle}
      </h2>
      <ol ref={listRef} className="ral-settings-list">
        {fields.map((field, index) => (
          <li key={field.key} className="ral-settings-item">
            <span className="ral-settings-label">
              {labelOf(field)} <span className="ral-muted">{field.key}</span>
            </span>
            <Switch label={messages.shownInTable} checked={isShown(field)} onChange={(shown) => update(index, { shown })} />
            <Switch label={messages.includedInDownload} checked={isExported(field)} onChange={(exported) => update(index, { exported })} />
            <Switch
              label={messages.hiddenFromViewers}
              checked={Boolean(field.sensitive)}
              // What code hides stays hidden: the server ignores a stored configuration that would unmark it.
              lockedReason={fieldConfig.sensitiveInCode(field.key) ? messages.hiddenByCode : undefined}
              onChange={(hidden) => update(index, { sensitive: hidden ? 'personal' : false })}
            />
            <span className="ral-settings-actions">
              <button
                type="button"
                className="ral-button ral-button--small"
                data-move="-1"
                aria-label={messages.moveUp(labelOf(field))}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="ral-button ral-button--small"
                data-move="1"
                aria-label={messages.moveDown(labelOf(field))}
                disabled={index === fields.length - 1}
                onClick={() => move(index, 1)}
              >
                ↓
              </button>
              {field.custom ? (
                <button
                  type="button"
                  className="ral-button ral-button--small"
                  aria-label={messages.removeField(labelOf(field))}
                  onClick={() => remove(index)}
                >
                  ×
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
      <p className="ral-visually-hidden" role="status">
        {announcement}
      </p>
      <form className="ral-add-field" aria-labelledby={`${id}-add`} onSubmit={onAdd} noValidate>
        <h3 id={`${id}-add`}>{messages.addFieldHeading}</h3>
        <TextField
          label={messages.newFieldKey}
          value={draft.key}
          onChange={(key) => setDraft({ ...draft, key })}
          problemId={keyProblem ? problemId : undefined}
          placeholder="payload.plan"
        />
        <TextField
          label={messages.newFieldLabel}
          value={draft.label}
          onChange={(label) => setDraft({ ...draft, label })}
          problemId={problem === 'empty-label' ? problemId : undefined}
        />
        <SelectField
          label={messages.newFieldType}
          value={draft.type}
          choices={FIELD_TYPES}
          textOf={(type) => messages.fieldTypes[type]}
          onChange={(type) => setDraft({ ...draft, type })}
        />
        <button type="submit" className="ral-button">
          {messages.addField}
        </button>
        {problem ? (
          <p id={problemId} className="ral-form-problem" role="alert">
            {messages.newFieldProblems[problem]}
          </p>
        ) : null}
      </form>
      {fieldConfig.canSave ? (
        <div className="ral-settings-save">
          <button type="button" className="ral-button ral-button--primary" onClick={fieldConfig.save} disabled={fieldConfig.saveStatus === 'saving'}>
            {fieldConfig.saveStatus === 'saving' ? messages.savingFields : messages.saveFields}
          </button>
          <span role="status">{fieldConfig.saveStatus === 'saved' ? messages.savedFields : ''}</span>
          {fieldConfig.saveStatus === 'failed' ? (
            <p className="ral-form-problem" role="alert">
              {messages.saveFieldsFailed} {saveErrorText} {messages.editsKept}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}

/** A checkbox that reads as an on/off switch. */
function Switch({
  label,
  checked,
  onChange,
  lockedReason,
}: {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  /** Why the switch cannot be changed here, when it cannot. */
  lockedReason?: string | undefined
}) {
  return (
    <label className="ral-switch" title={lockedReason}>
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={lockedReason !== undefined}
        aria-description={lockedReason}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>{label}</span>
    </label>
  )
}

interface TextFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  /** The id of the message that says what is wrong with the value, when something is. */
  problemId: string | undefined
  placeholder?: string
}

/** A labelled text input, marked invalid and described by its problem when it has one. */
function TextField({ label, value, onChange, problemId, placeholder }: TextFieldProps) {
  return (
    <label className="ral-field">
      <span>{label}</span>
      <input
        className="ral-input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problemId !== undefined || undefined}
        aria-describedby={problemId}
        placeholder={placeholder}
      />
    </label>
  )
}
