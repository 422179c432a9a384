import { type KeyboardEvent, useEffect, useRef, useState } from 'react'

import { useAuditLogsContext } from '../AuditLogsProvider/context'

export interface TextSearchProps {
  className?: string
  /** Milliseconds of quiet typing before the search runs. Defaults to `300`. */
  debounce?: number
}

/** Free text over every value of an event: runs after a pause in typing, or at once on Enter. */
export function TextSearch({ className, debounce = 300 }: TextSearchProps) {
  const { messages, search, setSearch, tenantId } = useAuditLogsContext('TextSearch')
  const applied = search.search ?? ''
  const [text, setText] = useState(applied)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  // The applied search can change from outside (URL, host, Clear): show it.
  const [lastApplied, setLastApplied] = useState(applied)
  if (applied !== lastApplied) {
    setLastApplied(applied)
    setText(applied)
  }

  const apply = (value: string): void => {
    clearTimeout(timer.current)
    const trimmed = value.trim()
    setSearch(({ search: _previous, ...rest }) => (trimmed ? { ...rest, search: trimmed } : rest))
  }

  // Text typed for one tenant is not searched for the next one.
  useEffect(() => () => clearTimeout(timer.current), [tenantId])

  const onChange = (value: string): void => {
    setText(value)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => apply(value), debounce)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault()
      apply(text)
    }
  }

  return (
    <input
      type="search"
      className={['ral-input ral-text-search', className].filter(Boolean).join(' ')}
      aria-label={messages.textSearchLabel}
      placeholder={messages.textSearchLabel}
      value={text}
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={onKeyDown}
    />
  )
}
