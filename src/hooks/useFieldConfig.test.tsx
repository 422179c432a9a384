import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { AuditLogsError } from '../adapter/errors'
import { createMemoryAdapter } from '../adapter/memoryAdapter'
import type { AuditField } from '../core/types'
import { hostQueryClient } from '../../test/support/queryWrapper'
import { useFieldConfig } from './useFieldConfig'

const defaults: AuditField[] = [
  { key: 'createdAt', label: 'Time', type: 'datetime' },
  { key: 'action', label: 'Action' },
]

describe('useFieldConfig', () => {
  it('lays the stored structure over the defaults, and saves edits through the adapter', async () => {
    const adapter = createMemoryAdapter([], { fieldConfig: [{ key: 'action', label: 'Did', shown: false }] })
    const { wrapper } = hostQueryClient()
    const { result } = renderHook(() => useFieldConfig({ adapter, fields: undefined, defaultFields: defaults, onFieldsChange: undefined }), {
      wrapper,
    })
    await waitFor(() => expect(result.current.fields.map((field) => field.label)).toEqual(['Did', 'Time']))
    expect(result.current.canSave).toBe(true)
    act(() => {
      result.current.setFields([...result.current.fields, { key: 'ip', label: 'IP', custom: true }])
    })
    expect(result.current.dirty).toBe(true)
    act(() => {
      result.current.save()
    })
    await waitFor(() => expect(result.current.saveStatus).toBe('saved'))
    expect(result.current.dirty).toBe(false)
    expect((await adapter.loadFieldConfig?.({ signal: new AbortController().signal }))?.map((field) => field.key)).toEqual([
      'action',
      'createdAt',
      'ip',
    ])
  })

  it('keeps every edit when saving fails', async () => {
    const adapter = {
      ...createMemoryAdapter([]),
      saveFieldConfig: async () => Promise.reject(new AuditLogsError('http', 'down', { status: 503 })),
    }
    const { wrapper } = hostQueryClient()
    const { result } = renderHook(() => useFieldConfig({ adapter, fields: undefined, defaultFields: defaults, onFieldsChange: undefined }), {
      wrapper,
    })
    act(() => {
      result.current.setFields(defaults.slice(1))
    })
    act(() => {
      result.current.save()
    })
    await waitFor(() => expect(result.current.saveStatus).toBe('failed'))
    expect(result.current.saveError).toMatchObject({ status: 503 })
    expect(result.current.fields).toEqual(defaults.slice(1))
    expect(result.current.dirty).toBe(true)
  })
})
