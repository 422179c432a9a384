import { useMutation, useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useState } from 'react'

import { type AuditLogsAdapter, callOptions } from '../adapter/types'
import type { AuditEvent, AuditField } from '../core/types'
import { auditQueryKeys, viewerQueryOptions } from './queryKeys'
import { useControllableState } from './useControllableState'
import { useShallowMemo } from './useShallowMemo'

export interface UseFieldConfigOptions<TEvent extends AuditEvent> {
  adapter: AuditLogsAdapter<TEvent>
  /** The host's data structure (controlled). */
  fields: readonly AuditField<TEvent>[] | undefined
  defaultFields: readonly AuditField<TEvent>[]
  onFieldsChange: ((fields: readonly AuditField<TEvent>[]) => void) | undefined
  tenantId?: string | undefined
}

export interface UseFieldConfigResult<TEvent extends AuditEvent> {
  fields: readonly AuditField<TEvent>[]
  setFields: (fields: readonly AuditField<TEvent>[]) => void
  /** Whether the adapter can store the data structure (`saveFieldConfig`). */
  canSave: boolean
  save: () => void
  saveStatus: 'idle' | 'saving' | 'saved' | 'failed'
  saveError: Error | null
  /** Whether edits were made since the last save. */
  dirty: boolean
  /** The structure as last saved (or as it was before the first edit): what the edits are counted against. */
  baseline: readonly AuditField<TEvent>[]
  /** Puts the baseline back, dropping every edit since. */
  revert: () => void
  /** Whether the host's code marks a field sensitive: then no stored configuration or panel can unmark it. */
  sensitiveInCode: (key: string) => boolean
}

// Laying a stored configuration over the fields and preparing one for storage happen after a request,
// so that code loads with it rather than up front.
const loadFieldConfigCode = () => import('../core/fieldConfig')

/**
 * The data structure: the host's (controlled), or the default with the adapter's stored configuration laid
 * over it once it loads. Saving goes through `saveFieldConfig`; a failed save keeps every edit.
 */
export function useFieldConfig<TEvent extends AuditEvent>(options: UseFieldConfigOptions<TEvent>): UseFieldConfigResult<TEvent> {
  const { adapter, defaultFields, onFieldsChange, tenantId } = options
  const [fields, setFieldsValue] = useControllableState({
    value: options.fields,
    defaultValue: defaultFields,
    onChange: onFieldsChange,
    name: 'fields',
  })
  const [edited, setEdited] = useState(false)
  const [savedFields, setSavedFields] = useState<readonly AuditField<TEvent>[] | null>(null)
  const [beforeEdits, setBeforeEdits] = useState<readonly AuditField<TEvent>[] | null>(null)

  const stored = useQuery({
    queryKey: auditQueryKeys.fieldConfig(adapter, tenantId),
    // The stored configuration as the adapter gave it (viewers sharing an adapter may have different code
    // fields to lay it over), and the code that lays it over them.
    queryFn: async ({ signal }) => {
      if (!adapter.loadFieldConfig) return null
      const [stored, { mergeStoredConfig }] = await Promise.all([adapter.loadFieldConfig(callOptions(signal, tenantId)), loadFieldConfigCode()])
      return { stored, merge: mergeStoredConfig }
    },
    enabled: typeof adapter.loadFieldConfig === 'function' && options.fields === undefined,
    ...viewerQueryOptions,
    staleTime: Infinity,
    // Without a stored structure the viewer still works with the code's own: no waiting on retries.
    retry: false,
  })

  // The stored configuration arrives once; it never overrides edits made meanwhile.
  const { data } = stored
  useEffect(() => {
    if (data === undefined || data === null || edited) return
    const merged = data.merge(defaultFields, data.stored)
    // Syncing state from an outside system (the adapter's storage) is what an effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSavedFields(merged)
    setFieldsValue(merged)
    // Once: later changes of the callbacks must not lay the stored configuration over edits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data])

  const mutation = useMutation({
    mutationFn: async (next: readonly AuditField<TEvent>[]) => {
      if (!adapter.saveFieldConfig) throw new Error('This adapter cannot store the data structure.')
      // Only what can be stored: accessors and formats stay in code.
      const { toStoredConfig } = await loadFieldConfigCode()
      await adapter.saveFieldConfig(toStoredConfig(next), callOptions(new AbortController().signal, tenantId))
      return next
    },
    onSuccess: (next) => {
      setSavedFields(next)
    },
  })

  // Each function is kept while what it reads is, so the result (a context value) changes only with its state.
  const { status: saving, reset: resetSave, mutate } = mutation
  const setFields = useCallback(
    (next: readonly AuditField<TEvent>[]): void => {
      if (beforeEdits === null) setBeforeEdits(fields)
      setEdited(true)
      setFieldsValue(next)
      if (saving === 'success') resetSave()
    },
    [beforeEdits, fields, setFieldsValue, saving, resetSave],
  )

  const baseline = savedFields ?? beforeEdits ?? fields
  const save = useCallback(() => mutate(fields), [mutate, fields])
  const revert = useCallback(() => setFields(baseline), [setFields, baseline])
  const sensitiveInCode = useCallback((key: string) => Boolean(defaultFields.find((field) => field.key === key)?.sensitive), [defaultFields])
  return useShallowMemo<UseFieldConfigResult<TEvent>>({
    fields,
    setFields,
    canSave: typeof adapter.saveFieldConfig === 'function',
    save,
    saveStatus: mutation.isPending ? 'saving' : mutation.isError ? 'failed' : mutation.isSuccess ? 'saved' : 'idle',
    saveError: mutation.error,
    dirty: edited && savedFields !== fields,
    baseline,
    revert,
    sensitiveInCode,
  })
}
