import { germanCount } from './messageWords'

/** The detail drawer's frame, headings and values; part of `AuditLogsMessages`. */
export interface DrawerMessages {
  /** Above the drawer of such a row, before what was wrong. */
  unreadableEventDetail: string
  eventFallbackTitle: string
  close: string
  nextEvent: string
  previousEvent: string
  /** The summary of the collapsed list of the event's time in every form. */
  timeHeading: string
  /** The heading of the event's fields: who did what to what. */
  fieldsHeading: string
  /** The heading of the fields that say where the event came from (addresses, user agents, locations). */
  contextHeading: string
  /** The heading of the `json` fields. */
  payloadHeading: string
  otherPropertiesHeading: string
  /** The event's id in the drawer's header. */
  eventIdLabel: string
  /** The actor in the drawer's header, for screen readers. */
  actorLabel: string
  /** "3 hours ago"-style time and the exact time in the header, for screen readers. */
  whenLabel: string
  /** The toggle for fields without a value ("Show empty fields (4)"). */
  showEmptyFields: (count: number) => string
  hideEmptyFields: string
  /** The drawer's action that asks the backend for one hidden value, recorded as an event of its own. */
  reveal: string
  revealLabel: (field: string) => string
  revealFailed: string
  /** The accessible name of a value's copy button: "Copy Email". */
  copyValue: (label: string) => string
  timeLabels: { local: string; utc: string; iso: string; json: string; epoch: string; relative: string }
  copy: string
  copied: string
  copyFailed: string
  copyJson: string
  emptyValue: string
  loadingEvent: string
  eventLoadError: string
  eventNotLoaded: string
  jsonShowMore: (remaining: number) => string
  /** Under a long text in the drawer: how many characters are not shown yet (already formatted). */
  textShowMore: (remaining: string) => string
  jsonSummary: (count: number, kind: 'object' | 'array') => string
  filterByValue: (label: string, value: string) => string
  /** Kept for hosts that set it; the drawer's filter buttons are now icons named by `filterByValue`. */
  filterButton: string
}

/** The default English strings. */
export const drawerMessages: DrawerMessages = {
  unreadableEventDetail: 'This row is not a complete event and is shown as it came:',
  eventFallbackTitle: 'Event',
  close: 'Close',
  nextEvent: 'Next event',
  previousEvent: 'Previous event',
  timeHeading: 'Timestamps',
  fieldsHeading: 'What happened',
  contextHeading: 'Context',
  payloadHeading: 'Payload',
  otherPropertiesHeading: 'Other properties',
  eventIdLabel: 'Event ID',
  actorLabel: 'Actor',
  whenLabel: 'When',
  showEmptyFields: (count) => `Show empty fields (${String(count)})`,
  hideEmptyFields: 'Hide empty fields',
  reveal: 'Reveal',
  revealLabel: (field) => `Reveal ${field} (the reveal is recorded)`,
  revealFailed: 'The value could not be revealed.',
  copyValue: (label) => `Copy ${label}`,
  timeLabels: {
    local: 'Your time',
    utc: 'UTC',
    iso: 'ISO-8601',
    json: 'JSON date-time',
    epoch: 'Epoch milliseconds',
    relative: 'Relative',
  },
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Copy failed',
  copyJson: 'Copy JSON',
  emptyValue: 'Not set',
  loadingEvent: 'Loading the full record…',
  eventLoadError: 'The full record could not be loaded.',
  eventNotLoaded: 'This event is not among the loaded results.',
  jsonShowMore: (remaining) => `Show more (${remaining} left)`,
  textShowMore: (remaining) => `Show more (${remaining} characters left)`,
  jsonSummary: (count, kind) => (kind === 'array' ? `[${count} ${count === 1 ? 'item' : 'items'}]` : `{${count} ${count === 1 ? 'key' : 'keys'}}`),
  filterByValue: (label, value) => `Filter by ${label}: ${value}`,
  filterButton: 'Filter',
}

/** German strings. */
export const germanDrawerMessages: DrawerMessages = {
  unreadableEventDetail: 'Diese Zeile ist kein vollständiges Ereignis und wird so gezeigt, wie sie kam:',
  eventFallbackTitle: 'Ereignis',
  close: 'Schließen',
  nextEvent: 'Nächstes Ereignis',
  previousEvent: 'Vorheriges Ereignis',
  timeHeading: 'Zeitstempel',
  fieldsHeading: 'Was geschah',
  contextHeading: 'Kontext',
  payloadHeading: 'Nutzdaten',
  otherPropertiesHeading: 'Weitere Eigenschaften',
  eventIdLabel: 'Ereignis-ID',
  actorLabel: 'Akteur',
  whenLabel: 'Zeitpunkt',
  showEmptyFields: (count) => `Leere Felder anzeigen (${String(count)})`,
  hideEmptyFields: 'Leere Felder ausblenden',
  reveal: 'Aufdecken',
  revealLabel: (field) => `${field} aufdecken (wird protokolliert)`,
  revealFailed: 'Der Wert konnte nicht aufgedeckt werden.',
  copyValue: (label) => `${label} kopieren`,
  timeLabels: {
    local: 'Ihre Zeit',
    utc: 'UTC',
    iso: 'ISO-8601',
    json: 'JSON-Datum',
    epoch: 'Epoche in Millisekunden',
    relative: 'Relativ',
  },
  copy: 'Kopieren',
  copied: 'Kopiert',
  copyFailed: 'Kopieren fehlgeschlagen',
  copyJson: 'JSON kopieren',
  emptyValue: 'Nicht gesetzt',
  loadingEvent: 'Der vollständige Datensatz wird geladen…',
  eventLoadError: 'Der vollständige Datensatz konnte nicht geladen werden.',
  eventNotLoaded: 'Dieses Ereignis ist nicht unter den geladenen Ergebnissen.',
  jsonShowMore: (remaining) => `Mehr anzeigen (noch ${remaining})`,
  textShowMore: (remaining) => `Mehr anzeigen (noch ${remaining} Zeichen)`,
  jsonSummary: (value, kind) =>
    kind === 'array'
      ? `[${germanCount(value, String(value), 'Eintrag', 'Einträge')}]`
      : `{${germanCount(value, String(value), 'Schlüssel', 'Schlüssel')}}`,
  filterByValue: (label, value) => `Nach ${label}: ${value} filtern`,
  filterButton: 'Filtern',
}
