// Runs inside a story's page (added as an init script by layout.e2e.test.ts): `window.layoutProblems()` lists
// what a person would see as a rough edge, as short sentences. Plain JavaScript, so the page runs it as written.
;(() => {
  const SLACK = 1

  /** A short name for an element: its tag, first class and a bit of its text. */
  const describe = (element) => {
    const name = `${element.tagName.toLowerCase()}${element.classList[0] ? `.${element.classList[0]}` : ''}`
    const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
    return text ? `${name} "${text}"` : name
  }

  const isShown = (element) => {
    if (!element.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true })) return false
    const box = element.getBoundingClientRect()
    // A visually hidden label (1 px, clipped) is for screen readers only.
    return box.width > 1 && box.height > 1
  }

  /** Whether an element's own box hides or scrolls what does not fit (so its content may be wider). */
  const clips = (element) => getComputedStyle(element).overflowX !== 'visible'

  /** Open panels and dialogs sit in the top layer: measured against the screen, not the viewer. */
  const inTopLayer = (element) => element.matches(':popover-open, dialog[open]')

  /** The nearest element up to `root` that clips its content, or null. */
  const clippedBy = (element, root) => {
    for (let parent = element.parentElement; parent && parent !== root; parent = parent.parentElement) {
      if (inTopLayer(parent)) return null
      if (clips(parent)) return parent
    }
    return null
  }

  const widerThanBox = (root, problems) => {
    const box = root.getBoundingClientRect()
    if (root.scrollWidth > root.clientWidth + SLACK)
      problems.push(`the viewer's content is ${root.scrollWidth}px wide in a ${root.clientWidth}px box`)
    for (const element of root.querySelectorAll('*')) {
      if (!isShown(element) || clippedBy(element, root)) continue
      const own = element.getBoundingClientRect()
      const top = element.closest(':popover-open, dialog[open]')
      const limit = top ? { left: 0, right: document.documentElement.clientWidth } : box
      if (own.left < limit.left - SLACK || own.right > limit.right + SLACK) {
        problems.push(
          `${describe(element)} sticks out (${Math.round(own.left)}–${Math.round(own.right)} outside ${Math.round(limit.left)}–${Math.round(limit.right)})`,
        )
      }
    }
  }

  /** The full text is there for a person who cannot see it all: a title or an accessible name around it. */
  const canReadFully = (element, root) => {
    const text = (element.textContent ?? '').trim()
    const start = text.slice(0, 20)
    // A cell's values may carry their titles themselves (a badge and a time each their own): every piece of
    // the text is in full view, or inside something whose title holds it (a time's title is the full time,
    // written out).
    const box = element.getBoundingClientRect()
    let unread = text
    for (const inner of element.querySelectorAll('*')) {
      const own = (inner.textContent ?? '').trim()
      if (!own) continue
      const full = inner.getAttribute('title') ?? inner.getAttribute('aria-label') ?? ''
      const titled = full !== '' && (inner.matches('time') || full.includes(own.replace(/…$/, '').slice(0, 20)))
      const at = inner.getBoundingClientRect()
      const inView = at.left >= box.left - SLACK && at.right <= box.right + SLACK
      if (titled || (inView && inner.children.length === 0)) unread = unread.replace(own, '')
    }
    if (!unread.trim()) return true
    for (let node = element; node && node !== root.parentElement; node = node.parentElement) {
      if (node.getAttribute('title')?.includes(start)) return true
      if (node.getAttribute('aria-label')?.includes(start)) return true
      if (node.matches('td, th, button, [role="button"], a, dd, li, label')) break
    }
    return false
  }

  const measureText = (() => {
    const context = document.createElement('canvas').getContext('2d')
    return (text, style) => {
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
      return context.measureText(text).width
    }
  })()

  const cutText = (root, problems) => {
    for (const element of root.querySelectorAll('*')) {
      if (!isShown(element)) continue
      if (element instanceof HTMLSelectElement) {
        const style = getComputedStyle(element)
        const text = element.selectedOptions[0]?.textContent ?? ''
        // The native arrow takes about 20px beside the padding.
        const room = element.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd) - 20
        if (measureText(text, style) > room + SLACK && !element.title) problems.push(`select "${text}" is cut`)
        continue
      }
      const style = getComputedStyle(element)
      if (style.overflowX !== 'hidden' && style.overflowX !== 'clip') continue
      if (
        ![...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim()) &&
        !element.matches('td, th, button, ul, ol')
      )
        continue
      if (element.scrollWidth <= element.clientWidth + SLACK) continue
      if (!canReadFully(element, root)) problems.push(`${describe(element)} is cut without a title`)
    }
  }

  /** How many lines an element's text takes (its text's boxes, by their tops). */
  const lines = (element) => {
    const range = document.createRange()
    range.selectNodeContents(element)
    const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0)
    let count = 0
    let bottom = -Infinity
    for (const rect of [...rects].sort((a, b) => a.top - b.top)) {
      if (rect.top >= bottom - SLACK) {
        count += 1
        bottom = rect.bottom
      }
    }
    return count
  }

  /** A control of the command bar reads on one line: a wrapped "CSV herunterladen" is cut by its own height. */
  const wrappedControls = (root, problems) => {
    for (const control of root.querySelectorAll('.ral-bar button, .ral-bar [role="button"]')) {
      if (!isShown(control) || control.closest(':popover-open, dialog[open]')) continue
      if (lines(control) > 1) problems.push(`${describe(control)} wraps onto ${lines(control)} lines`)
    }
  }

  const overlaps = (a, b) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > SLACK && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > SLACK

  /** Siblings that share pixels: in the bar (every flex or grid box in it) and in each phone card. */
  const overlapping = (root, problems) => {
    const bars = [...root.querySelectorAll('.ral-bar')]
    const containers = bars
      .flatMap((bar) => [bar, ...bar.querySelectorAll('*')])
      .filter((element) => {
        if (element.closest(':popover-open') || !isShown(element)) return false
        return /flex|grid/.test(getComputedStyle(element).display)
      })
    containers.push(...root.querySelectorAll('.ral-cards .ral-row'))
    for (const container of containers) {
      const children = [...container.children].filter((child) => {
        if (!isShown(child)) return false
        const position = getComputedStyle(child).position
        return position !== 'absolute' && position !== 'fixed' && !inTopLayer(child)
      })
      for (let i = 0; i < children.length; i += 1) {
        for (let j = i + 1; j < children.length; j += 1) {
          if (overlaps(children[i].getBoundingClientRect(), children[j].getBoundingClientRect())) {
            problems.push(`${describe(children[i])} overlaps ${describe(children[j])}`)
          }
        }
      }
    }
  }

  /** What changes while a story still draws: its elements, their text, and the boxes of the viewer's parts. */
  const layoutSignature = () => {
    const root = document.querySelector('#storybook-root')
    if (!root) return ''
    const parts = [...root.querySelectorAll('.ral-root, .ral-root > *, .ral-bar > *, :popover-open, dialog[open]')].map((element) => {
      const box = element.getBoundingClientRect()
      return `${Math.round(box.width)}x${Math.round(box.height)}`
    })
    return `${root.getElementsByTagName('*').length}:${root.textContent.length}:${parts.join(',')}`
  }

  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()))

  /** Whether the story holds still: nothing busy, fonts loaded, and the same layout over two frames. */
  window.layoutStill = async () => {
    const before = layoutSignature()
    await nextFrame()
    await nextFrame()
    return document.fonts.status === 'loaded' && !document.querySelector('[aria-busy="true"]') && before !== '' && before === layoutSignature()
  }

  window.layoutProblems = () => {
    const problems = []
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + SLACK) {
      problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth}px in ${document.documentElement.clientWidth}px)`)
    }
    for (const root of document.querySelectorAll('#storybook-root .ral-root')) {
      if (!isShown(root)) continue
      widerThanBox(root, problems)
      cutText(root, problems)
      wrappedControls(root, problems)
      overlapping(root, problems)
    }
    return [...new Set(problems)]
  }
})()
