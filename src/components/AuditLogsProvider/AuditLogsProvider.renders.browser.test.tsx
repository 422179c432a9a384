import { render, screen } from '@testing-library/react'
import { type CSSProperties, Profiler, type ProfilerOnRenderCallback, type ReactNode } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { makeEvents } from '../../../test/support/events'
import { AuditLogsTable } from '../AuditLogsTable/AuditLogsTable'
import { DateRangeButton } from '../DateRangeSearch/DateRangeButton'
import { DownloadCsvButton } from '../DownloadCsvButton/DownloadCsvButton'
import { FieldSettings } from '../FieldSettings/FieldSettings'
import { FilterButton } from '../FilterBar/FilterButton'
import { FilterChips } from '../FilterBar/FilterChips'
import { TextSearch } from '../TextSearch/TextSearch'
import { AuditLogsProvider } from './AuditLogsProvider'

// Each part reads only the state it shows (scoped contexts): a scroll that loads pages changes the results,
// which no command-bar part reads; typing changes the search box alone.
//
// A part's renders are counted twice. React's <Profiler> sees a render that starts inside its tree (a part's
// own state); a render that a context change starts it does not report in React 19 (context changes
// propagate lazily, after the Profiler has decided it has no work). Every part reads the viewer's state
// through the hooks of './context', once per render, naming itself: those calls count every render.
const partRenders = vi.hoisted(() => new Map<string, number>())
vi.mock('./context', async (importOriginal) => {
  const actual: Record<string, unknown> = await importOriginal()
  const counted = Object.entries(actual).map(([name, value]): [string, unknown] => {
    if (!name.startsWith('use') || typeof value !== 'function') return [name, value]
    const hook = value as (...args: unknown[]) => unknown
    return [
      name,
      (...args: unknown[]) => {
        if (typeof args[0] === 'string') partRenders.set(args[0], (partRenders.get(args[0]) ?? 0) + 1)
        return hook(...args)
      },
    ]
  })
  return Object.fromEntries(counted)
})

/** The command bar's parts, by the names they read the viewer's state under. */
const COMMAND_BAR = {
  search: ['TextSearch'],
  filters: ['FilterButton', 'FilterChips'],
  range: ['DateRangeButton'],
  export: ['DownloadCsvButton'],
  settings: ['FieldSettings'],
}

/** Renders of each command-bar part since the counts were cleared: Profiler commits and state reads. */
function commandBarRenders(commits: Map<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(COMMAND_BAR).map(([id, names]) => [
      id,
      (commits.get(id) ?? 0) + names.reduce((sum, name) => sum + (partRenders.get(name) ?? 0), 0),
    ]),
  )
}

const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()))

/** A viewer composed of its parts, each inside a Profiler that counts the part's commits. */
function mountViewer(debounce?: number) {
  const commits = new Map<string, number>()
  const memory = createMemoryAdapter(makeEvents(1_000))
  const adapter: typeof memory = {
    ...memory,
    listEvents: (query, options) => {
      commits.set('listEvents', (commits.get('listEvents') ?? 0) + 1)
      return memory.listEvents(query, options)
    },
  }
  const onRender: ProfilerOnRenderCallback = (id) => commits.set(id, (commits.get(id) ?? 0) + 1)
  const part = (id: string, children: ReactNode) => (
    <Profiler id={id} onRender={onRender}>
      {children}
    </Profiler>
  )
  render(
    <section className="ral-root" style={{ '--ral-table-height': '600px' } as CSSProperties}>
      <AuditLogsProvider adapter={adapter} defaultFields={[{ key: 'action', label: 'Action' }]} timeZone="UTC">
        {part('search', <TextSearch {...(debounce === undefined ? {} : { debounce })} />)}
        {part('filters', [<FilterButton key="button" />, <FilterChips key="chips" />])}
        {part('range', <DateRangeButton />)}
        {part('export', <DownloadCsvButton />)}
        {part('settings', <FieldSettings />)}
        {part('rows', <AuditLogsTable />)}
      </AuditLogsProvider>
    </section>,
  )
  return commits
}

const clearCounts = (commits: Map<string, number>): void => {
  commits.clear()
  partRenders.clear()
}

beforeEach(() => partRenders.clear())

describe('the viewer re-renders a part only for what it reads', () => {
  it('scrolling through 1,000 rows re-renders no command-bar part', { timeout: 120_000 }, async () => {
    const commits = mountViewer()
    await screen.findByText('1,000 events')
    const scroller = document.querySelector<HTMLElement>('.ral-table-scroll')
    if (!scroller) throw new Error('no scroll box')
    // Settled: the first rows are drawn and measured.
    await nextFrame()
    await nextFrame()
    clearCounts(commits)

    // A screen at a time to the last row, waiting for each screen's rows (their pages load on the way).
    const last = (): HTMLElement | null => scroller.querySelector('tr[aria-rowindex="1001"]')
    for (let guard = 0; !last() && guard < 5_000; guard += 1) {
      scroller.scrollTop += scroller.clientHeight - 40
      await nextFrame()
    }
    expect(last()).not.toBeNull()
    // The scroll loaded pages and re-rendered the rows (both counts see it) …
    expect(commits.get('listEvents') ?? 0).toBeGreaterThan(10)
    expect(commits.get('rows') ?? 0).toBeGreaterThan(0)
    expect(partRenders.get('AuditLogsTable') ?? 0).toBeGreaterThan(0)
    // … and nothing in the command bar.
    expect(commandBarRenders(commits)).toEqual({ search: 0, filters: 0, range: 0, export: 0, settings: 0 })
  })

  it('typing in the search box re-renders no row', async () => {
    // The pause that applies the text lies beyond the test: it is about the typing itself.
    const commits = mountViewer(600_000)
    await screen.findByText('1,000 events')
    await nextFrame()
    await nextFrame()
    clearCounts(commits)

    await userEvent.type(screen.getByRole('searchbox'), 'delete')
    expect(screen.getByRole('searchbox')).toHaveValue('delete')
    expect(commits.get('search') ?? 0).toBeGreaterThan(0)
    expect(partRenders.get('TextSearch') ?? 0).toBeGreaterThan(0)
    expect(commits.get('rows') ?? 0).toBe(0)
    expect(partRenders.get('AuditLogsTable') ?? 0).toBe(0)
    const { search: _typed, ...others } = commandBarRenders(commits)
    expect(others).toEqual({ filters: 0, range: 0, export: 0, settings: 0 })
  })
})
