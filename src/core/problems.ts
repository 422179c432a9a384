// The kinds of trouble the viewer words for people: what failed, what it corrected, what the server did to a
// value. Types only, so that every layer (and the messages that word them) can import them without importing
// the code that finds them.

/** What went wrong with an adapter call, as a person is told it (in the viewer's language). */
export type ErrorProblem =
  /** No answer within the viewer's `requestTimeout`. */
  | { kind: 'timeout'; seconds: number }
  /** The server answered with an HTTP error status. */
  | { kind: 'http'; status: number; reason?: string }
  /** The server could not be reached. */
  | { kind: 'network' }
  /** The answer was not of the expected shape. */
  | { kind: 'malformed' }
  /** No event has the requested id. */
  | { kind: 'not-found' }
  /** The backend cannot answer this search (a bad cursor or date). */
  | { kind: 'invalid-query' }
  /** Paging stopped because the backend's paging cannot be trusted: a page position came twice, empty pages without end. */
  | { kind: 'paging-stopped'; reason: PagingStop }
  /** Anything else: a host adapter's own error, a simulated failure. */
  | { kind: 'unknown' }

/** Why paging stops although the backend offers a next page: its paging cannot be trusted. */
export type PagingStop =
  /** The next cursor is one already followed: the backend repeats or cycles. */
  | 'repeated-cursor'
  /** Pages keep coming back empty with a cursor to yet another page. */
  | 'empty-pages'

/** Something the host or a link gave the viewer that it could not use as given, and what it did instead. */
export type InputProblem =
  /** A field without a usable `key` was left out. */
  | { kind: 'field-without-key' }
  /** A second field with this key was left out. */
  | { kind: 'duplicate-field'; key: string }
  /** A field whose key is not a dot path and that has no `value` accessor was left out. */
  | { kind: 'invalid-field-path'; key: string }
  /** The sort named no field the adapter can sort by; the log is sorted newest first instead. */
  | { kind: 'unknown-sort'; key: string }
  /** A filter named no field the adapter can filter by, and was dropped. */
  | { kind: 'unknown-filter'; key: string }
  /** An "is not" filter for an adapter that does not apply them (`supportsExclude`) was dropped. */
  | { kind: 'unsupported-exclude'; key: string }
  /** A From or To that is not a date, or a To not after From, was dropped. */
  | { kind: 'invalid-range' }
  /** The range was longer than allowed; From was moved to that long before To (or now). */
  | { kind: 'range-too-long'; maxDays: number }

/**
 * Why a tenant's hash chain stopped verifying at an event:
 * - `content-changed`: the stored event no longer hashes to its link (its data, or its hash, was edited).
 * - `event-missing`: a sequence number has no event (deleted), including at the tail.
 * - `order-changed`: the event's link holds, but after another event than the one now before it (moved).
 * - `checkpoint-signature`: a checkpoint's signature does not verify under the published key of its id.
 * - `checkpoint-mismatch`: a checkpoint is validly signed but the chain no longer reaches its hash there: the
 *   chain was recomputed after a change (what someone with the database, but not the key, can do).
 */
export type IntegrityProblemReason = 'content-changed' | 'event-missing' | 'order-changed' | 'checkpoint-signature' | 'checkpoint-mismatch'

/**
 * What the server did to one value so that an event could be stored rather than refused, or what it noticed
 * about the event (its clock). The event keeps every mark in its `marks` list.
 *
 * - `replaced`: the text held characters PostgreSQL cannot store (NUL, a lone UTF-16 surrogate); each is now
 *   U+FFFD. `original` is the exact original as JSON text (`JSON.parse` gives it back) when it was small.
 * - `truncated`: the value was too long; its beginning is kept, with the original's `length` and `sha256`.
 * - `flattened`: the value was nested too deeply or was too large as a whole; it is now its JSON text (maybe truncated).
 * - `renamed`: a property name held such characters; `original` is the name as JSON text.
 * - `reserved`: the producer sent a property the server owns (`receivedAt`, `marks`); `original` is what it sent.
 * - `clock-ahead` / `clock-behind`: `createdAt` was further from the server's `receivedAt` than the tolerance, by `byMs`.
 */
export type StoredMarkKind = 'replaced' | 'truncated' | 'flattened' | 'renamed' | 'reserved' | 'clock-ahead' | 'clock-behind'

export interface StoredMark {
  /** Where in the event, as a field path (`payload.userAgent`, `items[2]`); `''` for the event as a whole. */
  path: string
  kind: StoredMarkKind
  /** The original as JSON text, when it was small enough to keep whole. */
  original?: string
  /** The original's length: characters of text, or of JSON text for a flattened value. */
  length?: number
  /** SHA-256 (hex) of the original's JSON text in UTF-8, when it is not kept whole. */
  sha256?: string
  /** How far `createdAt` was from `receivedAt`, in milliseconds (clock marks). */
  byMs?: number
  /** Characters were replaced too (a truncated or flattened value). */
  replaced?: boolean
}
