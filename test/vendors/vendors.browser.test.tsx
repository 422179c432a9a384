/**
 * Real published audit events from six sources, mapped as docs/vendors.md ("Feeding it real logs") shows, in
 * Chromium: the count, the rows and the CSV agree (repeated ids, exact copies and an impossible date
 * included), derived fields filter and sort as a plain evaluation of their accessor does, and times keep every
 * digit their source wrote. Where each sample comes from: test/fixtures/vendors/README.md.
 */
import { render, screen, within } from '@testing-library/react'
import { type AuditEvent, type AuditField, AuditLogs, createMemoryAdapter } from 'react-audit-logs'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'

import { type AzureActivityEvent, azureActivityFields, fromAzureActivity } from '../../examples/vendors/azureActivity'
import { type CloudTrailEvent, type CloudTrailRecord, cloudTrailFields, fromCloudTrail } from '../../examples/vendors/cloudTrail'
import { fromGitHub, type GitHubAuditEntry, gitHubFields } from '../../examples/vendors/gitHub'
import { fromGoogleCloud, type GoogleCloudLogEntry, googleCloudFields } from '../../examples/vendors/googleCloud'
import { fromKubernetes, type KubernetesAuditEvent, kubernetesEventId, kubernetesFields } from '../../examples/vendors/kubernetes'
import { fromOkta, type OktaLogEvent, oktaFields } from '../../examples/vendors/okta'
import { downloadCsv } from '../support/downloads'
import * as azure from '../fixtures/vendors/azure-activity'
import * as cloudTrail from '../fixtures/vendors/cloudtrail'
import * as gitHub from '../fixtures/vendors/github'
import * as googleCloud from '../fixtures/vendors/gcp-audit'
import * as kubernetes from '../fixtures/vendors/kubernetes'
import * as okta from '../fixtures/vendors/okta'

interface Source {
  name: string
  events: AuditEvent[]
  fields: AuditField[]
  getId?: (event: AuditEvent) => string
}

/** One source as the viewer takes it; its own event type is the mapping's business. */
function source<TEvent extends AuditEvent>(name: string, events: TEvent[], fields: AuditField<TEvent>[], getId?: (event: TEvent) => string): Source {
  return { name, events, fields: fields as unknown as AuditField[], ...(getId ? { getId: getId as (event: AuditEvent) => string } : {}) }
}

const sources: Source[] = [
  source('AWS CloudTrail', (cloudTrail.events as CloudTrailRecord[]).map(fromCloudTrail), cloudTrailFields),
  source('Okta System Log', (okta.events as OktaLogEvent[]).map(fromOkta), oktaFields),
  source('GitHub audit log', (gitHub.events as GitHubAuditEntry[]).map(fromGitHub), gitHubFields),
  source('Kubernetes audit', (kubernetes.events as KubernetesAuditEvent[]).map(fromKubernetes), kubernetesFields, kubernetesEventId),
  source('Google Cloud audit logs', (googleCloud.events as GoogleCloudLogEntry[]).map(fromGoogleCloud), googleCloudFields),
  source('Azure Activity Log', (azure.events as AzureActivityEvent[]).map(fromAzureActivity), azureActivityFields),
]

/** What a person sees: the viewer over the memory adapter, given the fields so derived ones are evaluated. */
function show(source: Source, props: Partial<Parameters<typeof AuditLogs>[0]> = {}, adapterFields: boolean = true) {
  const adapter = createMemoryAdapter(source.events, adapterFields ? { fields: source.fields } : {})
  return render(
    <AuditLogs
      adapter={adapter}
      fields={source.fields}
      timeZone="UTC"
      locale="en-US"
      pageSize={100}
      {...(source.getId ? { getId: source.getId } : {})}
      {...props}
    />,
  )
}

const bodyRows = (): HTMLElement[] => within(screen.getByRole('table')).getAllByRole('row').slice(1)
const columnIndex = (label: string): number =>
  within(screen.getByRole('table'))
    .getAllByRole('columnheader')
    .findIndex((header) => header.textContent.includes(label))
const cellTexts = (label: string): string[] => {
  const index = columnIndex(label)
  return bodyRows().map((row) => row.querySelectorAll('td')[index]?.textContent ?? '')
}
const download = () => downloadCsv(() => userEvent.click(screen.getByRole('button', { name: 'Download CSV' })))

/** The events the viewer shows: every record (one page here, so no copy of an earlier page to merge). */
const distinctEvents = (source: Source): AuditEvent[] => source.events
const distinct = (source: Source): number => distinctEvents(source).length

/** A source's time as the CSV should write it in UTC: epoch ms as ISO, an ISO instant with at least milliseconds. */
function csvTime(value: unknown): string {
  if (typeof value === 'number') return new Date(value).toISOString()
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z$/.exec(String(value))
  // Anything else (none of these samples has an offset) is unreadable and written as it came.
  return match ? `${match[1] ?? ''}.${(match[2] ?? '').padEnd(3, '0')}Z` : String(value)
}

describe('real published audit logs', () => {
  it.each(sources)('$name: the count, the rows and the CSV agree, and every time keeps its digits', async (source) => {
    show(source)
    const expected = distinct(source)
    await screen.findByText(expected === 1 ? '1 event' : `${expected} events`)
    // The table's rows: as many as counted (the DOM holds those that fit its box, each once).
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', String(expected + 1))
    const drawn = bodyRows().map((row) => row.dataset.eventId)
    expect(new Set(drawn).size).toBe(drawn.length)
    expect(drawn.length).toBeLessThanOrEqual(expected)

    const { rows } = await download()
    const [header = [], ...data] = rows
    expect(data).toHaveLength(expected)
    // Each time cell is the source's instant in UTC (the zone shown), every fractional digit it wrote kept.
    const timeColumn = header.indexOf(source.fields.find((field) => field.key === 'createdAt')?.label ?? '')
    const expectedTimes = distinctEvents(source).map((event) => csvTime(event.createdAt))
    expect(data.map((row) => row[timeColumn]).sort()).toEqual(expectedTimes.sort())
    await screen.findByText(new RegExp(`^Downloaded ${expected} events? to `))
  })

  it('Kubernetes: microseconds, bracket paths into dotted annotation keys, lists of IPs, two records alike in one page both kept and one repeat kept', async () => {
    const source = sources[3] as Source
    show(source)
    await screen.findByText('3 events')
    expect(screen.queryByText(/exactly alike/)).toBeNull()
    await screen.findByText('1 event shares its id with another event but differs from it; each is shown as a row of its own.')
    expect(cellTexts('Decision')).toEqual(['allow', 'allow', 'allow'])
    expect(cellTexts('Source IPs').every((text) => /^\d+\.\d+\.\d+\.\d+/.test(text) && !text.includes('['))).toBe(true)
    const { rows } = await download()
    expect(rows.slice(1).map((row) => row[0])).toEqual(['2025-07-16T10:12:56.525137Z', '2025-07-16T10:12:56.525137Z', '2025-03-04T06:22:18.819232Z'])
  })

  it('Google Cloud: nanoseconds in the drawer and the CSV; NOTICE is an info badge', async () => {
    const source = sources[4] as Source
    show(source)
    await screen.findByText('3 events')
    const row = bodyRows().find((candidate) => candidate.dataset.eventId === '9frck8cf9j') as HTMLElement
    expect(row.querySelector('.ral-badge--info')?.textContent).toBe('NOTICE')
    await userEvent.click(row.querySelector('td') as HTMLElement)
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getAllByText('2020-06-30T16:14:47.593398572Z').length).toBeGreaterThan(0)
    await userEvent.keyboard('{Escape}')
    const { rows } = await download()
    expect(rows.slice(1).map((cells) => cells[0])).toContain('2020-06-30T16:14:47.593398572Z')
  })

  it('Okta: an impossible date (September 31st) is an unreadable row with its raw time, in the table and the CSV', async () => {
    const source = sources[1] as Source
    show(source)
    await screen.findByText('2 events')
    await screen.findByText('1 event shares its id with another event but differs from it; each is shown as a row of its own.')
    expect(screen.getByText('2017-09-31T22:23:07.777Z')).toBeVisible()
    const { rows } = await download()
    expect(rows.slice(1).map((cells) => cells[0])).toContain('2017-09-31T22:23:07.777Z')
  })

  it('Azure: seven fractional digits, a repeated eventDataId kept apart, claim URLs read by bracket path, tones per field', async () => {
    const source = sources[5] as Source
    show(source)
    await screen.findByText('8 events')
    await screen.findByText('1 event shares its id with another event but differs from it; each is shown as a row of its own.')
    const active = bodyRows()
      .flatMap((row) => [...row.querySelectorAll('.ral-badge')])
      .find((badge) => badge.textContent === 'Active')
    expect(active).toHaveClass('ral-badge--warning')
    const { rows } = await download()
    const [header = [], ...data] = rows
    expect(data.map((cells) => cells[0])).toContain('2018-01-29T20:42:31.3810679Z')
    const claimed = header.indexOf('Claimed name')
    expect(data.map((cells) => cells[claimed])).toContain('rob@contoso.com')
  })
})

describe('derived fields are honest', () => {
  const trail = sources[0] as Source
  const outcomeOf = (event: AuditEvent): unknown =>
    (cloudTrailFields.find((field) => field.key === 'outcome')?.value as (event: CloudTrailEvent) => unknown)(event as CloudTrailEvent)
  const failed = trail.events.filter((event) => outcomeOf(event) === 'Failed').length

  it("the drawer's Filter on a derived Result finds what a plain evaluation finds", async () => {
    show(trail)
    await screen.findByText('13 events')
    const failedRow = bodyRows().find((row) => row.textContent.includes('Failed')) as HTMLElement
    await userEvent.click(failedRow.querySelector('td') as HTMLElement)
    const dialog = await screen.findByRole('dialog')
    await userEvent.click(within(dialog).getByRole('button', { name: /^Filter by Result/ }))
    await screen.findByText(`${failed} events`)
    expect(cellTexts('Result')).toEqual(Array.from({ length: failed }, () => 'Failed'))
  })

  it('sorting by a derived column orders the rows as its values sort', async () => {
    show(trail)
    await screen.findByText('13 events')
    await userEvent.click(within(screen.getByRole('columnheader', { name: /Result/ })).getByRole('button'))
    await expect.poll(() => screen.getByRole('columnheader', { name: /Result/ }).getAttribute('aria-sort')).toBe('ascending')
    // The drawn rows (the first that fit the table's box) in the order of their values.
    const order = [...Array<string>(failed).fill('Failed'), ...Array<string>(13 - failed).fill('Success')]
    await expect.poll(() => cellTexts('Result')).toEqual(order.slice(0, bodyRows().length))
    expect(bodyRows().length).toBeGreaterThan(failed)
  })

  it('with an adapter that cannot evaluate it, a derived field offers neither sorting nor filtering', async () => {
    show(trail, {}, false)
    await screen.findByText('13 events')
    expect(within(screen.getByRole('columnheader', { name: /Result/ })).queryByRole('button')).toBeNull()
    expect(within(screen.getByRole('columnheader', { name: /Action/ })).getByRole('button')).toBeVisible()
    const failedRow = bodyRows().find((row) => row.textContent.includes('Failed')) as HTMLElement
    await userEvent.click(failedRow.querySelector('td') as HTMLElement)
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).queryByRole('button', { name: /^Filter by Result/ })).toBeNull()
    expect(within(dialog).getByRole('button', { name: /^Filter by Action/ })).toBeVisible()
  })

  it('a derived filter a host or link asks for is run by an adapter that evaluates it, and dropped with a notice by one that cannot', async () => {
    const hub = sources[2] as Source
    const repos = hub.events.filter((event) => String(event.action).startsWith('repo.')).length
    const { unmount } = show(hub, { defaultSearch: { filters: { category: ['repo'] } } })
    await screen.findByText(repos === 1 ? '1 event' : `${repos} events`)
    unmount()
    show(hub, { defaultSearch: { filters: { category: ['repo'] } } }, false)
    await screen.findByText('The filter on "category" was dropped: no field can be filtered by it.')
    await screen.findByText(`${hub.events.length} events`)
  })
})
