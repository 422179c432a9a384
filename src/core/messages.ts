import type { DrawerMessages } from './drawerMessages'
import type { ExportMessages } from './exportMessages'
import type { IntegrityMessages } from './integrityMessages'
import type { InvestigationMessages } from './investigationMessages'
import type { NoticeMessages } from './noticeMessages'
import type { PanelMessages } from './panelMessages'
import type { ErrorProblem } from './problems'
import type { RecordMessages } from './recordMessages'
import type { RowMessages } from './rowMessages'
import type { SavedViewsMessages } from './savedViewsMessages'
import type { SearchFormMessages } from './searchFormMessages'
import type { SensitiveKind } from './sensitive'
import type { SettingsMessages } from './settingsMessages'
import type { TimelineMessages } from './timelineMessages'

/** Every string the viewer shows. Override any of them with the `messages` prop. */
export interface AuditLogsMessages
  extends
    CoreMessages,
    NoticeMessages,
    DrawerMessages,
    RecordMessages,
    IntegrityMessages,
    ExportMessages,
    SearchFormMessages,
    SettingsMessages,
    TimelineMessages,
    InvestigationMessages,
    SavedViewsMessages,
    PanelMessages,
    RowMessages {}

/**
 * The messages the table, the search bar and the export button need up front; the other parts' messages load
 * with those parts (`messages.lazy`).
 */
export interface CoreMessages {
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
  download: string
  /** Why the download is off: nothing matches, or the events could not be loaded. */
  exportUnavailable: (reason: 'empty' | 'error') => string
  exportScopeLabel: string
  exportScopeAll: string
  exportScopeLoaded: (count: number, formatted: string) => string
  cancel: string
  rangeFormLabel: string
  /** The range button's text for a range no preset made: dates (and times), already formatted, and the zone. */
  rangeLabel: (from: string | undefined, to: string | undefined, zone: string) => string
  rangePresets: { all: string; 'last-hour': string; 'last-24-hours': string; 'last-7-days': string; 'last-30-days': string; custom: string }
  textSearchLabel: string
  filtersLabel: string
  /** The command bar's button that opens the form to add a filter. */
  filterMenu: string
  removeFilter: (label: string, value: string) => string
  /** Also in an "is not" chip, in words: "Result is not success" (and "Remove filter Result is not: success"). */
  filterIsNot: string
  clearFilters: string
  newEvents: (count: number, formatted: string, more: boolean) => string
  settingsToggle: string
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

/** The messages that load with the parts that use them (drawer, settings, forms, notices, the rows' extras). */
export type LazyMessageKey = Exclude<keyof AuditLogsMessages, keyof CoreMessages>

/** What a part finds in the context: every core message, and the host's overrides of the others. */
export type ProvidedMessages = CoreMessages & Partial<AuditLogsMessages>

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
