import type { StoredMark } from './problems'

/** What the drawer says of how the event was recorded: its changes and what the server did to it; part of `AuditLogsMessages`. */
export interface RecordMessages {
  /** The drawer's section of what the server recorded beside the event: when it arrived, and its marks. */
  serverRecordHeading: string
  receivedAtLabel: string
  /** What the server did to a value so the event could be stored, or noticed about it (`StoredMark`). */
  markText: (mark: StoredMark, formatted: { length: string; by: string }) => string
  /** The label of a mark's original value, kept whole. */
  markOriginal: string
  /** The before/after table of a payload that records a change. */
  changesHeading: string
  changeField: string
  changeBefore: string
  changeAfter: string
  changeKinds: { changed: string; added: string; removed: string; unchanged: string }
}

/** The default English strings. */
export const recordMessages: RecordMessages = {
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
  changesHeading: 'Changes',
  changeField: 'Field',
  changeBefore: 'Before',
  changeAfter: 'After',
  changeKinds: { changed: 'Changed', added: 'Added', removed: 'Removed', unchanged: 'Unchanged' },
}

/** German strings. */
export const germanRecordMessages: RecordMessages = {
  serverRecordHeading: 'Vom Server festgehalten',
  receivedAtLabel: 'Empfangen',
  markText: (mark, { length, by }) => {
    switch (mark.kind) {
      case 'replaced':
        return 'Enthielt Zeichen, die nicht gespeichert werden können (NUL oder ein defektes Zeichen); jedes wird als � gezeigt. Das Original steht unten.'
      case 'truncated':
        return `Zu lang zum Speichern: Der Anfang ist erhalten. Das Original hatte ${length} Zeichen${mark.replaced === true ? ' und Zeichen, die nicht gespeichert werden können' : ''}.`
      case 'flattened':
        return 'Zu tief verschachtelt oder als Ganzes zu groß: als JSON-Text gespeichert.'
      case 'renamed':
        return 'Der Name der Eigenschaft enthielt Zeichen, die nicht gespeichert werden können; jedes wird als � gezeigt. Der ursprüngliche Name steht unten.'
      case 'reserved':
        return 'Der Absender hat diese Eigenschaft gesetzt, die der Server selbst schreibt; was er sandte, steht unten.'
      case 'clock-ahead':
        return `Die Zeit des Absenders geht der Serveruhr um ${by} voraus.`
      case 'clock-behind':
        return `Die Zeit des Absenders liegt ${by} hinter der Serveruhr.`
    }
  },
  markOriginal: 'Original',
  changesHeading: 'Änderungen',
  changeField: 'Feld',
  changeBefore: 'Vorher',
  changeAfter: 'Nachher',
  changeKinds: { changed: 'Geändert', added: 'Hinzugefügt', removed: 'Entfernt', unchanged: 'Unverändert' },
}
