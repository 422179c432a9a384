/** The words of a row's actor mark; part of `AuditLogsMessages`, loaded with the row's extras. */
export interface RowMessages {
  /** The text alternative of the mark beside an actor who is a person (their initials or avatar). */
  actorPerson: string
  /** … an API key or another credential acting on its own. */
  actorApiKey: string
  /** … the product itself (a scheduled job, an automation). */
  actorSystem: string
}

/** The default English words of a row's actor mark. */
export const rowMessages: RowMessages = {
  actorPerson: 'Person',
  actorApiKey: 'API key',
  actorSystem: 'System',
}

export const germanRowMessages: RowMessages = {
  actorPerson: 'Person',
  actorApiKey: 'API-Schlüssel',
  actorSystem: 'System',
}
