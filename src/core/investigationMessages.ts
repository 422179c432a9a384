/** The strings of an investigation's moves (in the drawer); part of `AuditLogsMessages`. */
export interface InvestigationMessages {
  /** The name of the group of moves. */
  investigateLabel: string
  sameActor: string
  sameResource: string
  /** "± 5 min": everything in the minutes around the event. */
  aroundThis: (minutes: number) => string
  /** Said with the moves: what they do and how to come back. */
  investigateHint: string
}

/** The default English strings of the moves. */
export const investigationMessages: InvestigationMessages = {
  investigateLabel: 'Investigate',
  sameActor: 'Same actor',
  sameResource: 'Same resource',
  aroundThis: (minutes) => `± ${String(minutes)} min around this`,
  investigateHint: 'Shows other events; Back returns to this search.',
}

/** German strings of the moves. */
export const germanInvestigationMessages: InvestigationMessages = {
  investigateLabel: 'Untersuchen',
  sameActor: 'Gleicher Akteur',
  sameResource: 'Gleiche Ressource',
  aroundThis: (minutes) => `± ${String(minutes)} Min. um dieses`,
  investigateHint: 'Zeigt andere Ereignisse; Zurück führt zu dieser Suche.',
}
