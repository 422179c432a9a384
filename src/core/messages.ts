import type { InputProblem } from './checkInput'
import type { ErrorProblem } from './errorProblem'
import type { EventIntegrity, IntegrityProblemReason } from './integrity'
import type { PagingStop } from './paging'
import type { StoredMark } from './marks'
import type { SensitiveKind } from './sensitive'
import type { lazyMessages } from './messages.lazy'
import type { InvestigationMessages } from './investigationMessages'
import type { PanelMessages } from './panelMessages'
import type { RowMessages } from './rowMessages'
import type { SavedViewsMessages } from './savedViewsMessages'
import type { TimelineMessages } from './timelineMessages'

/** Every string the viewer shows. Override any of them with the `messages` prop. */
export interface AuditLogsMessages extends TimelineMessages, InvestigationMessages, SavedViewsMessages, PanelMessages, RowMessages {
  tableLabel: string
  loading: string
  loadingMore: string
  /** No events match the search; shown with a "Clear search" button. */
  empty: string
  /** The log has no events at all (nothing is searched). */
  emptyLog: string
  clearSearch: string
  errorTitle: string
  /** Why an adapter call failed, worded from its kind; the developer detail goes to `onError` and the console. */
  errorMessage: (problem: ErrorProblem) => string
  retry: string
  /** A part of the viewer that failed to draw (the drawer names the event it was showing). */
  partFailed: (eventId: string | undefined) => string
  /** On a cell whose data-structure `value` or `format` function failed. */
  cellFailed: string
  /** A value the backend hid (`{ $hidden: kind }`), never an empty cell: "Hidden · personal". */
  hiddenValue: (kind: SensitiveKind) => string
  /** The labels of `defaultFields`, by key: column headers, CSV headers, drawer and settings labels. */
  fieldLabels: Record<DefaultFieldKey, string>
  /**
   * Words for the values of severity and status fields, by lower-case value ("high" → "Hoch"): the badge shows
   * the word, the filter and the CSV keep the stored value. Without a word the value shows as stored.
   */
  valueWords?: Readonly<Partial<Record<string, string>>>
  /** The mark on a row the adapter returned in a form the viewer cannot fully read. */
  unreadableEvent: string
  /** Above the drawer of such a row, before what was wrong. */
  unreadableEventDetail: string
  /** Loading stopped because the backend's paging cannot be trusted; the list may be incomplete. */
  pagingStopped: (reason: PagingStop) => string
  /** The backend's `total` contradicts the events it sent (`delivered`, numbers already formatted); the count shown is corrected. */
  totalContradicted: (reported: string, delivered: string) => string
  /** Events the backend sent from outside the searched range: left out of the table. */
  outsideRange: (count: number, formatted: string) => string
  /** Events that repeat another's id with other content: kept, each a row of its own. */
  repeatedIds: (count: number, formatted: string) => string
  /** Events the backend sent again, exactly as before: shown once. */
  mergedCopies: (count: number, formatted: string) => string
  /** A page fetched again (scrolled back to) held other events than before: the log changed while it was read. */
  logChanged: string
  /** The heading of the banner above the table that holds these notices. */
  noticesTitle: string
  /** The button that hides the notices banner until something new is to be said. */
  dismissNotices: string
  /** "1,234 events"; `formatted` is `count` written for the locale. */
  eventCount: (count: number, formatted: string) => string
  /** When the backend gives no total, or stopped counting at a bound: "10,000+ events". */
  eventCountAtLeast: (count: number, formatted: string) => string
  /** The button beside a bounded count ("10,000+ events") that asks for the exact number. */
  countAll: string
  /** While the exact number is being counted. */
  counting: string
  /** The exact count could not be had (the bounded count stays). */
  countFailed: string
  // Detail drawer
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
  /** The drawer's section of what the server recorded beside the event: when it arrived, and its marks. */
  serverRecordHeading: string
  receivedAtLabel: string
  /** What the server did to a value so the event could be stored, or noticed about it (`StoredMark`). */
  markText: (mark: StoredMark, formatted: { length: string; by: string }) => string
  /** The label of a mark's original value, kept whole. */
  markOriginal: string
  /** The drawer's action that asks the backend for one hidden value, recorded as an event of its own. */
  reveal: string
  revealLabel: (field: string) => string
  revealFailed: string
  /** The before/after table of a payload that records a change. */
  changesHeading: string
  changeField: string
  changeBefore: string
  changeAfter: string
  changeKinds: { changed: string; added: string; removed: string; unchanged: string }
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
  // CSV export
  download: string
  /** Why the download is off: nothing matches, or the events could not be loaded. */
  exportUnavailable: (reason: 'empty' | 'error') => string
  exportScopeLabel: string
  exportScopeAll: string
  exportScopeLoaded: (count: number, formatted: string) => string
  /** "12,000 of 48,213 events" (numbers already formatted); `total` is absent when unknown. */
  exportProgress: (written: string, total: string | undefined) => string
  exportDone: (rows: number, formatted: string, fileName: string) => string
  exportDoneByServer: (fileName: string) => string
  exportTruncated: (cells: number) => string
  /** Cells whose data-structure `value` or `format` function failed; they hold the value without it. */
  exportFailedCells: (cells: number) => string
  /** Events the backend sent from outside the exported range: left out of the file. */
  exportOutsideRange: (count: number, formatted: string) => string
  /** Exact copies of an earlier page's events, written once. */
  exportMerged: (count: number, formatted: string) => string
  exportFailed: string
  exportNoFile: string
  exportCancelled: string
  cancel: string
  // Search
  rangeFormLabel: string
  /** The range button's text for a range no preset made: dates (and times), already formatted, and the zone. */
  rangeLabel: (from: string | undefined, to: string | undefined, zone: string) => string
  rangePresetLabel: string
  rangePresets: { all: string; 'last-hour': string; 'last-24-hours': string; 'last-7-days': string; 'last-30-days': string; custom: string }
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
  /** What the viewer corrected in the fields or search it was given (shown above the table). */
  inputProblem: (problem: InputProblem) => string
  textSearchLabel: string
  filtersLabel: string
  /** The command bar's button that opens the form to add a filter. */
  filterMenu: string
  filterField: string
  filterValue: string
  addFilter: string
  removeFilter: (label: string, value: string) => string
  /** The filter form's choice between "is" and "is not" (offered when the adapter applies exclusions). */
  filterOperator: string
  filterIs: string
  /** Also in an "is not" chip, in words: "Result is not success" (and "Remove filter Result is not: success"). */
  filterIsNot: string
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
  clearFilters: string
  filterByValue: (label: string, value: string) => string
  /** Kept for hosts that set it; the drawer's filter buttons are now icons named by `filterByValue`. */
  filterButton: string
  filterNeedsValue: string
  newEvents: (count: number, formatted: string, more: boolean) => string
  // Integrity (an adapter with `verifyIntegrity`)
  /** The quiet line: "Verified through 10:42 · 333,379 events" (`through` formatted, `formatted` the count). */
  integrityVerified: (through: string, count: number, formatted: string) => string
  /** Nothing in the range is chained yet (stored before the chain, or no events). */
  integrityNothing: string
  /** The alarm's title. */
  integrityAlarmTitle: string
  /** The alarm's sentence: what happened, to which event (its id, or the sequence number of a missing one). */
  integrityAlarm: (reason: IntegrityProblemReason, eventId: string | null, seq: number) => string
  /** The alarm's button that opens the event in the drawer. */
  integrityOpenEvent: string
  /** The check itself failed (not the log): said quietly. */
  integrityFailed: string
  // Data structure settings
  settingsTitle: string
  settingsToggle: string
  shownInTable: string
  includedInDownload: string
  /** The switch that hides a field's values from people who may not reveal them. */
  hiddenFromViewers: string
  /** Why that switch cannot be turned off: the host's code marked the field. */
  hiddenByCode: string
  moveUp: (label: string) => string
  moveDown: (label: string) => string
  removeField: (label: string) => string
  fieldMoved: (label: string, position: number, total: number) => string
  addFieldHeading: string
  newFieldKey: string
  newFieldLabel: string
  newFieldType: string
  addField: string
  fieldAdded: (label: string) => string
  fieldTypes: Record<'text' | 'datetime' | 'severity' | 'status' | 'email' | 'ip' | 'number' | 'json', string>
  newFieldProblems: { 'empty-key': string; 'invalid-path': string; 'duplicate-key': string; 'empty-label': string }
  saveFields: string
  savingFields: string
  savedFields: string
  saveFieldsFailed: string
  editsKept: string
  // Integrity in the drawer
  integrityHeading: string
  integritySeq: string
  integrityHash: string
  integrityState: string
  /** A word for each state, on the badge. */
  integrityStateNames: Record<EventIntegrity['state'], string>
  /** What each state means. */
  integrityStates: Record<EventIntegrity['state'], string>
  integrityChecking: string
  // Access
  noPermission: string
  notEnabled: string
  enable: string
}

/** The keys of the library's `defaultFields`. */
export type DefaultFieldKey =
  | 'createdAt'
  | 'severity'
  | 'action'
  | 'resource'
  | 'module'
  | 'result'
  | 'user.name'
  | 'user.email'
  | 'user.id'
  | 'user.permissionId'
  | 'tenantId'
  | 'ip'
  | 'environment'
  | 'locale'
  | 'payload'

/** The messages only the detail drawer, the settings panel, the input notices and the rows' extras use: they load with those parts. */
export type LazyMessageKey =
  | keyof typeof lazyMessages
  | keyof TimelineMessages
  | keyof InvestigationMessages
  | keyof SavedViewsMessages
  | keyof PanelMessages
  | keyof RowMessages

/** The messages the table, the search and the export button need up front. */
export type CoreMessages = Omit<AuditLogsMessages, LazyMessageKey>

/** What a part finds in the context: every core message, and the host's overrides of the others. */
export type ProvidedMessages = CoreMessages & Partial<AuditLogsMessages>

/** "10 years" or "90 days". */
export const span = (days: number): string => (days >= 730 ? `${String(Math.round(days / 365.25))} years` : `${String(days)} days`)

export const coreMessages: CoreMessages = {
  tableLabel: 'Audit log',
  loading: 'Loading events…',
  loadingMore: 'Loading more events…',
  empty: 'No events match this search.',
  emptyLog: 'No events yet. They show here as they happen.',
  clearSearch: 'Clear search',
  errorTitle: 'The audit log could not be loaded.',
  errorMessage: (problem) => {
    switch (problem.kind) {
      case 'timeout':
        return `The audit-log service did not answer within ${problem.seconds === 1 ? '1 second' : `${problem.seconds} seconds`}.`
      case 'http':
        return problem.status === 401 || problem.status === 403
          ? `You are not signed in, or may not see this (error ${problem.status}).`
          : problem.status === 404
            ? 'The audit-log service has no such record (error 404).'
            : problem.status === 429
              ? 'The audit-log service is busy (error 429). Wait a moment.'
              : problem.status >= 500
                ? `The audit-log service had a problem (error ${problem.status}).`
                : problem.reason
                  ? `The audit-log service refused this search: ${problem.reason}`
                  : `The audit-log service refused the request (error ${problem.status}).`
      case 'network':
        return 'The audit-log service could not be reached. Check the connection.'
      case 'malformed':
        return 'The audit-log service sent an answer that cannot be read.'
      case 'paging-stopped':
        return `The audit-log service ${problem.reason === 'repeated-cursor' ? 'sent a page position it had sent before' : 'kept sending empty pages'}, so reading stopped.`
      case 'not-found':
        return 'This event was not found.'
      case 'invalid-query':
        return 'The audit-log service cannot answer this search.'
      case 'unknown':
        return 'Something went wrong.'
    }
  },
  retry: 'Retry',
  partFailed: (eventId) => `This part of the audit log could not be shown${eventId === undefined ? '' : ` (event ${eventId})`}.`,
  cellFailed: "This field's value or format function failed here; the value is shown as stored.",
  hiddenValue: (kind) => `Hidden · ${kind}`,
  fieldLabels: {
    createdAt: 'Time',
    severity: 'Severity',
    action: 'Action',
    resource: 'Resource',
    module: 'Module',
    result: 'Result',
    'user.name': 'User',
    'user.email': 'Email',
    'user.id': 'User ID',
    'user.permissionId': 'Permission ID',
    tenantId: 'Tenant',
    ip: 'IP address',
    environment: 'Environment',
    locale: 'Locale',
    payload: 'Payload',
  },
  unreadableEvent: 'Unreadable',
  eventCount: (count, formatted) => (count === 1 ? '1 event' : `${formatted} events`),
  eventCountAtLeast: (_count, formatted) => `${formatted}+ events`,
  countAll: 'Count all',
  counting: 'Counting…',
  countFailed: 'Could not count them all.',
  download: 'Download CSV',
  exportUnavailable: (reason) => (reason === 'empty' ? 'Nothing to download: no events match.' : 'Nothing to download until the events load.'),
  exportScopeLabel: 'Rows to download',
  exportScopeAll: 'All matching events',
  exportScopeLoaded: (_count, formatted) => `Loaded rows only (${formatted})`,
  cancel: 'Cancel',
  rangeFormLabel: 'Date range',
  rangeLabel: (from, to, zone) => `${from && to ? `${from} – ${to}` : from ? `From ${from}` : `Until ${to ?? ''}`} (${zone})`,
  rangePresets: {
    all: 'All time',
    'last-hour': 'Last hour',
    'last-24-hours': 'Last 24 hours',
    'last-7-days': 'Last 7 days',
    'last-30-days': 'Last 30 days',
    custom: 'Custom range',
  },
  textSearchLabel: 'Search events',
  filtersLabel: 'Filters',
  filterMenu: 'Filter',
  removeFilter: (label, value) => `Remove filter ${label}: ${value}`,
  filterIsNot: 'is not',
  clearFilters: 'Clear all filters',
  settingsToggle: 'Data structure',
  noPermission: "You don't have permission to view audit logs.",
  notEnabled: 'Audit logs are not enabled.',
  enable: 'Enable audit logs',
  newEvents: (count, formatted, more) => `${more ? `${formatted}+` : formatted} new ${count === 1 && !more ? 'event' : 'events'} — show`,
}
