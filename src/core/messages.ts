/** Every string the viewer shows. Override any of them with the `messages` prop. */
export interface AuditLogsMessages {
  tableLabel: string
  loading: string
  loadingMore: string
  empty: string
  errorTitle: string
  retry: string
  loadMore: string
  /** "1,234 events"; `total` is already formatted for the locale. */
  eventCount: (total: string) => string
  /** When the backend gives no total: "50+ events". */
  eventCountAtLeast: (loaded: string) => string
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
  eventCount: (total) => `${total} events`,
  eventCountAtLeast: (loaded) => `${loaded}+ events`,
  sortAscending: 'sorted ascending',
  sortDescending: 'sorted descending',
}
