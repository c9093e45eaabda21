import { Box, Chip, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

/** One entry of GET /api/audit-log. */
export interface AuditEntry {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorRole: string | null;
  actorEmail: string | null;
  action: string;
  outcome: 'allowed' | 'denied' | 'failed';
  entityType: string | null;
  entityId: string | null;
  diff: { before: Record<string, unknown> | null; after: Record<string, unknown> | null } | null;
  details: Record<string, unknown> | null;
  requestId: string | null;
  ip: string | null;
  hash: string;
}

export const outcomeChoices = (['allowed', 'denied', 'failed'] as const).map((outcome) => ({
  id: outcome,
  name: `resources.audit-log.outcome.${outcome}`,
}));

const outcomeColor = { allowed: 'success', denied: 'warning', failed: 'error' } as const;

export const monospace = { fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace' } as const;

/** Fields take `source` and `label` for the list's column headers and the show page's labels. */
interface FieldProps {
  source?: string;
  label?: string;
}

export const OutcomeField = (_props: FieldProps) => {
  const record = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Chip
      size="small"
      color={outcomeColor[record.outcome] ?? 'default'}
      label={translate(`resources.audit-log.outcome.${record.outcome}`, { _: record.outcome })}
    />
  );
};

/** Date and time to the second, in the language of the screen and the time zone of the browser. */
export const OccurredAtField = (_props: FieldProps) => {
  const record = useRecordContext<AuditEntry>();
  const [locale] = useLocaleState();
  if (!record) return null;
  const when = new Date(record.occurredAt);
  return (
    <Typography component="time" variant="body2" dateTime={record.occurredAt} sx={{ whiteSpace: 'nowrap' }}>
      {new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(when)}
    </Typography>
  );
};

/** Who acted: e-mail and role, or "System" for the worker and for attempts by nobody signed in. */
export const ActorField = (_props: FieldProps) => {
  const record = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.actorEmail && !record.actorId) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('resources.audit-log.system')}
      </Typography>
    );
  }
  return (
    <Box>
      <Typography variant="body2">{record.actorEmail ?? record.actorId}</Typography>
      {record.actorRole ? (
        <Typography variant="caption" color="text.secondary">
          {translate(`aqtalu.role.${record.actorRole}`, { _: record.actorRole })}
        </Typography>
      ) : null}
    </Box>
  );
};

/** The resource of an entity type, whose name and field labels read the entries about it. */
export const resourceOfEntity: Readonly<Record<string, string>> = { user: 'users' };

/** What was acted on: its type, in words when the back office knows it, and its id. */
export const EntityField = (_props: FieldProps) => {
  const record = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  if (!record?.entityType) return null;
  const resource = resourceOfEntity[record.entityType];
  return (
    <Box>
      <Typography variant="body2">
        {resource ? translate(`resources.${resource}.name`, { smart_count: 1, _: record.entityType }) : record.entityType}
      </Typography>
      {record.entityId ? (
        <Typography variant="caption" color="text.secondary" sx={{ ...monospace, wordBreak: 'break-all' }}>
          {record.entityId}
        </Typography>
      ) : null}
    </Box>
  );
};
