import { type SubmitEvent, useId, useState } from 'react'

import { FIELD_TYPES } from '../../core/fieldTypes'
import { fieldLabel } from '../../core/fields'
import type { AuditLogsMessages } from '../../core/messages'
import { checkNewField, newCustomField, type NewFieldInput, type NewFieldProblem } from '../../core/newField'
import type { AuditField } from '../../core/types'
import { SelectField } from '../SelectField/SelectField'

const EMPTY: NewFieldInput = { key: '', label: '', type: 'text' }

interface AddFieldFormProps {
  fields: readonly AuditField[]
  setFields: (fields: readonly AuditField[]) => void
  messages: AuditLogsMessages
  announce: (text: string) => void
}

/** "+ Add field": a key or dot path, a label and a type, checked before the field joins the structure. */
export function AddFieldForm({ fields, setFields, messages, announce }: AddFieldFormProps) {
  const [draft, setDraft] = useState<NewFieldInput>(EMPTY)
  const [problem, setProblem] = useState<NewFieldProblem | null>(null)
  const id = useId()

  const onAdd = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault()
    const found = checkNewField(draft, fields)
    setProblem(found)
    if (found) return
    const field = newCustomField(draft)
    setFields([...fields, field])
    announce(messages.fieldAdded(fieldLabel(field, messages.fieldLabels)))
    setDraft(EMPTY)
  }

  const problemId = `${id}-problem`
  const keyProblem = problem === 'empty-key' || problem === 'invalid-path' || problem === 'duplicate-key'
  return (
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
