import { describe, expect, it } from 'vitest'

import type { AuditEvent, AuditPage } from '../core/types'
import { byId } from '../core/eventId'
import { type ArrivedPage, arrive, type EventWindow, type PageParam } from './eventWindow'
import { jumpToRow, loadThroughRow, type WindowQuery } from './revisit'

// A jump and a walk against a query faked in a few lines: the client holds one search's pages under one key.

const page = (index: number): AuditPage => ({
  events: [0, 1].map((at) => ({ id: `${String(index)}-${String(at)}`, createdAt: new Date(Date.UTC(2026, 0, 1) - index * 60_000).toISOString() })),
  nextCursor: `c${String(index + 1)}`,
})

function fakeQuery() {
  const key = ['events']
  let data: { pages: ArrivedPage<AuditEvent>[]; pageParams: unknown[] } | undefined
  let active = true
  const fetched: number[] = []
  const loadPage = async (param: PageParam<AuditEvent>) => {
    fetched.push(param.index)
    return arrive(param, page(param.index), {}, byId, 100)
  }
  const query: WindowQuery<EventWindow<AuditEvent>> = {
    client: {
      getQueryData: () => data,
      setQueryData: (_key, next) => {
        data = next as typeof data
      },
      cancelQueries: async () => undefined,
      getQueryCache: () => ({ find: () => ({ isActive: () => active }) }),
    },
    key,
    keep: 100,
    loadPage,
    next: async () => {
      const pages = data?.pages ?? []
      const param = pages[0]?.window.next(pages)
      if (param) data = { pages: [...pages, await loadPage(param)], pageParams: [] }
      // As React Query does, asking for the page after the new one (which the window takes the new one in for).
      return { isError: false, hasNextPage: data?.pages[0]?.window.next(data.pages) !== undefined }
    },
  }
  return {
    query,
    fetched,
    start: async () => {
      data = { pages: [await loadPage({ index: 0, cursor: undefined })], pageParams: [] }
    },
    rows: () => (data ? data.pages[0]?.window.view(data.pages, true).rowCount : 0),
    held: () => data?.pages.map((held) => held.index),
    leave: () => {
      active = false
    },
  }
}

describe('loadThroughRow', () => {
  it('loads pages until the row is loaded', async () => {
    const fake = fakeQuery()
    await fake.start()
    expect(await loadThroughRow(fake.query, 6)).toBe(true)
    expect(fake.rows()).toBe(8)
  })

  it('stops when the search is no longer shown (its query observed by no one)', async () => {
    const fake = fakeQuery()
    await fake.start()
    const next = fake.query.next
    let calls = 0
    fake.query.next = async () => {
      calls += 1
      if (calls === 2) fake.leave()
      return next()
    }
    expect(await loadThroughRow(fake.query, 100)).toBe(false)
    expect(calls).toBe(2)
  })

  it('stops when its signal fires', async () => {
    const fake = fakeQuery()
    await fake.start()
    const controller = new AbortController()
    controller.abort()
    expect(await loadThroughRow(fake.query, 6, controller.signal)).toBe(false)
    expect(fake.fetched).toEqual([0])
  })
})

describe('jumpToRow', () => {
  it("holds the row's page alone, fetched by the cursor kept for it", async () => {
    const fake = fakeQuery()
    await fake.start()
    await loadThroughRow(fake.query, 9)
    await jumpToRow(fake.query, 5)
    expect(fake.held()).toEqual([2])
    expect(fake.fetched.at(-1)).toBe(2)
  })
})
