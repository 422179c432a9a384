/** Every string the viewer shows. Override any of them with the `messages` prop. */
export interface AuditLogsMessages {
  tableLabel: string
  loading: string
  loadingMore: string
  empty: string
  errorTitle: string
  retry: string
  loadMore: string
  /** "1,234 events"; `formatted` is `count` written for the locale. */
  eventCount: (count: number, formatted: string) => string
  /** When the backend gives no total: "50+ events". */
  eventCountAtLeast: (count: number, formatted: string) => string
  sortAscending: string
  sortDescending: string
}

export const defaultMessages: AuditLogsMessages = {
  tableLabel: 'Audit log',
  loading: 'Loading events…',
  loadingMore: 'Loading more events…',
  empty: 'No events match this search.',
  errorTitle: 'The audit log could not be loaded.',
  retry: 'Retry',
  loadMore: 'Load more events',
  eventCount: (count, formatted) => (count === 1 ? '1 event' : `${formatted} events`),
  eventCountAtLeast: (_count, formatted) => `${formatted}+ events`,
  sortAscending: 'sorted ascending',
  sortDescending: 'sorted descending',
}
