import { germanSpan, span } from './messageWords'
import type { InputProblem, PagingStop } from './problems'

/** The notices above the table: what the viewer corrected in what the backend sent or what it was given; part of `AuditLogsMessages`. */
export interface NoticeMessages {
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
  /** What the viewer corrected in the fields or search it was given (shown above the table). */
  inputProblem: (problem: InputProblem) => string
}

/** The default English strings. */
export const noticeMessages: NoticeMessages = {
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
}

/** German strings. */
export const germanNoticeMessages: NoticeMessages = {
  pagingStopped: (reason) =>
    `${reason === 'repeated-cursor' ? 'Der Audit-Log-Dienst hat eine Seitenposition wiederholt' : 'Der Audit-Log-Dienst hat immer wieder leere Seiten gesendet'}; das Laden wurde hier beendet, um ihn zu schonen. Die Liste ist womöglich unvollständig.`,
  totalContradicted: (reported, delivered) =>
    `Der Audit-Log-Dienst hat ${reported} passende Ereignisse gezählt, aber ${delivered} gesendet; die angezeigte Anzahl ist auf das Gesendete berichtigt.`,
  outsideRange: (count, formatted) =>
    `Der Audit-Log-Dienst hat ${count === 1 ? '1 Ereignis' : `${formatted} Ereignisse`} außerhalb des gesuchten Zeitraums gesendet; ${count === 1 ? 'es wird' : 'sie werden'} nicht angezeigt.`,
  repeatedIds: (count, formatted) =>
    `${count === 1 ? '1 Ereignis teilt seine ID' : `${formatted} Ereignisse teilen ihre IDs`} mit einem anderen Ereignis, ${count === 1 ? 'unterscheidet' : 'unterscheiden'} sich aber davon; jedes wird als eigene Zeile gezeigt.`,
  mergedCopies: (count, formatted) =>
    `Der Audit-Log-Dienst hat ${count === 1 ? '1 Ereignis' : `${formatted} Ereignisse`} auf einer späteren Seite erneut gesendet, genau gleich; jedes wird einmal gezeigt.`,
  logChanged:
    'Das Audit-Log hat sich geändert, während Sie es gelesen haben: manche Zeilen stehen womöglich nicht an ihrem Platz. Laden Sie neu, um es so zu sehen, wie es jetzt ist.',
  noticesTitle: 'Einiges von dem, was der Server sandte, wurde berichtigt',
  dismissNotices: 'Ausblenden',
  inputProblem: (problem) => {
    switch (problem.kind) {
      case 'field-without-key':
        return 'Ein Feld ohne Schlüssel wurde aus der Datenstruktur weggelassen.'
      case 'duplicate-field':
        return `Das Feld „${problem.key}“ ist doppelt definiert; das zweite wurde weggelassen.`
      case 'invalid-field-path':
        return `Das Feld „${problem.key}“ hat keinen gültigen Pfad (wie payload.plan) und keine Wertfunktion; es wurde weggelassen.`
      case 'unknown-sort':
        return `Nach „${problem.key}“ kann nicht sortiert werden; die Ereignisse sind stattdessen nach Zeit sortiert, neueste zuerst.`
      case 'unknown-filter':
        return `Der Filter auf „${problem.key}“ wurde entfernt: Nach keinem Feld kann so gefiltert werden.`
      case 'unsupported-exclude':
        return `Der „ist nicht“-Filter auf „${problem.key}“ wurde entfernt: Dieses Protokoll kann „ist nicht“ nicht anwenden.`
      case 'invalid-range':
        return 'Der Zeitraum war ungültig und wurde entfernt.'
      case 'range-too-long':
        return `Der Zeitraum war länger als ${germanSpan(problem.maxDays)}; er beginnt jetzt ${germanSpan(problem.maxDays)} vor seinem Ende.`
    }
  },
}
