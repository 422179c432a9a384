// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from './AuditLogs'

describe('AuditLogs on the server', () => {
  it('renders to a string without a DOM (the table and its controls; data loads in the browser)', () => {
    expect(typeof window).toBe('undefined')
    const html = renderToString(<AuditLogs adapter={createMemoryAdapter(makeEvents(3))} urlState timeZone="UTC" locale="en-US" canConfigure />)
    expect(html).toContain('aria-label="Audit log"')
    expect(html).toContain('Loading events…')
    expect(html).toContain('Download CSV')
  })

  it('renders the access states too', () => {
    expect(renderToString(<AuditLogs adapter={createMemoryAdapter([])} canView={false} />)).toContain('permission to view audit logs')
  })
})
