import { Code, Text } from '@mantine/core'
import type { AuditEvent } from '../../../shared/admin/admin.schema.ts'

/** What the sentence leaves out, for whoever checks the trail: the action's code, the record and the line's detail. */
export function AuditDetail({ event }: { event: AuditEvent }) {
  const detail =
    event.detail === null || event.detail === undefined
      ? ''
      : typeof event.detail === 'string'
        ? event.detail
        : JSON.stringify(event.detail)
  return (
    <>
      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
        <Code>{event.action}</Code> {event.entity}
        {event.entityId ? ` ${event.entityId}` : ''}
      </Text>
      {detail && (
        <details>
          <summary>
            <Text span size="xs">
              Détail
            </Text>
          </summary>
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {detail}
          </Code>
        </details>
      )}
    </>
  )
}
