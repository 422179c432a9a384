import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'

import { DateRangeSearch } from '../src/components/DateRangeSearch/DateRangeSearch'
import { withProvider } from './providerDecorator'

/** `DateRangeSearch` on its own inside `AuditLogsProvider`: its props, for a layout of your own. */
const meta = {
  title: 'Parts/DateRangeSearch',
  component: DateRangeSearch,
  decorators: [withProvider()],
  args: {},
} satisfies Meta<typeof DateRangeSearch>

export default meta

export const Alone: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByLabelText('From')).toBeVisible()
  },
}
