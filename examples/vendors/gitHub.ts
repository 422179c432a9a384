import type { AuditEvent, AuditField } from 'react-audit-logs'

/** A GitHub organisation audit-log entry (`GET /orgs/{org}/audit-log`): times in epoch milliseconds. */
export type GitHubAuditEntry = { _document_id: string; '@timestamp': number; action: string; [key: string]: unknown }
export type GitHubEvent = AuditEvent & GitHubAuditEntry

export const fromGitHub = (entry: GitHubAuditEntry): GitHubEvent => ({ ...entry, id: entry._document_id, createdAt: entry['@timestamp'] })

export const gitHubFields: AuditField<GitHubEvent>[] = [
  { key: 'createdAt', label: 'Time', type: 'datetime' },
  { key: 'action', label: 'Action', filterable: true },
  // Derived: "repo" of "repo.destroy".
  { key: 'category', label: 'Category', filterable: true, value: (event) => event.action.split('.')[0] },
  { key: 'actor', label: 'Actor', filterable: true },
  { key: 'org', label: 'Organisation', filterable: true },
  { key: 'repo', label: 'Repository' },
  { key: 'user', label: 'User' },
]
