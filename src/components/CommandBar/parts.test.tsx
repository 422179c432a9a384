import { fireEvent, render, screen } from '@testing-library/react'
import { createRef } from 'react'
import { describe, expect, it, vi } from 'vitest'

import { createMemoryAdapter } from '../../adapter/memoryAdapter'
import { makeEvents } from '../../../test/support/events'
import { AuditLogsProvider } from '../AuditLogsProvider/AuditLogsProvider'
import { AuditLogsTable } from '../AuditLogsTable/AuditLogsTable'
import { DateRangeButton } from '../DateRangeSearch/DateRangeButton'
import { DownloadCsvButton } from '../DownloadCsvButton/DownloadCsvButton'
import { FilterButton } from '../FilterBar/FilterButton'
import { FilterChips } from '../FilterBar/FilterChips'
import { TextSearch } from '../TextSearch/TextSearch'
import { CommandBar } from './CommandBar'

const adapter = createMemoryAdapter(makeEvents(5))

describe('parts take a ref and extra props on their root, as Radix parts do', () => {
  it("the table: its region element, with the host's class, data and aria props", () => {
    const region = createRef<HTMLDivElement>()
    render(
      <AuditLogsProvider adapter={adapter}>
        <AuditLogsTable ref={region} className="host-table" data-testid="table" aria-describedby="hint" rowHeight={40} />
      </AuditLogsProvider>,
    )
    expect(region.current).toBe(screen.getByTestId('table'))
    expect(region.current).toHaveClass('ral-table-region', 'host-table')
    expect(region.current).toHaveAttribute('aria-describedby', 'hint')
  })

  it("hands each ref the DOM element and keeps the part's own class next to the host's", () => {
    const bar = createRef<HTMLDivElement>()
    const filter = createRef<HTMLButtonElement>()
    const range = createRef<HTMLButtonElement>()
    const text = createRef<HTMLInputElement>()
    const download = createRef<HTMLDivElement>()
    const chips = createRef<HTMLUListElement>()
    render(
      <AuditLogsProvider adapter={adapter} defaultSearch={{ exclude: { result: ['success'] } }}>
        <CommandBar ref={bar} className="host-bar" data-testid="bar" style={{ gap: 3 }}>
          <DownloadCsvButton ref={download} data-testid="download" />
        </CommandBar>
        <FilterButton ref={filter} className="host-filter" data-testid="filter" />
        <DateRangeButton ref={range} aria-describedby="hint" data-testid="range" />
        <TextSearch ref={text} data-testid="text" />
        <FilterChips ref={chips} data-testid="chips" />
      </AuditLogsProvider>,
    )
    expect(bar.current).toBe(screen.getByTestId('bar'))
    expect(bar.current).toHaveClass('ral-bar', 'host-bar')
    expect(bar.current?.style.gap).toBe('3px')
    expect(filter.current).toBe(screen.getByTestId('filter'))
    expect(filter.current).toHaveClass('ral-button', 'host-filter')
    expect(range.current).toBe(screen.getByTestId('range'))
    expect(range.current).toHaveAttribute('aria-describedby', 'hint')
    expect(text.current).toBe(screen.getByTestId('text'))
    expect(download.current).toBe(screen.getByTestId('download'))
    expect(download.current).toHaveClass('ral-export')
    expect(chips.current).toBe(screen.getByTestId('chips'))
  })

  it("runs the host's handlers before the part's own, and the host's preventDefault() stops Enter from searching", async () => {
    const onKeyDown = vi.fn((event: { preventDefault: () => void }) => event.preventDefault())
    const onChange = vi.fn()
    const onSearchChange = vi.fn()
    render(
      <AuditLogsProvider adapter={adapter} onSearchChange={onSearchChange}>
        <TextSearch onChange={onChange} onKeyDown={onKeyDown} debounce={60_000} />
      </AuditLogsProvider>,
    )
    const input = screen.getByRole('searchbox', { name: 'Search events' })
    fireEvent.change(input, { target: { value: 'login' } })
    expect(onChange).toHaveBeenCalledTimes(1)
    expect(input).toHaveValue('login')
    fireEvent.keyDown(input, { key: 'Enter' })
    expect(onKeyDown).toHaveBeenCalledTimes(1)
    expect(onSearchChange).not.toHaveBeenCalled()
  })
})
