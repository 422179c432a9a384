import { type AuditLogsMessages, span } from './messages'

/** The default English messages of the detail drawer, the settings panel and the input notices. */
// Its keys are the lazy ones (`LazyMessageKey`); every other message must be in `coreMessages`.
export const lazyMessages = {
  pagingStopped: (reason) =>
    `${reason === 'repeated-cursor' ? 'The audit-log service sent a page position it had sent before' : 'The audit-log service kept sending empty pages'}, so loading stopped here to spare it. The list may be incomplete.`,
  totalContradicted: (reported, delivered) =>
    `The audit-log service counted ${reported} matching events but sent ${delivered}; the count shown is corrected to what it sent.`,
  outsideRange: (count, formatted) =>
    `The audit-log service sent ${count === 1 ? '1 event' : `${formatted} events`} from outside the searched range; ${count === 1 ? 'it is' : 'they are'} not shown.`,
  repeatedIds: (count, formatted) =>
    `${count === 1 ? '1 event shares its id' : `${formatted} events share their ids`} with another event but ${count === 1 ? 'differs' : 'differ'} from it; each is shown as a row of its own.`,
  mergedCopies: (count, formatted) =>
    `The audit-log service sent ${count === 1 ? '1 event' : `${formatted} events`} again on a later page, exactly alike; each is shown once.`,
  logChanged: 'The audit log changed while you were reading it: some rows may be out of place. Reload to see it as it is now.',
  noticesTitle: 'Some of what the server sent was corrected',
  dismissNotices: 'Dismiss',
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
  serverRecordHeading: 'Recorded by the server',
  receivedAtLabel: 'Received',
  markText: (mark, { length, by }) => {
    switch (mark.kind) {
      case 'replaced':
        return 'Held characters that cannot be stored (NUL or a broken character); each is shown as �. The original is kept below.'
      case 'truncated':
        return `Too long to store whole: its first part is kept. The original had ${length} characters${mark.replaced === true ? ' and characters that cannot be stored' : ''}.`
      case 'flattened':
        return 'Nested too deeply or too large as a whole: stored as its JSON text.'
      case 'renamed':
        return 'The property name held characters that cannot be stored; each is shown as �. The original name is kept below.'
      case 'reserved':
        return 'The sender set this property, which the server writes itself; what it sent is kept below.'
      case 'clock-ahead':
        return `The sender's time is ${by} ahead of the server's clock.`
      case 'clock-behind':
        return `The sender's time is ${by} behind the server's clock.`
    }
  },
  markOriginal: 'Original',
  reveal: 'Reveal',
  revealLabel: (field) => `Reveal ${field} (the reveal is recorded)`,
  revealFailed: 'The value could not be revealed.',
  changesHeading: 'Changes',
  changeField: 'Field',
  changeBefore: 'Before',
  changeAfter: 'After',
  changeKinds: { changed: 'Changed', added: 'Added', removed: 'Removed', unchanged: 'Unchanged' },
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
  integrityVerified: (through, count, formatted) => `Verified through ${through} · ${count === 1 ? '1 event' : `${formatted} events`}`,
  integrityNothing: 'No chained events to verify in this range.',
  integrityAlarmTitle: 'This audit log was altered',
  integrityAlarm: (reason, eventId, seq) => {
    const event = eventId === null ? `#${String(seq)}` : `"${eventId}"`
    switch (reason) {
      case 'content-changed':
        return `Event ${event} was changed after it was recorded.`
      case 'event-missing':
        return eventId === null
          ? `Events from #${String(seq)} on were removed from the log.`
          : `The event recorded before ${event} (#${String(seq)}) was removed.`
      case 'order-changed':
        return `Event ${event} was moved from its place in the log.`
      case 'checkpoint-signature':
        return `The signed checkpoint at event ${event} is not genuine.`
      case 'checkpoint-mismatch':
        return `The log was rewritten before event ${event}: it no longer matches its signed checkpoint.`
    }
  },
  integrityOpenEvent: 'Open the event',
  integrityFailed: 'The integrity of this log could not be checked.',
  integrityHeading: 'Integrity',
  integritySeq: 'Sequence',
  integrityHash: 'Hash (SHA-256)',
  integrityState: 'State',
  integrityStateNames: { verified: 'Verified', altered: 'Altered', unknown: 'Unknown', unchained: 'Not chained' },
  integrityStates: {
    verified: 'Unchanged since it was recorded.',
    altered: 'Changed, moved or signed falsely after it was recorded.',
    unknown: 'The log is broken before this event, so nothing can be said of it.',
    unchained: 'Recorded before the log kept integrity.',
  },
  integrityChecking: 'Checking…',
  eventLoadError: 'The full record could not be loaded.',
  eventNotLoaded: 'This event is not among the loaded results.',
  jsonShowMore: (remaining) => `Show more (${remaining} left)`,
  textShowMore: (remaining) => `Show more (${remaining} characters left)`,
  from: 'From',
  fromTime: 'From time',
  to: 'To',
  toTime: 'To time',
  timeZoneLabel: 'Time zone',
  userTimeZone: (zone) => `Your time zone (${zone})`,
  searchButton: 'Apply',
  rangeProblems: {
    'invalid-from': 'Enter a From date as a real calendar date.',
    'invalid-to': 'Enter a To date as a real calendar date.',
    'to-before-from': 'The To date is before the From date. Pick a To date on or after the From date.',
  },
  rangeTooLong: (maxDays) => `A date range can span at most ${span(maxDays)}. Pick a later From date or an earlier To date.`,
  timesIn: (zone) => `Times in ${zone}`,
  change: 'Change',
  changeTimeZone: 'Change the time zone',
  rangePresetLabel: 'Range',
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
  exportProgress: (written, total) => (total === undefined ? `Exporting… ${written} events` : `Exporting… ${written} of ${total} events`),
  exportDone: (rows, formatted, fileName) => `Downloaded ${rows === 1 ? '1 event' : `${formatted} events`} to ${fileName}.`,
  exportDoneByServer: (fileName) => `Downloaded ${fileName}, prepared by the server.`,
  exportTruncated: (cells) =>
    `${cells === 1 ? '1 cell was' : `${cells} cells were`} longer than Excel's 32,767-character limit and cut, marked "…[truncated]".`,
  exportFailedCells: (cells) =>
    `${cells === 1 ? '1 cell' : `${cells} cells`} could not be formatted as the data structure says and ${cells === 1 ? 'holds its value' : 'hold their values'} as stored.`,
  exportOutsideRange: (count, formatted) =>
    `${count === 1 ? '1 event' : `${formatted} events`} the audit-log service sent from outside the range ${count === 1 ? 'was' : 'were'} left out.`,
  exportMerged: (count, formatted) =>
    `The audit-log service sent ${count === 1 ? '1 event' : `${formatted} events`} again on a later page, exactly alike; each was written once.`,
  exportFailed: 'The export failed.',
  exportNoFile: 'No file was saved.',
  exportCancelled: 'Export cancelled. No file was saved.',
  filterByValue: (label, value) => `Filter by ${label}: ${value}`,
  filterButton: 'Filter',
  settingsTitle: 'Data structure',
  shownInTable: 'Shown in table',
  includedInDownload: 'Included in download',
  hiddenFromViewers: 'Hidden (sensitive)',
  hiddenByCode: 'Hidden by the application: it cannot be shown from here.',
  moveUp: (label) => `Move ${label} up`,
  moveDown: (label) => `Move ${label} down`,
  removeField: (label) => `Remove ${label}`,
  fieldMoved: (label, position, total) => `${label} moved to position ${position} of ${total}.`,
  addFieldHeading: 'Add a field',
  newFieldKey: 'Key or path',
  newFieldLabel: 'Label',
  newFieldType: 'Type',
  addField: '+ Add field',
  fieldAdded: (label) => `${label} added as a column.`,
  fieldTypes: {
    text: 'Text',
    datetime: 'Date and time',
    severity: 'Severity',
    status: 'Status',
    email: 'Email',
    ip: 'IP address',
    number: 'Number',
    json: 'JSON',
  },
  newFieldProblems: {
    'empty-key': 'Enter the key or dot path of the value, e.g. payload.plan.',
    'invalid-path': 'A path is words joined by dots, without spaces or empty parts, e.g. payload.plan.',
    'duplicate-key': 'A field with this key already exists.',
    'empty-label': 'Enter a label: it is the column header and the CSV header.',
  },
  saveFields: 'Save',
  savingFields: 'Saving…',
  savedFields: 'Saved.',
  saveFieldsFailed: 'The data structure could not be saved.',
  editsKept: 'Your changes are kept; try again.',
  jsonSummary: (count, kind) => (kind === 'array' ? `[${count} ${count === 1 ? 'item' : 'items'}]` : `{${count} ${count === 1 ? 'key' : 'keys'}}`),
  inputProblem: (problem) => {
    switch (problem.kind) {
      case 'field-without-key':
        return 'A field without a key was left out of the data structure.'
      case 'duplicate-field':
        return `The field "${problem.key}" is defined twice; the second one was left out.`
      case 'invalid-field-path':
        return `The field "${problem.key}" has no valid path (like payload.plan) and no value function; it was left out.`
      case 'unknown-sort':
        return `Events cannot be sorted by "${problem.key}"; they are sorted newest first instead.`
      case 'unknown-filter':
        return `The filter on "${problem.key}" was dropped: no field can be filtered by it.`
      case 'unsupported-exclude':
        return `The "is not" filter on "${problem.key}" was dropped: this audit log cannot apply "is not" filters.`
      case 'invalid-range':
        return 'The date range was not a valid range and was dropped.'
      case 'range-too-long':
        return `The date range was longer than ${span(problem.maxDays)}; it now starts ${span(problem.maxDays)} before its end.`
    }
  },
} satisfies Partial<AuditLogsMessages>
