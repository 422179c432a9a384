import '../../styles.css'

import { render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { commands } from 'vitest/browser'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { makeEvents } from '../../../test/support/events'
import { AuditLogs } from './AuditLogs'

// theme="auto" follows the system's colour scheme, so in a dark system the viewer is dark inside a light host
// page. Measured in Chromium with the scheme emulated: it is then a box of its own, its controls clear of its edge.

afterEach(async () => {
  await commands.emulateColorScheme('light')
})

describe('theme="auto" in a light host page', () => {
  it.each(['dark', 'light'] as const)(
    'in a %s system: the viewer paints its own box and its controls keep a margin from its edge',
    async (scheme) => {
      await commands.emulateColorScheme(scheme)
      render(
        <div style={{ background: '#ffffff', color: '#1f2328', padding: 24, colorScheme: 'light' }}>
          <AuditLogs adapter={createMemoryAdapter(makeEvents(5))} timeZone="UTC" locale="en-US" theme="auto" />
        </div>,
      )
      await screen.findByText('5 events')
      const root = document.querySelector('.ral-root') as HTMLElement
      const style = getComputedStyle(root)
      expect(matchMedia('(prefers-color-scheme: dark)').matches).toBe(scheme === 'dark')
      // The system decides the colours: dark in a dark system, whatever the host page is.
      expect(style.backgroundColor).toBe(scheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)')
      // The same room inside its edge in either scheme: the host sees one layout.
      expect(style.paddingTop).toBe('12px')
      expect(style.paddingInlineStart).toBe('12px')
      const edge = root.getBoundingClientRect()
      for (const control of [screen.getByRole('searchbox', { name: 'Search events' }), screen.getByRole('button', { name: 'Download CSV' })]) {
        const box = control.getBoundingClientRect()
        expect(box.left - edge.left).toBeGreaterThanOrEqual(12)
        expect(box.top - edge.top).toBeGreaterThanOrEqual(12)
        expect(edge.right - box.right).toBeGreaterThanOrEqual(12)
      }
    },
  )
})
