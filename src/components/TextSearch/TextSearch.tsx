import { type ChangeEvent, type ComponentPropsWithRef, type KeyboardEvent, useEffect, useRef, useState } from 'react'

import { useViewerConfig, useViewerSearch } from '../AuditLogsProvider/context'

/** Any prop of the input element (`className` is added, handlers run before its own); its text is the part's. */
export interface TextSearchProps extends Omit<ComponentPropsWithRef<'input'>, 'type' | 'value' | 'defaultValue'> {
  /** Milliseconds of quiet typing before the search runs. Defaults to `300`. */
  debounce?: number
}

/** Free text over every value of an event: runs after a pause in typing, or at once on Enter. */
export function TextSearch({ className, debounce = 300, onChange: onChangeProp, onKeyDown: onKeyDownProp, ...props }: TextSearchProps) {
  const { messages, tenantId } = useViewerConfig('TextSearch')
  const { search, setSearch } = useViewerSearch('TextSearch')
  const applied = search.search ?? ''
  const [text, setText] = useState(applied)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  // The applied search can change from outside (URL, host, Clear): show it. Its own search coming back is not
  // shown over the text: on a busy page the person may have typed on since the pause that applied it.
  const [lastApplied, setLastApplied] = useState(applied)
  const [sent, setSent] = useState<string | null>(null)
  if (applied !== lastApplied) {
    setLastApplied(applied)
    if (applied !== sent) {
      setText(applied)
      setSent(null)
    }
  }

  const apply = (value: string): void => {
    clearTimeout(timer.current)
    const trimmed = value.trim()
    setSent(trimmed)
    setSearch(({ search: _previous, ...rest }) => (trimmed ? { ...rest, search: trimmed } : rest))
  }

  // Text typed for one tenant is not searched for the next one.
  useEffect(() => () => clearTimeout(timer.current), [tenantId])

  // The host's handlers run first; its preventDefault() on a key stops the part's own (Enter searching).
  const onChange = (event: ChangeEvent<HTMLInputElement>): void => {
    onChangeProp?.(event)
    const { value } = event.target
    setText(value)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => apply(value), debounce)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    onKeyDownProp?.(event)
    if (event.key === 'Enter' && !event.defaultPrevented) {
      event.preventDefault()
      apply(text)
    }
  }

  return (
    <input
      aria-label={messages.textSearchLabel}
      placeholder={messages.textSearchLabel}
      {...props}
      type="search"
      className={['ral-input ral-text-search', className].filter(Boolean).join(' ')}
      value={text}
      onChange={onChange}
      onKeyDown={onKeyDown}
    />
  )
}
