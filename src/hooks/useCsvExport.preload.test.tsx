import { renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'

import { createMemoryAdapter } from '../adapter/memoryAdapter'
import { makeEvents } from '../../test/support/events'
import { useCsvExport } from './useCsvExport'

// Records when the export's code is first imported: the module itself, unchanged.
const imported = vi.hoisted(() => ({ export: false }))
vi.mock('../export/runCsvExport', async (importOriginal) => {
  imported.export = true
  return importOriginal()
})

const fields = [{ key: 'action', label: 'Action' }]
const adapter = createMemoryAdapter(makeEvents(3))

describe('useCsvExport preloading', () => {
  it('loads the export’s code once there is something to export, before any start', async () => {
    const { rerender } = renderHook(({ loadedEvents }) => useCsvExport({ adapter, search: {}, fields, loadedEvents }), {
      initialProps: { loadedEvents: [] as ReturnType<typeof makeEvents> },
    })
    // Nothing to export yet: nothing is loaded.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(imported.export).toBe(false)
    rerender({ loadedEvents: makeEvents(3) })
    await waitFor(() => expect(imported.export).toBe(true))
  })
})
