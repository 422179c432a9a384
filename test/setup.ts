import '@testing-library/jest-dom/vitest'

import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// Waits for what a person would wait for, with a bound that fits a cold start on a busy two-core machine.
configure({ asyncUtilTimeout: 5_000 })

afterEach(() => {
  cleanup()
})

if (typeof navigator !== 'undefined' && navigator.userAgent.includes('jsdom')) {
  // jsdom has no layout: give the virtual table's scroll box the size a browser would (2000 px: 50 rows).
  const size = (element: HTMLElement, pixels: number): number => (element.classList.contains('ral-table-scroll') ? pixels : 0)
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return size(this, 2000)
    },
  })
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return size(this, 1200)
    },
  })
}
