import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, within } from 'storybook/test'

import { type AzureActivityEvent, azureActivityFields, fromAzureActivity } from '../examples/vendors/azureActivity'
import { type CloudTrailRecord, cloudTrailFields, fromCloudTrail } from '../examples/vendors/cloudTrail'
import { fromKubernetes, type KubernetesAuditEvent, kubernetesEventId, kubernetesFields } from '../examples/vendors/kubernetes'
import { AuditLogs, type AuditLogsProps } from '../src/components/AuditLogs/AuditLogs'
import { createMemoryAdapter } from '../src/adapter/memoryAdapter'
import type { AuditEvent, AuditField } from '../src/core/types'
import * as azure from '../test/fixtures/vendors/azure-activity'
import * as cloudTrail from '../test/fixtures/vendors/cloudtrail'
import * as kubernetes from '../test/fixtures/vendors/kubernetes'

interface VendorLogProps<TEvent extends AuditEvent> extends Omit<AuditLogsProps<TEvent>, 'adapter' | 'fields'> {
  events: TEvent[]
  fields: AuditField<TEvent>[]
}

/** Real published events, mapped as docs/vendors.md ("Feeding it real logs") shows; derived fields evaluated by the adapter. */
function VendorLog<TEvent extends AuditEvent>({ events, fields, ...props }: VendorLogProps<TEvent>) {
  const [adapter] = useState(() => createMemoryAdapter(events, { fields, latency: 100 }))
  return <AuditLogs<TEvent> {...props} adapter={adapter} fields={fields} timeZone="UTC" />
}

const meta = { title: 'AuditLogs/Vendor Logs' } satisfies Meta

export default meta
type Story = StoryObj<typeof meta>

/** AWS CloudTrail's documentation examples: a derived Result (errorCode, or a failed console sign-in), sortable and filterable. */
export const CloudTrail: Story = {
  render: () => <VendorLog events={(cloudTrail.events as CloudTrailRecord[]).map(fromCloudTrail)} fields={cloudTrailFields} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('13 events')).toBeVisible()
    await expect(within(canvas.getByRole('columnheader', { name: /Result/ })).getByRole('button')).toBeVisible()
  },
}

/** Kubernetes audit events: microsecond times, a dotted annotation key read by bracket path, one exact copy merged and one repeated auditID kept. */
export const Kubernetes: Story = {
  render: () => (
    <VendorLog events={(kubernetes.events as KubernetesAuditEvent[]).map(fromKubernetes)} fields={kubernetesFields} getId={kubernetesEventId} />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('3 events')).toBeVisible()
  },
}

/** Azure Activity Log schema samples: seven fractional digits, a repeated eventDataId kept apart, status tones per field. */
export const AzureActivity: Story = {
  render: () => <VendorLog events={(azure.events as AzureActivityEvent[]).map(fromAzureActivity)} fields={azureActivityFields} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(await canvas.findByText('8 events')).toBeVisible()
  },
}
