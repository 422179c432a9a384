import type { AuditEvent, AuditField } from 'react-audit-logs'

/** A Kubernetes audit event (`audit.k8s.io/v1` Event, one JSON line per event and stage). */
export type KubernetesAuditEvent = { auditID: string; stage: string; requestReceivedTimestamp: string; [key: string]: unknown }
export type KubernetesEvent = AuditEvent & KubernetesAuditEvent

export const fromKubernetes = (event: KubernetesAuditEvent): KubernetesEvent => ({
  ...event,
  id: event.auditID,
  createdAt: event.requestReceivedTimestamp,
})

/** One request writes one event per stage under one auditID: give the viewer `getId={kubernetesEventId}`. */
export const kubernetesEventId = (event: KubernetesEvent): string => `${event.id}:${event.stage}`

export const kubernetesFields: AuditField<KubernetesEvent>[] = [
  { key: 'createdAt', label: 'Received', type: 'datetime' },
  { key: 'verb', label: 'Verb', filterable: true },
  { key: 'objectRef.resource', label: 'Resource', filterable: true },
  { key: 'objectRef.namespace', label: 'Namespace', filterable: true },
  { key: 'user.username', label: 'User', filterable: true },
  { key: 'annotations["authorization.k8s.io/decision"]', label: 'Decision', type: 'status', filterable: true },
  { key: 'responseStatus.code', label: 'Code', type: 'status' },
  { key: 'sourceIPs', label: 'Source IPs', type: 'ip' },
  { key: 'stage', label: 'Stage', filterable: true, shown: false },
  { key: 'stageTimestamp', label: 'Stage time', type: 'datetime', shown: false },
  { key: 'requestURI', label: 'URI', shown: false },
]
