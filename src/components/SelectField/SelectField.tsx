export interface SelectFieldProps<TChoice extends string> {
  label: string
  value: TChoice
  choices: readonly TChoice[]
  /** The text a person reads for a choice. */
  textOf: (choice: TChoice) => string
  onChange: (choice: TChoice) => void
}

/** A labelled native `<select>` of a few choices: a preset, a field, a type. */
export function SelectField<TChoice extends string>({ label, value, choices, textOf, onChange }: SelectFieldProps<TChoice>) {
  return (
    <label className="ral-field">
      <span>{label}</span>
      <select className="ral-select" value={value} onChange={(event) => onChange(event.target.value as TChoice)}>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {textOf(choice)}
          </option>
        ))}
      </select>
    </label>
  )
}
