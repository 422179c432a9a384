import { setupWorker } from 'msw/browser'
import { createAuditLogsHandlers, generateAuditEvents } from 'react-audit-logs/msw'

/** The demo's backend: the REST contract of `createFetchAdapter`, mocked in the browser by MSW. */
export async function startMockApi(): Promise<void> {
  const worker = setupWorker(...createAuditLogsHandlers({ baseUrl: '/api/audit-logs', events: generateAuditEvents({ count: 3_000 }), latency: 250 }))
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true })
}
