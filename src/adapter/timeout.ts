import { AuditLogsError } from './errors'
import type { AdapterCallOptions, AuditLogsAdapter } from './types'
import type { AuditEvent } from '../core/types'

function timeoutError(ms: number): AuditLogsError {
  const seconds = ms / 1000
  return new AuditLogsError('timeout', `The audit-log service did not answer within ${String(seconds)} second${seconds === 1 ? '' : 's'}.`)
}

/**
 * Runs one adapter call with a time limit: when it passes, the call's signal fires (a well-behaved adapter
 * stops its request) and the promise rejects with a `timeout` error, even if the adapter ignores the signal.
 */
function timeLimited<T>(ms: number, options: AdapterCallOptions, call: (options: AdapterCallOptions) => Promise<T>): Promise<T> {
  const controller = new AbortController()
  const limited = { ...options, signal: AbortSignal.any([options.signal, controller.signal]) }
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const error = timeoutError(ms)
      controller.abort(error)
      reject(error)
    }, ms)
    call(limited)
      .then(resolve, reject)
      .finally(() => {
        clearTimeout(timer)
      })
  })
}

/**
 * The adapter with a time limit on every call but `exportCsv` (a server export may rightly take minutes) and
 * `verifyIntegrity`.
 * A limit that is not a positive number (`0`, `Infinity`) means no limit.
 */
export function withTimeout<TEvent extends AuditEvent>(adapter: AuditLogsAdapter<TEvent>, ms: number): AuditLogsAdapter<TEvent> {
  if (!(ms > 0 && ms < Infinity)) return adapter
  // What it declares it can sort and filter by (`sortableKeys`…) comes along; every method is wrapped below.
  const timed: AuditLogsAdapter<TEvent> = { ...adapter }
  // Each method is called on the adapter, so class-based adapters keep their `this`; its options come last.
  for (const name of [
    'listEvents',
    'getEvent',
    'loadFieldConfig',
    'saveFieldConfig',
    'listFieldValues',
    'revealValue',
    'histogram',
    'listViews',
    'saveView',
    'deleteView',
  ] as const) {
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const method = adapter[name] as ((...args: unknown[]) => Promise<unknown>) | undefined
    if (method) {
      ;(timed as unknown as Record<string, unknown>)[name] = (...args: unknown[]) =>
        timeLimited(ms, args.pop() as AdapterCallOptions, (limited) => method.call(adapter, ...args, limited))
    }
  }
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const { exportCsv, verifyIntegrity } = adapter
  if (exportCsv) timed.exportCsv = exportCsv.bind(adapter)
  // A check walks the whole range on the server: like an export, it may rightly take longer than a page.
  if (verifyIntegrity) timed.verifyIntegrity = verifyIntegrity.bind(adapter)
  return timed
}
