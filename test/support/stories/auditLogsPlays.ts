import { expect, userEvent, within } from 'storybook/test'

// The longer interactions of src/components/AuditLogs/AuditLogs.stories.tsx, each the whole play of one story.

/** Sorts by Time (newest first, then oldest first), then by Action; the headers say the order. */
export async function sortByTimeThenAction({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const canvas = within(canvasElement)
  await canvas.findByText('2,000 events')
  const timeHeader = canvas.getByRole('columnheader', { name: /Time/ })
  await expect(timeHeader).toHaveAttribute('aria-sort', 'descending')
  await userEvent.click(within(timeHeader).getByRole('button'))
  await expect(timeHeader).toHaveAttribute('aria-sort', 'ascending')
  const actionHeader = canvas.getByRole('columnheader', { name: /Action/ })
  await userEvent.click(within(actionHeader).getByRole('button'))
  await expect(actionHeader).toHaveAttribute('aria-sort', 'ascending')
  await expect(timeHeader).toHaveAttribute('aria-sort', 'none')
}

/** Sees the log empty, said so, with the download off and its reason; a click on it starts nothing. */
export async function findNothingToDownload({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const canvas = within(canvasElement)
  await expect(await canvas.findByText('No events yet. They show here as they happen.')).toBeVisible()
  await expect(canvas.getByText('0 events')).toHaveAttribute('role', 'status')
  const download = canvas.getByRole('button', { name: 'Download CSV' })
  await expect(download).toHaveAttribute('aria-disabled', 'true')
  await expect(download).toHaveAccessibleDescription('Nothing to download: no events match.')
  // A click on it starts nothing: half a second later there is still no progress and no outcome.
  await userEvent.click(download)
  await new Promise((resolve) => setTimeout(resolve, 500))
  await expect(canvasElement.querySelector('.ral-export-status')).toBeEmptyDOMElement()
}

/** Finds nothing, with the download off; Clear search brings back the whole log and the download. */
export async function clearTheSearch({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const canvas = within(canvasElement)
  await expect(await canvas.findByText('No events match this search.')).toBeVisible()
  await expect(canvas.getByRole('button', { name: 'Download CSV' })).toHaveAttribute('aria-disabled', 'true')
  await userEvent.click(canvas.getByRole('button', { name: 'Clear search' }))
  await expect(await canvas.findByText('2,000 events')).toBeVisible()
  await expect(canvas.getByRole('searchbox', { name: 'Search events' })).toHaveValue('')
  await expect(canvas.getByRole('button', { name: 'Download CSV' })).not.toHaveAttribute('aria-disabled')
}

/** Starts an export, sees its progress on the Cancel control that replaces the button, and cancels it. */
export async function cancelAnExportUnderWay({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const canvas = within(canvasElement)
  await canvas.findByText('2,000 events')
  await userEvent.click(canvas.getByRole('button', { name: 'Download CSV' }))
  const cancel = await canvas.findByRole('button', { name: 'Cancel' })
  await expect(await canvas.findByText(/^Exporting… [\d,]+ of 2,000 events$/)).toBeInTheDocument()
  await expect(cancel).toHaveAccessibleDescription(/^Exporting… [\d,]+ of 2,000 events$/)
  await expect(cancel.querySelector('.ral-export-fill')).not.toHaveAttribute('data-indeterminate')
  await userEvent.click(cancel)
  await expect(await canvas.findByText('Export cancelled. No file was saved.')).toBeVisible()
}

/** Reads the pinned zone where the viewer says it: the time column and the date range panel. */
export async function readThePinnedZone({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const canvas = within(canvasElement)
  await expect(await canvas.findByText('2,000 events')).toBeVisible()
  // The time column's header says the zone; the range panel says it and offers no change.
  await expect(canvas.getByRole('columnheader', { name: /^Time GMT\+9/ })).toBeVisible()
  await userEvent.click(canvas.getByRole('button', { name: /^Date range:/ }))
  await expect(await canvas.findByText('Times in Asia/Tokyo')).toBeVisible()
  await expect(canvas.queryByRole('button', { name: 'Change the time zone' })).toBeNull()
}

/** Sees the first request's failure said, with Retry; Retry loads the log and the alert goes. */
export async function retryAfterAFailure({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const canvas = within(canvasElement)
  const alert = await canvas.findByRole('alert')
  await expect(alert).toHaveTextContent('The audit log could not be loaded. Something went wrong.')
  await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
  await expect(await canvas.findByText('2,000 events')).toBeVisible()
  await expect(canvas.queryByRole('alert')).toBeNull()
  await expect(within(canvas.getByRole('table')).getAllByRole('row').length).toBeGreaterThan(5)
}
