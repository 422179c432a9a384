import { AuditLogs, createFetchAdapter } from 'react-audit-logs'
import 'react-audit-logs/styles.css'

import { getToken } from './auth'

const adapter = createFetchAdapter({
  baseUrl: '/api/audit-logs',
  headers: async () => ({ authorization: `Bearer ${await getToken()}` }),
})

export function AuditLogPage() {
  return <AuditLogs adapter={adapter} defaultTimeZone="Europe/Prague" />
}
