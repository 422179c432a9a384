import { type ComponentType, useEffect, useState } from 'react'

import { useViewerConfig, useViewerGlance } from '../AuditLogsProvider/context'
import { readTimelineOpen, rememberTimelineOpen } from './rememberedOpen'
import type { TimelineProps } from './Timeline'

// The timeline (its bars, its queries) is not part of the first download: it loads once the first rows show.
const loadTimeline = () => import('./Timeline').then((module) => module.Timeline)

/**
 * `Timeline`, when the adapter can count (`histogram`), loaded when the browser is idle after the first page
 * answered. Until then a box of the timeline's height holds its place, so the rows do not move when it comes.
 * Its open or closed state is remembered in the browser.
 */
export function LazyTimeline() {
  const { adapter } = useViewerConfig('AuditLogs')
  const { status } = useViewerGlance('AuditLogs')
  const [Loaded, setLoaded] = useState<ComponentType<TimelineProps>>()
  const [open, setOpen] = useState(readTimelineOpen)
  const available = typeof adapter.histogram === 'function'
  const answered = status !== 'pending'
  useEffect(() => {
    if (!available || !answered || Loaded) return
    // Safari has no requestIdleCallback (whatever the DOM types say): the next task there.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    ;(window.requestIdleCallback ?? setTimeout)(
      () =>
        void loadTimeline().then(
          (timeline) => setLoaded(() => timeline),
          () => undefined,
        ),
    )
  }, [available, answered, Loaded])
  if (!available) return null
  if (!Loaded) return <div className="ral-timeline ral-timeline--placeholder" data-open={open} aria-hidden="true" />
  return (
    <Loaded
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        rememberTimelineOpen(next)
      }}
    />
  )
}
