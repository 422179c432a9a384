import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import type { AuditLogsAdapter } from '../../adapter/types'
import { generateAuditEvents } from '../../msw/generateEvents'
import { AuditLogsProvider } from '../AuditLogsProvider/AuditLogsProvider'
import { FilterChips } from './FilterChips'
import { FilterForm } from './FilterForm'

const events = generateAuditEvents({ count: 400, seed: 16, end: Date.UTC(2026, 10, 23, 12), hostileEvery: 0 })

/** The form as the "+ Filter" panel shows it, with the chips it adds; the adapter decides what it offers. */
function FilterPanel({ adapter }: { adapter: AuditLogsAdapter }) {
  return (
    <AuditLogsProvider adapter={adapter} timeZone="UTC" locale="en-US" pageSize={25}>
      <div className="ral-root" style={{ display: 'grid', gap: 12, maxWidth: 'min(420px, 100%)', boxSizing: 'border-box' }}>
        <div className="ral-popover" style={{ position: 'static', width: 'auto', borderRadius: 8 }}>
          <FilterForm />
        </div>
        <FilterChips />
      </div>
    </AuditLogsProvider>
  )
}

const meta = {
  title: 'Parts/FilterForm',
  component: FilterPanel,
  args: { adapter: createMemoryAdapter(events) },
} satisfies Meta<typeof FilterPanel>

export default meta
type Story = StoryObj<typeof meta>

/** Values with their counts in the whole search (`listFieldValues`), and "is" / "is not" (`supportsExclude`). */
export const WithCounts: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.selectOptions(await canvas.findByLabelText('Filter field'), 'result')
    const values = await canvas.findByRole('region', { name: 'In this search' })
    const success = await within(values).findByRole('button', { name: /^success, [\d,]+ events$/ })
    await expect(within(values).getByRole('button', { name: /^failed, [\d,]+ events$/ })).toBeVisible()
    await userEvent.click(canvas.getByRole('radio', { name: 'is not' }))
    await userEvent.click(success)
    await expect(await canvas.findByRole('button', { name: 'Remove filter Result is not: success' })).toBeVisible()
    await expect(canvas.getByRole('list', { name: 'Filters' })).toHaveTextContent('Result is not success')
  },
}

/** An adapter that cannot count or exclude: the loaded events' values, said as such, and no "is not". */
export const LoadedValuesOnly: Story = {
  args: {
    adapter: ((memory) => ({ listEvents: memory.listEvents.bind(memory) }))(createMemoryAdapter(events)),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.selectOptions(await canvas.findByLabelText('Filter field'), 'action')
    await expect(await canvas.findByRole('region', { name: 'In loaded events' })).toBeVisible()
    await expect(canvas.queryByRole('radio', { name: 'is not' })).toBeNull()
  },
}
