import { germanSpan, span } from './messageWords'

/** The date-range form and the filter form; part of `AuditLogsMessages`. */
export interface SearchFormMessages {
  rangePresetLabel: string
  from: string
  fromTime: string
  to: string
  toTime: string
  timeZoneLabel: string
  userTimeZone: (zone: string) => string
  searchButton: string
  /** Under the range's dates: "Times in UTC". */
  timesIn: (zone: string) => string
  change: string
  changeTimeZone: string
  rangeProblems: { 'invalid-from': string; 'invalid-to': string; 'to-before-from': string }
  /** A typed-in range longer than `maxRangeDays`. */
  rangeTooLong: (maxDays: number) => string
  filterField: string
  filterValue: string
  addFilter: string
  filterNeedsValue: string
  /** The filter form's choice between "is" and "is not" (offered when the adapter applies exclusions). */
  filterOperator: string
  filterIs: string
  /** The filter form's list of values with their counts in the current search (from `listFieldValues`). */
  fieldValuesHeading: string
  /** The list of values when they come from the loaded events (no `listFieldValues`, or it failed). */
  loadedValuesHeading: string
  fieldValuesLoading: string
  fieldValuesFailed: string
  /** When the adapter listed only the most frequent values. */
  fieldValuesPartial: string
  noFieldValues: string
  /** One value's button in the list: its text and how many events hold it. */
  fieldValueOption: (value: string, count: number, formatted: string) => string
}

/** The default English strings. */
export const searchFormMessages: SearchFormMessages = {
  rangePresetLabel: 'Range',
  from: 'From',
  fromTime: 'From time',
  to: 'To',
  toTime: 'To time',
  timeZoneLabel: 'Time zone',
  userTimeZone: (zone) => `Your time zone (${zone})`,
  searchButton: 'Apply',
  timesIn: (zone) => `Times in ${zone}`,
  change: 'Change',
  changeTimeZone: 'Change the time zone',
  rangeProblems: {
    'invalid-from': 'Enter a From date as a real calendar date.',
    'invalid-to': 'Enter a To date as a real calendar date.',
    'to-before-from': 'The To date is before the From date. Pick a To date on or after the From date.',
  },
  rangeTooLong: (maxDays) => `A date range can span at most ${span(maxDays)}. Pick a later From date or an earlier To date.`,
  filterField: 'Filter field',
  filterValue: 'Filter value',
  addFilter: 'Add filter',
  filterNeedsValue: 'Enter a value to filter by.',
  filterOperator: 'Match',
  filterIs: 'is',
  fieldValuesHeading: 'In this search',
  loadedValuesHeading: 'In loaded events',
  fieldValuesLoading: 'Loading values…',
  fieldValuesFailed: 'The values of this search could not be loaded; these are from the loaded events.',
  fieldValuesPartial: 'The most frequent values; type to filter by another.',
  noFieldValues: 'No values to suggest; type one.',
  fieldValueOption: (value, count, formatted) => `${value}, ${count === 1 ? '1 event' : `${formatted} events`}`,
}

/** German strings. */
export const germanSearchFormMessages: SearchFormMessages = {
  rangePresetLabel: 'Zeitraum',
  from: 'Von',
  fromTime: 'Von (Uhrzeit)',
  to: 'Bis',
  toTime: 'Bis (Uhrzeit)',
  timeZoneLabel: 'Zeitzone',
  userTimeZone: (zone) => `Ihre Zeitzone (${zone})`,
  searchButton: 'Anwenden',
  timesIn: (zone) => `Zeiten in ${zone}`,
  change: 'Ändern',
  changeTimeZone: 'Zeitzone ändern',
  rangeProblems: {
    'invalid-from': 'Geben Sie als Von-Datum ein gültiges Kalenderdatum ein.',
    'invalid-to': 'Geben Sie als Bis-Datum ein gültiges Kalenderdatum ein.',
    'to-before-from': 'Das Bis-Datum liegt vor dem Von-Datum. Wählen Sie ein Bis-Datum am oder nach dem Von-Datum.',
  },
  rangeTooLong: (maxDays) => `Ein Zeitraum darf höchstens ${germanSpan(maxDays)} umfassen. Wählen Sie ein späteres Von- oder ein früheres Bis-Datum.`,
  filterField: 'Filterfeld',
  filterValue: 'Filterwert',
  addFilter: 'Filter hinzufügen',
  filterNeedsValue: 'Geben Sie einen Wert zum Filtern ein.',
  filterOperator: 'Bedingung',
  filterIs: 'ist',
  fieldValuesHeading: 'In dieser Suche',
  loadedValuesHeading: 'In geladenen Ereignissen',
  fieldValuesLoading: 'Werte werden geladen…',
  fieldValuesFailed: 'Die Werte dieser Suche konnten nicht geladen werden; diese stammen aus den geladenen Ereignissen.',
  fieldValuesPartial: 'Die häufigsten Werte; tippen Sie, um nach einem anderen zu filtern.',
  noFieldValues: 'Keine Werte vorzuschlagen; tippen Sie einen ein.',
  fieldValueOption: (value, count, formatted) => `${value}, ${count === 1 ? '1 Ereignis' : `${formatted} Ereignisse`}`,
}
