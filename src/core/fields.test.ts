import { describe, expect, it } from 'vitest'

import { defaultFields, fieldLabel, localizeLabels } from './fields'
import { mergeStoredConfig, toStoredConfig } from './fieldConfig'
import { germanMessages } from './messages.de'
import { coreMessages } from './messages'
import type { AuditField } from './types'

const german = germanMessages.fieldLabels
const byKey = (key: string): AuditField => {
  const found = defaultFields.find((field) => field.key === key)
  if (!found) throw new Error(key)
  return found
}

describe('field labels from messages', () => {
  it('shows a library field in the messages’ language', () => {
    expect(fieldLabel(byKey('ip'), german)).toBe('IP-Adresse')
    expect(localizeLabels(defaultFields, german).map((field) => field.label)).toEqual(defaultFields.map((field) => german[field.key as 'ip']))
  })

  it('never replaces a host’s label, even one that reads like the English default', () => {
    const hostFields: AuditField[] = [
      { key: 'ip', label: 'IP address', type: 'ip' },
      { key: 'createdAt', label: coreMessages.fieldLabels.createdAt, type: 'datetime' },
    ]
    expect(hostFields.map((field) => fieldLabel(field, german))).toEqual(['IP address', 'Time'])
    expect(localizeLabels(hostFields, german)).toBe(hostFields)
  })

  it('keeps a label a host or an admin changed on a library field', () => {
    expect(fieldLabel({ ...byKey('ip'), label: 'Source' }, german)).toBe('Source')
    const stored = toStoredConfig(defaultFields).map((field) => (field.key === 'ip' ? { ...field, label: 'Source' } : field))
    const merged = mergeStoredConfig(defaultFields, stored)
    expect(merged.find((field) => field.key === 'ip')?.label).toBe('Source')
    // A stored field left as it was still follows the messages.
    expect(fieldLabel(merged.find((field) => field.key === 'action') ?? byKey('action'), german)).toBe('Aktion')
  })

  it('translates a library field once: a localized field keeps its label', () => {
    const [localized] = localizeLabels([byKey('ip')], german)
    expect(localized?.label).toBe('IP-Adresse')
    expect(localized && fieldLabel(localized, coreMessages.fieldLabels)).toBe('IP-Adresse')
  })
})
