import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'

import { TextSearch } from '../src/components/TextSearch/TextSearch'
import { withProvider } from './providerDecorator'

/** `TextSearch` on its own inside `AuditLogsProvider`: its props, for a layout of your own. */
const meta = {
  title: 'Parts/TextSearch',
  component: TextSearch,
  decorators: [withProvider()],
  args: { debounce: 300 },
} satisfies Meta<typeof TextSearch>

export default meta

export const Alone: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('searchbox', { name: 'Search events' })).toBeVisible()
  },
}
