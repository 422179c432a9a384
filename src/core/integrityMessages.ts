import type { EventIntegrity } from './integrity'
import { germanCount } from './messageWords'
import type { IntegrityProblemReason } from './problems'

/** The integrity indicator above the table and the drawer's integrity block (an adapter with `verifyIntegrity`); part of `AuditLogsMessages`. */
export interface IntegrityMessages {
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
  integrityHeading: string
  integritySeq: string
  integrityHash: string
  integrityState: string
  /** A word for each state, on the badge. */
  integrityStateNames: Record<EventIntegrity['state'], string>
  /** What each state means. */
  integrityStates: Record<EventIntegrity['state'], string>
  integrityChecking: string
}

/** The default English strings. */
export const integrityMessages: IntegrityMessages = {
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
}

/** German strings. */
export const germanIntegrityMessages: IntegrityMessages = {
  integrityVerified: (through, value, formatted) => `Geprüft bis ${through} · ${germanCount(value, formatted, 'Ereignis', 'Ereignisse')}`,
  integrityNothing: 'In diesem Zeitraum gibt es keine verketteten Ereignisse zu prüfen.',
  integrityAlarmTitle: 'Dieses Audit-Log wurde verändert',
  integrityAlarm: (reason, eventId, seq) => {
    const event = eventId === null ? `#${String(seq)}` : `„${eventId}“`
    switch (reason) {
      case 'content-changed':
        return `Ereignis ${event} wurde nach der Aufzeichnung geändert.`
      case 'event-missing':
        return eventId === null
          ? `Ereignisse ab #${String(seq)} wurden aus dem Log entfernt.`
          : `Das Ereignis vor ${event} (#${String(seq)}) wurde entfernt.`
      case 'order-changed':
        return `Ereignis ${event} wurde an eine andere Stelle im Log verschoben.`
      case 'checkpoint-signature':
        return `Der signierte Prüfpunkt bei Ereignis ${event} ist nicht echt.`
      case 'checkpoint-mismatch':
        return `Das Log wurde vor Ereignis ${event} neu geschrieben: es passt nicht mehr zu seinem signierten Prüfpunkt.`
    }
  },
  integrityOpenEvent: 'Ereignis öffnen',
  integrityFailed: 'Die Integrität dieses Logs konnte nicht geprüft werden.',
  integrityHeading: 'Integrität',
  integritySeq: 'Folgenummer',
  integrityHash: 'Hash (SHA-256)',
  integrityState: 'Zustand',
  integrityStateNames: { verified: 'Geprüft', altered: 'Verändert', unknown: 'Unbekannt', unchained: 'Nicht verkettet' },
  integrityStates: {
    verified: 'Unverändert seit der Aufzeichnung.',
    altered: 'Nach der Aufzeichnung geändert, verschoben oder falsch signiert.',
    unknown: 'Das Log ist vor diesem Ereignis gebrochen; über dieses Ereignis lässt sich nichts sagen.',
    unchained: 'Aufgezeichnet, bevor das Log Integrität führte.',
  },
  integrityChecking: 'Wird geprüft…',
}
