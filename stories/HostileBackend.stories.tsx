import type { Meta, StoryObj } from '@storybook/react-vite'
import { useMemo } from 'react'

import { createFetchAdapter } from '../src/adapter/fetchAdapter'
import { AuditLogs } from '../src/components/AuditLogs/AuditLogs'

interface HostileBackendProps {
  /** Which misbehaviour the backend plays (see `test/e2e/hostileBackend.ts`). */
  scenario: string
  /** The port the end-to-end test's backend listens on. */
  port: string
}

/** The viewer, with the REST adapter, on a backend at `127.0.0.1:{port}/{scenario}`. */
function HostileBackendViewer({ scenario, port }: HostileBackendProps) {
  const adapter = useMemo(() => createFetchAdapter({ baseUrl: `http://127.0.0.1:${port}/${scenario}` }), [scenario, port])
  // Without the test's backend there is nothing to ask (and no request to another origin).
  if (port === '') return <p>This story shows the viewer on the hostile backend that the end-to-end tests start; it has no data of its own.</p>
  return (
    <AuditLogs
      adapter={adapter}
      pageSize={20}
      requestTimeout={5_000}
      timeZone="UTC"
      locale="en-US"
      defaultSearch={{ from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z', sort: { key: 'createdAt', direction: 'desc' } }}
    />
  )
}

/**
 * A fixture for the end-to-end tests (`test/e2e/hostileBackend.e2e.test.ts`): a real REST backend that
 * misbehaves (cycling cursors, endless empty pages, events outside the range, a total that lies, a connection
 * reset mid-answer, a spoofed actor, impossible times) serves this story. Without that backend running it
 * shows the viewer's network message.
 */
const meta = {
  title: 'Tests/Hostile REST backend',
  component: HostileBackendViewer,
  args: { scenario: 'cycling', port: '' },
  tags: ['!test', '!autodocs'],
} satisfies Meta<typeof HostileBackendViewer>

export default meta

export const HostileBackend: StoryObj<typeof meta> = {}
