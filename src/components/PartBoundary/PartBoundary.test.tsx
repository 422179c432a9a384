import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

import { PartBoundary } from './PartBoundary'

let fail = true
function Fragile() {
  if (fail) throw new Error('cannot draw this event')
  return <p>Drawn</p>
}

describe('PartBoundary', () => {
  it('keeps a failing part inside: says so, reports it, leaves its neighbours, and Retry draws it again', async () => {
    // React reports caught render errors to the console too.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const onError = vi.fn()
    fail = true
    render(
      <>
        <p>Host content</p>
        <PartBoundary message="This part of the audit log could not be shown (event evt_1)." retry="Retry" onError={onError}>
          <Fragile />
        </PartBoundary>
      </>,
    )
    expect(screen.getByRole('alert')).toHaveTextContent('This part of the audit log could not be shown (event evt_1).')
    expect(screen.getByText('Host content')).toBeInTheDocument()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'cannot draw this event' }))
    fail = false
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(screen.getByText('Drawn')).toBeInTheDocument()
    quiet.mockRestore()
  })

  it('starts over when its reset key changes (another event opened)', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    fail = true
    const { rerender } = render(
      <PartBoundary message="failed" retry="Retry" resetKey="evt_1">
        <Fragile />
      </PartBoundary>,
    )
    expect(screen.getByRole('alert')).toHaveTextContent('failed')
    fail = false
    rerender(
      <PartBoundary message="failed" retry="Retry" resetKey="evt_2">
        <Fragile />
      </PartBoundary>,
    )
    expect(screen.getByText('Drawn')).toBeInTheDocument()
    quiet.mockRestore()
  })
})
