import { type SyntheticEvent, useEffect, useId, useRef, useState } from 'react'

import type { SavedView } from '../../core/savedViews'
import type { AuditSearch } from '../../core/types'
import { overlayOf, shownKeys } from '../../core/viewColumns'
import { useViewerConfig, useViewerSearch } from '../AuditLogsProvider/context'
import { useAllMessages } from '../AuditLogsProvider/useAllMessages'
import { Icon } from '../Icon/Icon'
import { useSavedViews } from './useSavedViews'

export interface SavedViewsPanelProps {
  /** Whether the person may share views and set the tenant's default (the `configure` permission). */
  canConfigure: boolean
  /** Called after a view was applied (the popover closes). */
  onApplied?: () => void
}

/**
 * The saved views: apply one (a step of history, so Back returns), save the current search under a name
 * (shared with everyone in the account for those who may configure), rename, delete, set the default.
 */
export function SavedViewsPanel({ canConfigure, onApplied }: SavedViewsPanelProps) {
  const { fields, setColumns, messages: provided } = useViewerConfig('SavedViewsPanel')
  const { search, pushSearch } = useViewerSearch('SavedViewsPanel')
  const messages = useAllMessages(provided)
  const { views, status, failed, busy, save, remove } = useSavedViews()
  const [name, setName] = useState('')
  const [shared, setShared] = useState(false)
  const [renaming, setRenaming] = useState<string | null>(null)
  const id = useId()
  const mayEdit = (view: SavedView): boolean => view.scope === 'personal' || canConfigure
  const { sort, from, to, search: text, filters, exclude } = search
  const current: AuditSearch = {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(text ? { search: text } : {}),
    ...(filters ? { filters } : {}),
    ...(exclude ? { exclude } : {}),
    ...(sort ? { sort } : {}),
  }

  const onSave = (event: SyntheticEvent): void => {
    event.preventDefault()
    if (name.trim() === '') return
    const scope = shared && canConfigure ? 'shared' : 'personal'
    void save({ name: name.trim(), search: current, columns: shownKeys(fields), scope }).then((saved) => {
      if (saved) setName('')
    })
  }

  return (
    <div className="ral-views">
      {status === 'pending' ? <p className="ral-state">{messages.viewsLoading}</p> : null}
      {status === 'error' ? <p className="ral-state">{messages.viewsFailed}</p> : null}
      {views?.length === 0 ? <p className="ral-state">{messages.viewsEmpty}</p> : null}
      {views && views.length > 0 ? (
        <ul className="ral-views-list" aria-label={messages.viewsTitle}>
          {views.map((view) => (
            <li key={view.id} className="ral-view">
              {renaming === view.id ? (
                <RenameForm
                  view={view}
                  label={messages.renameView(view.name)}
                  onDone={(next) => {
                    setRenaming(null)
                    if (next && next !== view.name) void save({ ...view, name: next })
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="ral-view-apply"
                  // The whole name, when the list cuts it short.
                  title={view.name}
                  onClick={() => {
                    pushSearch(() => view.search)
                    setColumns(overlayOf(view.columns))
                    onApplied?.()
                  }}
                >
                  {view.name}
                </button>
              )}
              {view.scope === 'shared' ? <span className="ral-view-tag">{messages.sharedView}</span> : null}
              {view.isDefault ? <span className="ral-view-tag">{messages.defaultView}</span> : null}
              {mayEdit(view) && renaming !== view.id ? (
                <span className="ral-view-actions">
                  <button type="button" className="ral-text-button" aria-label={messages.renameView(view.name)} onClick={() => setRenaming(view.id)}>
                    {messages.rename}
                  </button>
                  {view.scope === 'shared' && !view.isDefault ? (
                    <button
                      type="button"
                      className="ral-text-button"
                      aria-label={messages.makeDefaultView(view.name)}
                      onClick={() => void save({ ...view, isDefault: true })}
                    >
                      {messages.makeDefault}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="ral-icon-button"
                    aria-label={messages.deleteView(view.name)}
                    title={messages.deleteView(view.name)}
                    onClick={() => void remove(view.id)}
                  >
                    <Icon name="close" />
                  </button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <form className="ral-view-save" onSubmit={onSave}>
        <label htmlFor={`${id}-name`}>{messages.viewName}</label>
        <input id={`${id}-name`} className="ral-input" value={name} maxLength={100} required onChange={(event) => setName(event.target.value)} />
        {canConfigure ? (
          <label className="ral-view-share">
            <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} /> {messages.shareView}
          </label>
        ) : null}
        <button type="submit" className="ral-button ral-button--primary" disabled={busy}>
          {messages.saveView}
        </button>
        {failed ? (
          <p role="alert" className="ral-form-problem">
            {messages.viewSaveFailed}
          </p>
        ) : null}
      </form>
    </div>
  )
}

/** A view's name, edited in place: Enter keeps it, Esc or leaving drops it. */
function RenameForm({ view, label, onDone }: { view: SavedView; label: string; onDone: (name: string | null) => void }) {
  const [value, setValue] = useState(view.name)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => input.current?.select(), [])
  return (
    <form
      className="ral-view-rename"
      onSubmit={(event) => {
        event.preventDefault()
        onDone(value.trim() || null)
      }}
    >
      <input
        ref={input}
        className="ral-input"
        aria-label={label}
        value={value}
        maxLength={100}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault()
            event.stopPropagation()
            onDone(null)
          }
        }}
        onBlur={() => onDone(null)}
      />
    </form>
  )
}

/** Opens the tenant's default view once, when the viewer opened on no search of its own (no link, no host range). */
export function DefaultView() {
  const { setColumns } = useViewerConfig('DefaultView')
  const { search, setSearch } = useViewerSearch('DefaultView')
  const { views } = useSavedViews()
  const decided = useRef(false)
  useEffect(() => {
    if (decided.current || !views) return
    decided.current = true
    const chosen = views.find((view) => view.isDefault)
    const open =
      [search.from, search.to, search.search].every((value) => !value) &&
      [search.filters, search.exclude].every((list) => Object.keys(list ?? {}).length === 0)
    if (!chosen || !open) return
    setSearch(() => chosen.search)
    setColumns(overlayOf(chosen.columns))
  }, [views, search, setSearch, setColumns])
  return null
}
