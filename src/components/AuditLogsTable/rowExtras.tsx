/*
 * What a row shows beside its values, loaded after the first render (the table draws plain times and names
 * until it arrives): relative times that follow the clock, day labels, and the actor's mark.
 */
import { type ReactNode, useState, useSyncExternalStore } from 'react'

import { type ActorKind, actorKind, avatarUrl, initials } from '../../core/actor'
import { readValue } from '../../core/fields'
import type { FormatOptions } from '../../core/format'
import type { ProvidedMessages } from '../../core/messages'
import { dayLabel, dayNumber, exactTime, relativeTime, saysAgo } from '../../core/relativeTime'
import { rowMessages } from '../../core/rowMessages'
import { toEpochMs } from '../../core/time'
import type { AuditEvent, AuditField } from '../../core/types'

export { observeFill } from './fillHeight'

const MINUTE = 60_000
/** How often the clock is read: a minute's change shows within this, and no row re-renders in between. */
const TICK = 15_000

const listeners = new Set<() => void>()
let timer: ReturnType<typeof setInterval> | undefined
let minute = Math.floor(Date.now() / MINUTE)

/** One interval for every time on the page, running only while one is shown; it wakes them once a minute. */
function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  timer ??= setInterval(() => {
    const now = Math.floor(Date.now() / MINUTE)
    if (now === minute) return
    minute = now
    for (const wake of listeners) wake()
  }, TICK)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer)
      timer = undefined
    }
  }
}

/** The current minute, as epoch ms: the time every relative time on the page is counted from. */
export function useMinute(): number {
  return useSyncExternalStore(subscribe, () => Math.floor(Date.now() / MINUTE) * MINUTE)
}

/**
 * A time cell that says how long ago ("3 minutes ago", "Yesterday 14:02"), in digits of one width. The exact
 * time (and the ISO instant) is its title (hover), follows it for screen readers, and takes its place while the row has the focus.
 */
export function RelativeTime({ ms, format }: { ms: number; format: FormatOptions }) {
  const now = useMinute()
  const exact = exactTime(ms, format.locale, format.timeZone)
  const iso = new Date(ms).toISOString()
  // A span back from now ("3 minutes ago") needs no zone; a card says it after any other time.
  return (
    <time className="ral-value ral-value--datetime ral-time" dateTime={iso} title={`${exact}\n${iso}`}>
      <span className="ral-time-relative" data-ago={saysAgo(ms, now, format.timeZone) || undefined}>
        {relativeTime(ms, now, format.locale, format.timeZone)}
      </span>
      <span className="ral-visually-hidden">, </span>
      <span className="ral-time-exact ral-visually-hidden">{exact}</span>
    </time>
  )
}

/**
 * The time column's cell: relative (unless the host asks for `absolute` times or formats the field itself), with
 * the day's label on a day's first row; `children` is the plain value, shown when the time cannot be read.
 */
export function TimeCell<TEvent extends AuditEvent>({
  event,
  field,
  format,
  relative,
  dayStart,
  children,
}: {
  event: TEvent
  field: AuditField<TEvent> | undefined
  format: FormatOptions
  relative: boolean
  dayStart: boolean | undefined
  children: ReactNode
}) {
  const ms = timeOf(field, event)
  if (ms === null) return children
  return (
    <>
      {dayStart ? <DayLabel ms={ms} format={format} /> : null}
      {relative && !field?.format ? <RelativeTime ms={ms} format={format} /> : children}
    </>
  )
}

/** The label of a row that starts a day ("Today", "Yesterday", "Fri, Dec 4"), on the line above it; seen, not read (the time cell says the date). */
export function DayLabel({ ms, format }: { ms: number; format: FormatOptions }) {
  const now = useMinute()
  return (
    <span className="ral-day-label" aria-hidden="true">
      {dayLabel(ms, now, format.locale, format.timeZone)}
    </span>
  )
}

/** An event's time in the time column, as epoch ms; `null` when it has none the viewer can read. */
const timeOf = <TEvent extends AuditEvent>(field: AuditField<TEvent> | undefined, event: TEvent | undefined): number | null =>
  field && event ? toEpochMs(readValue(field, event).value) : null

/**
 * Whether the event at `at` starts a new day in the viewer's zone: the one before it, when held, is of another
 * day. Its first row carries the day's label. Only while rows are in time order (`sortedBy` is the time field's
 * key, or nothing: the adapter's order, newest first).
 */
export function startsDay<TEvent extends AuditEvent>(
  events: readonly TEvent[],
  at: number,
  field: AuditField<TEvent> | undefined,
  timeZone: string | undefined,
  sortedBy: string | undefined,
): boolean {
  if (sortedBy !== undefined && sortedBy !== field?.key) return false
  const ms = timeOf(field, events[at])
  const before = at > 0 ? timeOf(field, events[at - 1]) : null
  return ms !== null && before !== null && dayNumber(ms, timeZone) !== dayNumber(before, timeZone)
}

// Stroked 16 × 16 glyphs, drawn by React; the mark around them carries the words.
const GLYPHS: Record<ActorKind, string> = {
  person: 'M8 8a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM3 13.5c.5-2.5 2.5-3.75 5-3.75s4.5 1.25 5 3.75',
  'api-key': 'M8.4 7.6 2.5 13.5M4.5 11.5 6 13M6.2 9.8l1.5 1.5M13.5 5.5a3 3 0 1 1-6 0 3 3 0 0 1 6 0Z',
  system: 'M2.5 3h11v4.25h-11ZM2.5 8.75h11V13h-11ZM5 5.1h.01M5 10.9h.01',
}

const WORDS = { person: 'actorPerson', 'api-key': 'actorApiKey', system: 'actorSystem' } as const

function Glyph({ kind }: { kind: ActorKind }) {
  return (
    <svg className="ral-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={GLYPHS[kind]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}

/**
 * An actor's cell with a mark before the name: a person's avatar (only from the address the name field's
 * `avatar` names) or initials; a key for an API key, a rack for the system. The mark says the kind in words.
 */
export function ActorCell<TEvent extends AuditEvent>({
  event,
  field,
  messages,
  children,
}: {
  event: TEvent
  field: AuditField<TEvent> | undefined
  messages: ProvidedMessages
  children: ReactNode
}) {
  const [broken, setBroken] = useState<string>()
  // A card's "who" may be any user field: only a name (text, not a user agent) gets a mark.
  if (!field || (field.type ?? 'text') !== 'text' || /agent/i.test(field.key)) return children
  const kind = actorKind(event, field)
  const name = readValue(field, event).value
  const letters = kind === 'person' && typeof name === 'string' ? initials(name) : ''
  const avatar = kind === 'person' && field.avatar ? avatarUrl(readValue({ key: field.avatar, label: '' }, event).value) : undefined
  const words = messages[WORDS[kind]] ?? rowMessages[WORDS[kind]]
  return (
    <span className="ral-actor-cell">
      <span className={`ral-actor-mark ral-actor-mark--${kind}`} role="img" aria-label={words} title={words}>
        {avatar && broken !== avatar ? (
          <img
            src={avatar}
            alt=""
            width={24}
            height={24}
            loading="lazy"
            decoding="async"
            referrerPolicy="no-referrer"
            onError={() => setBroken(avatar)}
          />
        ) : letters ? (
          letters
        ) : (
          <Glyph kind={kind} />
        )}
      </span>
      {children}
    </span>
  )
}
