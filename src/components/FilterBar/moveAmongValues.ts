import type { KeyboardEvent } from 'react'

/**
 * Arrow keys among a value list's buttons, as in a list of suggestions: Down from the value's input goes to the
 * first value, Down and Up go from value to value (Up from the first back to the input), Home and End to the
 * first and last value. The buttons stay in the Tab order too; a key the list does not use is left alone.
 */
export function moveAmongValues(event: KeyboardEvent<HTMLElement>, list: HTMLElement | null, input: HTMLInputElement | null): void {
  const options = [...(list?.querySelectorAll<HTMLButtonElement>('button') ?? [])]
  if (options.length === 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
  const at = options.indexOf(event.target as HTMLButtonElement)
  const next = nextFocus(event.key, at, options, input)
  if (!next) return
  event.preventDefault()
  next.focus()
}

function nextFocus(key: string, at: number, options: readonly HTMLElement[], input: HTMLInputElement | null): HTMLElement | null | undefined {
  // From the input only Down moves: Home and End there stay the caret's.
  if (at < 0) return key === 'ArrowDown' ? options[0] : undefined
  if (key === 'ArrowDown') return options[Math.min(at + 1, options.length - 1)]
  if (key === 'ArrowUp') return at === 0 ? input : options[at - 1]
  if (key === 'Home') return options[0]
  if (key === 'End') return options.at(-1)
  return undefined
}
