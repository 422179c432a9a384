import { readViewColumns, readViewName, readViewSearch, type SavedView } from '../../core/savedViews'
import { actorOf } from '../accessEvents'
import { AuditLogRefusal, forbidden, invalid, notFound } from '../errors'
import { json, noContent, readJson } from '../http'
import { holdsNul } from '../nul'
import type { StoredView } from '../store/savedViews'
import type { RouteContext } from './context'

/** The most views one person keeps, and the most a tenant shares. */
const MAX_VIEWS = 200
/** A saved view is a search, not a document: its body is small. */
const MAX_VIEW_BYTES = 64 * 1024
const MAX_ID = 200

/** Who keeps personal views: the actor's id (else email) from the handler's `actor` option; `null` without one. */
async function ownerOf(context: RouteContext): Promise<string | null> {
  const actor = await actorOf(context)
  const id = actor?.id ?? actor?.email
  return typeof id === 'string' && id !== '' ? id : null
}

/** Whether the request may change the tenant's shared views: the `configure` action, as the data structure needs. */
async function mayConfigure({ request, tenantId, options }: RouteContext): Promise<boolean> {
  return options.authorize ? await options.authorize(request, { tenantId, action: 'configure' }) : false
}

const forbiddenShared = (): AuditLogRefusal => forbidden('You may not change the shared views of this audit log.')
const noSuchView = (): AuditLogRefusal => notFound('No saved view has this id.')

/** What the viewer gets of a stored view: never who keeps it. */
const publicView = ({ owner: _owner, ...view }: StoredView): SavedView => view

/** The stored view `id`, if the request may see it: shared, or its own. */
async function visibleView(context: RouteContext, id: unknown, owner: string | null): Promise<StoredView> {
  if (typeof id !== 'string' || id === '' || id.length > MAX_ID) throw invalid(`Name the view by its "id" (text of at most ${MAX_ID} characters).`)
  const view = await context.options.store.views.get(context.tenantId, id)
  // Another person's personal view is as unknown as a made-up id.
  if (!view || (view.owner !== null && view.owner !== owner)) throw noSuchView()
  return view
}

/** `GET /views`: the tenant's shared views and the person's own. */
export async function listViews(context: RouteContext): Promise<Response> {
  const views = await context.options.store.views.list(context.tenantId, await ownerOf(context))
  return json(views.map(publicView))
}

/**
 * `POST /views`: stores a new view (no `id`) or the new state of one: `{ name, search, columns?, scope,
 * isDefault? }`. Personal views are for everyone the host names (`actor`); shared ones and the tenant's
 * default take `configure`. Answers the view as stored (201 when new).
 */
export async function saveView(context: RouteContext): Promise<Response> {
  const body = await readJson(context.request, Math.min(context.options.maxBodyBytes, MAX_VIEW_BYTES))
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('Expected a JSON view { name, search, scope }.')
  if (holdsNul(body)) throw invalid('The view holds a NUL character (\\u0000), which cannot be stored.')
  const input = body as Record<string, unknown>
  const name = readViewName(input.name)
  if (typeof name !== 'string') throw invalid(`The view cannot be saved: ${name.problem}.`)
  const search = readViewSearch(input.search)
  if (typeof search === 'string') throw invalid(`The view cannot be saved: ${search}.`)
  const columns = input.columns === undefined || input.columns === null ? undefined : readViewColumns(input.columns)
  if (typeof columns === 'string') throw invalid(`The view cannot be saved: ${columns}.`)
  if (input.scope !== 'personal' && input.scope !== 'shared') throw invalid('The view\'s "scope" is "personal" or "shared".')
  if (input.isDefault !== undefined && typeof input.isDefault !== 'boolean') throw invalid('The view\'s "isDefault" is true or false.')
  const isDefault = input.isDefault === true
  if (isDefault && input.scope !== 'shared') throw invalid('Only a shared view can be the default.')

  const owner = await ownerOf(context)
  const { store } = context.options
  const existing = input.id === undefined ? null : await visibleView(context, input.id, owner)
  // Sharing, changing what is shared and setting the default change what everyone sees.
  if ((input.scope === 'shared' || existing?.owner === null) && !(await mayConfigure(context))) throw forbiddenShared()
  if (input.scope === 'personal' && owner === null) throw forbidden('Personal views need to know who is signed in (the server\'s "actor" option).')
  const keeper = input.scope === 'shared' ? null : owner
  if (!existing && (await store.views.count(context.tenantId, keeper)) >= MAX_VIEWS)
    throw invalid(`No more than ${MAX_VIEWS} views can be kept; delete one first.`)
  const saved = await store.views.save(context.tenantId, existing?.id ?? null, { name, search, columns, owner: keeper, isDefault })
  return json(publicView(saved), existing ? 200 : 201)
}

/** `DELETE /views?id=…`: removes the person's own view, or a shared one with `configure`. */
export async function deleteView(context: RouteContext): Promise<Response> {
  const view = await visibleView(context, context.url.searchParams.get('id') ?? undefined, await ownerOf(context))
  if (view.owner === null && !(await mayConfigure(context))) throw forbiddenShared()
  await context.options.store.views.remove(context.tenantId, view.id)
  return noContent()
}
