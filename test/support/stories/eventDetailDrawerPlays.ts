import { expect, userEvent, waitFor, within } from 'storybook/test'

import { drawer, EMAIL, first } from './eventDetailDrawer'

// The longer interactions of src/components/EventDetailDrawer/EventDetailDrawer.stories.tsx, each the whole play of one story.

/** Reads the open event from its summary to its time forms, and finds the copy and filter buttons named by their field. */
export async function readTheSummaryFirst({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const dialog = await drawer(canvasElement)
  await expect(dialog).toHaveAccessibleName(new RegExp(`^${String(first.action)} · `))
  const inside = within(dialog)
  await expect(inside.getByRole('heading', { level: 2 })).toHaveTextContent(String(first.action))
  await expect(inside.getByText(first.id)).toBeVisible()
  await expect(inside.getByRole('button', { name: 'Copy Event ID' })).toBeVisible()
  await expect(inside.getByRole('button', { name: 'Close' })).toHaveFocus()
  await expect(inside.getByRole('heading', { name: 'Context' })).toBeVisible()
  // The time forms are collapsed until asked for.
  await expect(inside.getByText('Epoch milliseconds')).not.toBeVisible()
  await userEvent.click(inside.getByText('Timestamps'))
  await expect(inside.getByText('Epoch milliseconds')).toBeVisible()
  await expect(inside.getByText(String(Date.parse(String(first.createdAt))))).toBeVisible()
  // Hidden in the table, shown here; copy and filter are icon buttons named by their field.
  await expect(inside.getByText('Permission ID')).toBeVisible()
  await expect(inside.getByRole('button', { name: 'Copy Email' })).toBeVisible()
  await expect(inside.getByRole('button', { name: /^Filter by Email: / })).toBeVisible()
  await expect(inside.getByRole('button', { name: 'Copy JSON: Payload' })).toBeVisible()
}

/** Reveals the hidden e-mail, closes the drawer and searches the log for the reveal, recorded with its actor. */
export async function revealAndFindTheRecord({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const dialog = await drawer(canvasElement)
  await userEvent.click(within(dialog).getByRole('button', { name: 'Reveal Email (the reveal is recorded)' }))
  await expect(await within(dialog).findByText(EMAIL)).toBeVisible()
  await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }))
  // The drawer's close event puts focus back on its row, a task after the dialog closes: typing before that
  // would lose the rest of the words to the row.
  await waitFor(() => expect(canvasElement.ownerDocument.activeElement?.tagName).toBe('TR'))
  await userEvent.type(within(canvasElement).getByRole('searchbox'), 'revealed')
  const table = within(canvasElement).getByRole('table', { name: 'Audit log' })
  await expect(await within(table).findByText('Hidden value revealed', {}, { timeout: 10_000 })).toBeVisible()
  await expect(within(table).getByText('Sam Support')).toBeVisible()
}

/** Finds the hostile strings shown as text, no element or link made from them, and no script run. */
export async function findNothingRun({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const dialog = await drawer(canvasElement)
  const inside = within(dialog)
  await expect(inside.getAllByText('"<script>window.__auditLogsXss = true</script>"').length).toBeGreaterThan(0)
  // A top-level key with dots in its name: listed under its quoted name, as one literal property.
  await expect(inside.getByText('"<svg onload="window.__auditLogsXss = true">"')).toBeVisible()
  // The drawer's own icons are SVG drawn by React (`.ral-icon`); none comes from the event.
  await expect(dialog.querySelectorAll('script, img, svg:not(.ral-icon), b')).toHaveLength(0)
  const links = Array.from(dialog.querySelectorAll('a')).map((link) => link.getAttribute('href'))
  await expect(links).toEqual(['https://docs.example.com/audit?x=%3Cscript%3E'])
  await expect((window as { __auditLogsXss?: unknown }).__auditLogsXss).toBeUndefined()
}

/** Reads what the server recorded beside the event, and finds it listed only there. */
export async function readWhatTheServerRecorded({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const dialog = await drawer(canvasElement)
  const section = within(within(dialog).getByRole('region', { name: 'Recorded by the server' }))
  await expect(section.getByText('Received')).toBeVisible()
  await expect(section.getByText('"Mozilla\\u0000/5.0 (X11; Linux x86_64)"')).toBeVisible()
  await expect(section.getByText(/The original had 1,048,579 characters/)).toBeVisible()
  await expect(section.getByText("The sender's time is 1 hour ahead of the server's clock.")).toBeVisible()
  // Shown here, so not listed again under other properties.
  await expect(within(dialog).queryByText('marks')).toBeNull()
}

/** Reads the before/after table of a recorded change, the changed field marked in words. */
export async function readTheChanges({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> {
  const dialog = await drawer(canvasElement)
  const table = within(dialog).getByRole('table', { name: 'Changes: Payload' })
  await expect(
    within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent),
  ).toEqual(['Field', 'Before', 'After'])
  const status = within(table).getByRole('rowheader', { name: /status/ })
  await expect(status).toHaveTextContent('Changed')
  await expect(status.closest('tr')).toHaveTextContent(/draft.*published/)
}
