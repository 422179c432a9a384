import type { Meta, StoryObj } from '@storybook/react-vite'
import { useEffect, useState } from 'react'

import { createMemoryAdapter } from '../src/adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../src/adapter/types'
import { AuditLogs } from '../src/components/AuditLogs/AuditLogs'
import { generateAuditEvents } from '../src/msw/generateEvents'
import { eventWithLargePayload, hostileShapeEvents } from '../test/support/payloads'

/** What the render benchmark reads from the page (`npm run bench`). */
export interface BenchWindow {
  __bench?: { dataReadyAt?: number; firstRowsAt?: number }
}

/**
 * All `count` events in one answer, so the figure is "data to first visible rows" for that many loaded
 * events, not network or paging.
 */
function OneShotViewer({ count }: { count: number }) {
  const [adapter] = useState<AuditLogsAdapter>(() => {
    const events = generateAuditEvents({ count, seed: 9, end: Date.UTC(2026, 10, 23) })
    return {
      listEvents: async () => {
        ;(window as BenchWindow).__bench = { dataReadyAt: performance.now() }
        return { events, total: count, nextCursor: null }
      },
    }
  })
  useEffect(() => {
    const observer = new MutationObserver(() => {
      const bench = (window as BenchWindow).__bench
      if (bench?.dataReadyAt && !bench.firstRowsAt && document.querySelector('tr[data-event-id]')) {
        // After the commit, wait for the frame that paints it.
        requestAnimationFrame(() => {
          bench.firstRowsAt = performance.now()
        })
        observer.disconnect()
      }
    })
    observer.observe(document.body, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [])
  return <AuditLogs adapter={adapter} pageSize={1000} timeZone="UTC" locale="en-US" />
}

const meta = {
  title: 'Benchmarks/Render',
  component: OneShotViewer,
  args: { count: 1000 },
  // Figures come from `npm run bench`, not from the test run.
  tags: ['!test'],
} satisfies Meta<typeof OneShotViewer>

export default meta

export const Render: StoryObj<typeof meta> = {}

/** A list whose first event carries a 1 MB payload, for the drawer-open figure. */
function LargePayloadViewer() {
  const [adapter] = useState(() =>
    createMemoryAdapter([eventWithLargePayload(1_000_000), ...generateAuditEvents({ count: 50, seed: 4, end: Date.UTC(2026, 10, 1) })]),
  )
  return <AuditLogs adapter={adapter} timeZone="UTC" locale="en-US" />
}

export const LargePayloadDrawer: StoryObj<typeof meta> = {
  render: () => <LargePayloadViewer />,
}

/** Events of a hostile shape (20 MB texts, 100,000 properties, 10,000 levels…), for the worst drawer open. */
function HostileShapesViewer() {
  const [adapter] = useState(() => createMemoryAdapter(hostileShapeEvents()))
  return <AuditLogs adapter={adapter} timeZone="UTC" locale="en-US" />
}

export const HostileShapesDrawer: StoryObj<typeof meta> = {
  render: () => <HostileShapesViewer />,
}
