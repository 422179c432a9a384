import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, within } from 'storybook/test'

import { DownloadCsvButton } from '../src/components/DownloadCsvButton/DownloadCsvButton'
import { withProvider } from './providerDecorator'

/** `DownloadCsvButton` on its own inside `AuditLogsProvider`: its props, for a layout of your own. */
const meta = {
  title: 'Parts/DownloadCsvButton',
  component: DownloadCsvButton,
  decorators: [withProvider()],
} satisfies Meta<typeof DownloadCsvButton>

export default meta

export const Alone: StoryObj<typeof meta> = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Download CSV' })).toBeVisible()
  },
}
