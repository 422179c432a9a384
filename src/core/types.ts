import type { SensitiveKind } from './sensitive'

/**
 * One audit-log event. `createdAt` is an ISO-8601 instant or epoch milliseconds; every other property
 * is the backend's own and is reached by dot paths (`user.email`, `payload.title`).
 */
export interface AuditEvent {
  id: string
  createdAt: string | number
  [key: string]: unknown
}

/** How a time is written: ISO-8601 (or epoch milliseconds), epoch seconds, or a zone-less UTC date and time. */
export type TimeFormat = 'iso' | 'epoch-seconds' | 'utc-datetime'

/** The colour tone of a badge; the badge always carries its text too. */
export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger'

/** How a field's value is rendered in the table and written to CSV. */
export type AuditFieldType = 'text' | 'datetime' | 'severity' | 'status' | 'email' | 'ip' | 'number' | 'json'

/**
 * One entry of the data structure: the same list drives table columns, the detail drawer, filters and
 * CSV columns. `shown` and `exported` are independent.
 */
export interface AuditField<TEvent = AuditEvent> {
  /** Unique; also the default accessor: a dot path into the event. */
  key: string
  /** Column header and CSV header. */
  label: string
  /** Defaults to `'text'`. */
  type?: AuditFieldType
  /** Set this to `false` to hide the column in the table. Defaults to `true`. */
  shown?: boolean
  /** Set this to `false` to leave the column out of CSV downloads. Defaults to `true`. */
  exported?: boolean
  /** A custom accessor, used instead of the dot path in `key`. */
  value?: (event: TEvent) => unknown
  /** Text for the cell and the CSV. */
  format?: (value: unknown, event: TEvent) => string
  /** Set this to `false` to stop sorting by this field. Defaults to `true`. */
  sortable?: boolean
  /**
   * Set this to hide the field's values from everyone without a recorded reveal: `'personal'` (an e-mail, an
   * IP) or `'secret'` (`true` means personal). The backend replaces them (`{ $hidden: kind }`) before they leave
   * it; a stored data structure can mark more fields, never unmark one that code marked. Defaults to `false`.
   */
  sensitive?: boolean | SensitiveKind
  /**
   * The path the adapter sorts by when this column is sorted, when it is not `key`: for a field with a `value`
   * accessor, which is otherwise not sortable (the backend has never seen its derived value).
   */
  sortKey?: string
  /** Whether values of this field can be picked as filters. Defaults to `false`. */
  filterable?: boolean
  /**
   * The path the adapter filters by for this field, when it is not `key`; the drawer's Filter button and the
   * value suggestions read it too. A field with a `value` accessor is offered for filtering only with one (or
   * with an adapter that evaluates it).
   */
  filterKey?: string
  /**
   * How a `datetime` field's value is written, when it is not an ISO-8601 instant or epoch milliseconds:
   * `'epoch-seconds'`, or `'utc-datetime'` for a warehouse's `2024-12-17 08:30:00.123456` meant as UTC.
   * Defaults to `'iso'`.
   */
  timeFormat?: TimeFormat
  /**
   * Badge tones of a `severity` or `status` field by value (any case), over the defaults for common
   * vocabularies: `{ WARN: 'warning', DENY: 'danger', CHALLENGE: 'info' }`.
   */
  tones?: Readonly<Record<string, Tone>>
  /**
   * Set this to `true` to write the field's values to CSV exactly as they are, without the `'` that stops a
   * spreadsheet from running a cell that starts with `=`, `+`, `-` or `@` as a formula: for ids and hashes
   * (`-Ab3…`) whose exact text matters. Only for values no user or attacker can choose. Defaults to `false`.
   */
  csvRaw?: boolean
  /** Marks a field an admin added in the settings panel. */
  custom?: boolean
  /**
   * On an actor's name field: the path (as in `key`) of an image address to show as the actor's avatar in the
   * table. Only an absolute `https:` or `http:` address loads, without a referrer; anything else, or an image
   * that fails, shows the actor's initials. Defaults to none: initials.
   */
  avatar?: string
}

export type SortDirection = 'asc' | 'desc'

export interface AuditSort {
  key: string
  direction: SortDirection
}

/** What the viewer asks an adapter for. */
export interface AuditQuery {
  /** ISO instant, inclusive. */
  from?: string
  /** ISO instant, exclusive: the range is half-open. */
  to?: string
  /** Free text, matched against every string value of an event. */
  search?: string
  /** Field key → accepted values. An event matches when its value is one of them. */
  filters?: Record<string, string[]>
  /**
   * Field key → rejected values ("is not"): an event matches when its value is none of them (ignoring case;
   * an event without the field matches). Sent only to an adapter that declares `supportsExclude`.
   */
  exclude?: Record<string, string[]>
  sort?: AuditSort
  /** Page size. */
  limit: number
  /** Opaque position from a previous page's `nextCursor`; absent for the first page. */
  cursor?: string
}

/** What a person searched for: a query without its paging. */
export type AuditSearch = Omit<AuditQuery, 'limit' | 'cursor'>

/** One page of results. `nextCursor` is absent or `null` on the last page. */
export interface AuditPage<TEvent = AuditEvent> {
  events: TEvent[]
  nextCursor?: string | null
  /** Total number of matching events, when the backend knows it. */
  total?: number
  /**
   * At least this many events match: the backend stopped counting there (a count that would read the whole
   * log). Given instead of `total`, so a reader that knows only `total` shows "50+ events" rather than a wrong count.
   */
  totalAtLeast?: number
}

/** One value of a field and how many events of a search hold it. */
export interface FieldValueCount {
  value: string
  count: number
}

/** What `listFieldValues` is asked: the values of one field among the events of a search. */
export interface FieldValuesRequest {
  /** The filter key of the field (its `filterKey`, else its key). */
  key: string
  /** The search the counts are for (the viewer leaves out this key's own filter, so its alternatives show). */
  search: AuditSearch
  /** The most values to answer with, most frequent first. */
  limit: number
}

/** The answer of `listFieldValues`: values, most frequent first, told apart ignoring case. */
export interface FieldValues {
  values: FieldValueCount[]
  /** `true` when these are all the values the search holds, not only the most frequent `limit`. */
  complete?: boolean
}
