import type { BucketSize } from './timeBuckets'

/** The timeline's strings; part of `AuditLogsMessages`, loaded with the timeline. */
export interface TimelineMessages {
  /** The timeline's show/hide button and the accessible name of its bars. */
  timelineLabel: string
  /** Beside the button: how long each bar is ("per hour", "per 5 minutes"). */
  timelineBucketSize: (size: BucketSize) => string
  /** A bar's name and tooltip: its span, its count (formatted) and its counts by value ("failed 3"). */
  timelineBar: (span: string, count: number, formatted: string, groups: string) => string
  /** How to pick a range without a mouse, read with the bars. */
  timelineKeys: string
  /** A split value that is missing on an event. */
  timelineNoValue: string
  /** Matching events before the first bar (an open range starts at the earliest). */
  timelineBefore: (count: number, formatted: string) => string
  /** Matching events after the last bar (new since the viewer opened). */
  timelineAfter: (count: number, formatted: string) => string
  timelineLoading: string
  timelineFailed: string
  timelineEmpty: string
  /** "Go to time": the button beside the timeline's and the name of its panel. */
  jumpLabel: string
  /** The date-and-time input, read in the viewer's zone. */
  jumpTime: string
  jumpSubmit: string
  /**
   * After a jump: the time, how many rows stay above it, formatted, and whether they are newer (newest first)
   * or older (oldest first).
   */
  jumpDone: (time: string, above: number, formatted: string, newer: boolean) => string
  /** While the rows up to the time load (a deep jump pages through the newer ones). */
  jumpLoading: string
  /** The time is not a date and time. */
  jumpInvalid: string
  /** The time lies outside the searched range. */
  jumpOutside: string
  /** No event at or before the time (newest first) or at or after it (oldest first). */
  jumpNone: (newestFirst: boolean) => string
  /** Counting or loading failed. */
  jumpFailed: string
}

const UNITS = {
  minute: ['minute', 'minutes'],
  hour: ['hour', 'hours'],
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
  year: ['year', 'years'],
}

/** The default English timeline strings. */
export const timelineMessages: TimelineMessages = {
  timelineLabel: 'Timeline',
  timelineBucketSize: ({ unit, step }) => (step === 1 ? `per ${UNITS[unit][0]}` : `per ${String(step)} ${UNITS[unit][1]}`),
  timelineBar: (span, count, formatted, groups) => `${span}: ${count === 1 ? '1 event' : `${formatted} events`}${groups ? ` (${groups})` : ''}`,
  timelineKeys: 'Arrow keys move between bars; Shift with an arrow selects several; Enter shows the selected time.',
  timelineNoValue: 'none',
  timelineBefore: (count, formatted) => `${count === 1 ? '1 event' : `${formatted} events`} earlier`,
  timelineAfter: (count, formatted) => `${count === 1 ? '1 event' : `${formatted} events`} later`,
  timelineLoading: 'Loading the timeline…',
  timelineFailed: 'The timeline could not be loaded.',
  timelineEmpty: 'No events in this time.',
  jumpLabel: 'Go to time',
  jumpTime: 'Date and time',
  jumpSubmit: 'Go',
  jumpDone: (time, above, formatted, newer) =>
    above === 0
      ? `Showing events from ${time}.`
      : `Showing events from ${time}; ${above === 1 ? '1 event' : `${formatted} events`} ${newer ? 'newer' : 'earlier'} above.`,
  jumpLoading: 'Finding that time…',
  jumpInvalid: 'Enter a date and a time.',
  jumpOutside: 'That time is outside the searched range: change the range first.',
  jumpNone: (newestFirst) => (newestFirst ? 'No events at or before that time.' : 'No events at or after that time.'),
  jumpFailed: 'That time could not be found. Try again.',
}

const UNITS_DE = {
  minute: ['Minute', 'Minuten'],
  hour: ['Stunde', 'Stunden'],
  day: ['Tag', 'Tage'],
  week: ['Woche', 'Wochen'],
  month: ['Monat', 'Monate'],
  year: ['Jahr', 'Jahre'],
}

/** German timeline strings. */
export const germanTimelineMessages: TimelineMessages = {
  timelineLabel: 'Zeitleiste',
  timelineBucketSize: ({ unit, step }) => (step === 1 ? `je ${UNITS_DE[unit][0]}` : `je ${String(step)} ${UNITS_DE[unit][1]}`),
  timelineBar: (span, count, formatted, groups) =>
    `${span}: ${count === 1 ? '1 Ereignis' : `${formatted} Ereignisse`}${groups ? ` (${groups})` : ''}`,
  timelineKeys: 'Pfeiltasten wechseln zwischen Balken; mit Umschalt wählen sie mehrere; Eingabe zeigt die gewählte Zeit.',
  timelineNoValue: 'keiner',
  timelineBefore: (count, formatted) => `${count === 1 ? '1 Ereignis' : `${formatted} Ereignisse`} früher`,
  timelineAfter: (count, formatted) => `${count === 1 ? '1 Ereignis' : `${formatted} Ereignisse`} später`,
  timelineLoading: 'Zeitleiste wird geladen…',
  timelineFailed: 'Die Zeitleiste konnte nicht geladen werden.',
  timelineEmpty: 'Keine Ereignisse in dieser Zeit.',
  jumpLabel: 'Zu Zeitpunkt',
  jumpTime: 'Datum und Uhrzeit',
  jumpSubmit: 'Los',
  jumpDone: (time, above, formatted, newer) =>
    above === 0
      ? `Ereignisse ab ${time}.`
      : `Ereignisse ab ${time}; ${above === 1 ? '1 Ereignis' : `${formatted} Ereignisse`} ${newer ? 'neuer' : 'früher'} darüber.`,
  jumpLoading: 'Zeitpunkt wird gesucht…',
  jumpInvalid: 'Geben Sie ein Datum und eine Uhrzeit ein.',
  jumpOutside: 'Dieser Zeitpunkt liegt außerhalb des gesuchten Zeitraums: Ändern Sie zuerst den Zeitraum.',
  jumpNone: (newestFirst) => (newestFirst ? 'Keine Ereignisse zu oder vor diesem Zeitpunkt.' : 'Keine Ereignisse zu oder nach diesem Zeitpunkt.'),
  jumpFailed: 'Dieser Zeitpunkt konnte nicht gefunden werden. Versuchen Sie es erneut.',
}
