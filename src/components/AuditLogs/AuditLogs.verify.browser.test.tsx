import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { commands, userEvent } from 'vitest/browser'

import type { AuditLogsAdapter } from '../../adapter/types'
import type { AuditPage, AuditQuery } from '../../core/types'
import { downloadCsv } from '../../../test/support/downloads'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from './AuditLogs'

const JANUARY = { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' }

/** A backend that answers every request with `answer(query)`, a moment later, as over a network. */
function backend(answer: (query: AuditQuery) => AuditPage): AuditLogsAdapter {
  return {
    listEvents: async (query) => {
      await new Promise((resolve) => setTimeout(resolve, 10))
      return answer(query)
    },
  }
}

const wait = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds))

describe('answers the viewer does not believe', () => {
  it('events outside the searched range are left out of the table and the CSV, and the viewer says so', async () => {
    // 3 January events and 2 from December, which the backend sends although January was asked for.
    const january = makeEvents(3, Date.UTC(2026, 0, 10))
    const december = makeEvents(2, Date.UTC(2025, 11, 24)).map((event) => ({ ...event, id: `dec-${event.id}` }))
    const adapter = backend(() => ({ events: [...january, ...december], nextCursor: null, total: 5 }))
    render(<AuditLogs adapter={adapter} defaultSearch={JANUARY} timeZone="UTC" locale="en-US" />)

    await screen.findByText('The audit-log service sent 2 events from outside the searched range; they are not shown.')
    expect(screen.getByText('3 events')).toBeVisible()
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1)
    expect(rows.map((row) => row.dataset.eventId)).toEqual(january.map((event) => event.id))

    const { rows: csv } = await downloadCsv(() => userEvent.click(screen.getByRole('button', { name: 'Download CSV' })))
    expect(csv).toHaveLength(4)
    expect(csv.flat().some((cell) => cell.startsWith('2025-12'))).toBe(false)
    await screen.findByText(/Downloaded 3 events to .+\. 2 events the audit-log service sent from outside the range were left out\./)
  })

  it('a total of 1,000,000 over three events and a last page is corrected to 3, and said', async () => {
    render(<AuditLogs adapter={backend(() => ({ events: makeEvents(3), nextCursor: null, total: 1_000_000 }))} timeZone="UTC" locale="en-US" />)
    await screen.findByText('The audit-log service counted 1,000,000 matching events but sent 3; the count shown is corrected to what it sent.')
    expect(screen.getByText('3 events')).toBeVisible()
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '4')
  })

  it('a total of 10 over 60 delivered events, more to come, is no total: the count says "at least"', async () => {
    const events = makeEvents(120)
    const adapter = backend(({ cursor, limit }) => {
      const start = Number(cursor ?? 0)
      const next = start + limit
      return { events: events.slice(start, next), nextCursor: next < events.length ? String(next) : null, total: 10 }
    })
    render(<AuditLogs adapter={adapter} pageSize={60} timeZone="UTC" locale="en-US" />)
    await screen.findByText('The audit-log service counted 10 matching events but sent 60; the count shown is corrected to what it sent.')
    expect(screen.getByText('60+ events')).toBeVisible()
    // Not known yet: never the backend's 10.
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '-1')
  })
})

describe('events that share an id', () => {
  // As Kubernetes writes them: one auditID per request, one event per stage; and two records alike in one page.
  const stage = (auditID: string, minute: number, stageName: string) => ({
    id: auditID,
    createdAt: new Date(Date.UTC(2026, 0, 10, 9, minute)).toISOString(),
    action: 'get pods',
    stage: stageName,
  })
  const kube = [
    stage('a1', 1, 'RequestReceived'),
    stage('a1', 1, 'ResponseComplete'),
    stage('a2', 2, 'RequestReceived'),
    stage('a2', 2, 'ResponseComplete'),
    stage('a3', 3, 'ResponseComplete'),
    stage('a3', 3, 'ResponseComplete'),
  ]
  const fields = [
    { key: 'createdAt', label: 'Time', type: 'datetime' as const },
    { key: 'id', label: 'Audit ID' },
    { key: 'stage', label: 'Stage' },
  ]

  it('are all shown, counted and exported, each once; records alike within one page are all kept', async () => {
    render(<AuditLogs adapter={backend(() => ({ events: kube, nextCursor: null, total: 6 }))} fields={fields} timeZone="UTC" locale="en-US" />)
    await screen.findByText('6 events')
    await screen.findByText('2 events share their ids with another event but differ from it; each is shown as a row of its own.')
    expect(screen.queryByText(/exactly alike/)).toBeNull()
    expect(screen.queryByText(/counted 6 matching events/)).toBeNull()
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1)
    expect(rows.map((row) => row.dataset.eventId)).toEqual(['a1', 'a1#2', 'a2', 'a2#2', 'a3', 'a3#2'])

    // The second stage opens as itself, not as the first event with its id.
    await userEvent.click(rows[1]?.querySelector('td') as HTMLElement)
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText('ResponseComplete')).toBeVisible()
    await userEvent.keyboard('{Escape}')

    const { rows: csv } = await downloadCsv(() => userEvent.click(screen.getByRole('button', { name: 'Download CSV' })))
    expect(csv.slice(1).map((row) => `${row[1] ?? ''}/${row[2] ?? ''}`)).toEqual([
      'a1/RequestReceived',
      'a1/ResponseComplete',
      'a2/RequestReceived',
      'a2/ResponseComplete',
      'a3/ResponseComplete',
      'a3/ResponseComplete',
    ])
    expect(screen.queryByText(/written once/)).toBeNull()
  })

  it('merges only copies of an earlier page (pages that overlapped), and says so in the table and the CSV status', async () => {
    // The second page starts with the first page's last record again, as an offset shifted by an insert does.
    const adapter = backend((query) =>
      query.cursor === 'p2'
        ? { events: [stage('a3', 3, 'ResponseComplete'), stage('a4', 4, 'ResponseComplete')], nextCursor: null }
        : { events: kube, nextCursor: 'p2' },
    )
    render(<AuditLogs adapter={adapter} fields={fields} timeZone="UTC" locale="en-US" />)
    await screen.findByText('The audit-log service sent 1 event again on a later page, exactly alike; each is shown once.')
    await expect
      .poll(() =>
        within(screen.getByRole('table'))
          .getAllByRole('row')
          .slice(1)
          .map((row) => row.dataset.eventId),
      )
      .toEqual(['a1', 'a1#2', 'a2', 'a2#2', 'a3', 'a3#2', 'a4'])
    const { rows: csv } = await downloadCsv(() => userEvent.click(screen.getByRole('button', { name: 'Download CSV' })))
    expect(csv.slice(1)).toHaveLength(7)
    await screen.findByText(
      /^Downloaded 7 events to .*The audit-log service sent 1 event again on a later page, exactly alike; each was written once\.$/,
    )
  })

  it('are told apart by the identity the host gives (getId), with nothing to report', async () => {
    const getId = (event: { id: string; stage?: unknown }): string => `${event.id}:${String(event.stage)}`
    render(<AuditLogs adapter={backend(() => ({ events: kube, nextCursor: null }))} fields={fields} getId={getId} timeZone="UTC" locale="en-US" />)
    await screen.findByText('6 events')
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1)
    expect(rows[1]?.dataset.eventId).toBe('a1:ResponseComplete')
    expect(screen.queryByText(/share their ids/)).toBeNull()
  })
})

describe('a tenant change ends everything of the previous tenant', () => {
  it('cancels its export (no file arrives later), clears its filter and text, and closes its event', async () => {
    const queries: { tenant: string | undefined; query: AuditQuery }[] = []
    let releaseExport: () => void = () => undefined
    const exportHeld = new Promise<void>((resolve) => {
      releaseExport = resolve
    })
    const events = makeEvents(40)
    const adapter: AuditLogsAdapter = {
      listEvents: async (query, { tenantId }) => {
        queries.push({ tenant: tenantId, query })
        // The export asks for pages of 500; the first of tenant a's is held until after the switch.
        if (query.limit === 500 && tenantId === 'a') await exportHeld
        return { events: events.map((event) => ({ ...event, tenant: tenantId })), nextCursor: null, total: events.length }
      },
    }
    const search = { ...JANUARY, search: 'save', filters: { action: ['save'] } }
    const view = (tenantId: string) => (
      <AuditLogs
        adapter={adapter}
        tenantId={tenantId}
        defaultSearch={search}
        defaultOpenEventId={events[0]?.id ?? null}
        timeZone="UTC"
        locale="en-US"
      />
    )
    const { rerender } = render(view('a'))
    await screen.findByRole('dialog')
    await userEvent.keyboard('{Escape}')
    await commands.countDownloads()
    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }))
    await screen.findByText(/Exporting…/)

    rerender(view('b'))
    releaseExport()
    await screen.findByText('40 events')
    await wait(1_000)
    expect(await commands.countedDownloads()).toBe(0)
    expect(screen.queryByText(/Downloaded|Exporting…/)).toBeNull()
    // Tenant b's queries never carried tenant a's filter or text; its range and sort stay.
    const forB = queries.filter(({ tenant }) => tenant === 'b')
    expect(forB.length).toBeGreaterThan(0)
    for (const { query } of forB) {
      expect(query.filters).toBeUndefined()
      expect(query.search).toBeUndefined()
      expect(query.from).toBe(JANUARY.from)
    }
    expect(screen.getByRole('searchbox')).toHaveValue('')
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})

describe('a tenant change with an "is not" filter', () => {
  it("sends none of the previous tenant's exclusions, filters or text in the next tenant's requests or URL", async () => {
    const queries: { tenant: string | undefined; query: AuditQuery }[] = []
    const events = makeEvents(20)
    const adapter: AuditLogsAdapter = {
      supportsExclude: true,
      listEvents: async (query, { tenantId }) => {
        queries.push({ tenant: tenantId, query })
        return { events, nextCursor: null, total: events.length }
      },
    }
    const search = { ...JANUARY, search: 'save', filters: { action: ['save'] }, exclude: { severity: ['Info'] } }
    const view = (tenantId: string) => (
      <AuditLogs adapter={adapter} tenantId={tenantId} defaultSearch={search} urlState timeZone="UTC" locale="en-US" />
    )
    const { rerender, unmount } = render(view('a'))
    await screen.findByRole('button', { name: /Remove filter Severity is not/ })
    await expect.poll(() => new URLSearchParams(window.location.search).get('exclude.severity')).toBe('Info')
    expect(queries.some(({ tenant, query }) => tenant === 'a' && query.exclude?.severity?.[0] === 'Info')).toBe(true)

    rerender(view('b'))
    await expect.poll(() => queries.some(({ tenant }) => tenant === 'b')).toBe(true)
    await expect.poll(() => new URLSearchParams(window.location.search).get('exclude.severity')).toBeNull()
    for (const { query } of queries.filter(({ tenant }) => tenant === 'b')) {
      expect(query.exclude).toBeUndefined()
      expect(query.filters).toBeUndefined()
      expect(query.search).toBeUndefined()
      expect(query.from).toBe(JANUARY.from)
    }
    const params = [...new URLSearchParams(window.location.search).keys()]
    expect(params.filter((name) => /^(exclude|filter)\.|^search$/.test(name))).toEqual([])
    expect(screen.queryByRole('button', { name: /Remove filter/ })).toBeNull()
    unmount()
    window.history.replaceState(null, '', window.location.pathname)
  })
})
