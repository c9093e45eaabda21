import type { AuditEntryResponse } from '@aqtalu/contracts';
import { Box, Chip, Typography } from '@mui/material';
import type { MouseEvent } from 'react';
import { Link, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { auditSentence, linkLabel, localName, type HistoryLink } from '../../i18n/history';

/** One entry of GET /api/audit-log (libs/contracts responses.ts). */
export type AuditEntry = AuditEntryResponse;

/** The diff an entry keeps: the fields before and after. */
export const diffOf = (entry: AuditEntry) => (entry.diff ?? null) as { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null } | null;

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
      color={outcomeColor[record.outcome as keyof typeof outcomeColor] ?? 'default'}
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
      <Typography variant="body2">{record.actorName ?? record.actorEmail ?? record.actorId}</Typography>
      {record.actorName && record.actorEmail ? (
        <Typography variant="caption" color="text.secondary" component="div">
          {record.actorEmail}
        </Typography>
      ) : null}
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

/** The screen of what an entry is about, and the words of its link. */
const linkOfEntity: Readonly<Record<string, { path: string; link: HistoryLink }>> = {
  case: { path: 'cases', link: 'case' },
  person: { path: 'persons', link: 'person' },
  user: { path: 'users', link: 'user' },
  archive_request: { path: 'archive-requests', link: 'request' },
  commission_session: { path: 'commission-sessions', link: 'session' },
  evidence: { path: 'evidence', link: 'document' },
  event: { path: 'events', link: 'event' },
  place: { path: 'places', link: 'place' },
};

/** The entry as a sentence in the screen's language: who did what to which case, person or account, by name. */
export const SentenceField = (_props: FieldProps) => {
  const record = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  return (
    <Box>
      <Typography variant="body2">{auditSentence(record, locale, translate)}</Typography>
      <Typography variant="caption" color="text.secondary" sx={monospace}>
        {record.action}
      </Typography>
    </Box>
  );
};

/** What was acted on, by name, with a link to it (the id only when it has no name). */
export const EntityField = (_props: FieldProps) => {
  const record = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record?.entityType) return null;
  const params = record.params ?? {};
  const name =
    (params.caseNumber as string | undefined) ??
    localName(params, 'personName', locale) ??
    (params.userName as string | undefined) ??
    (params.sessionNumber as string | undefined) ??
    (params.fileName as string | undefined) ??
    localName(params, 'placeName', locale) ??
    null;
  const target = linkOfEntity[record.entityType];
  const kind = translate(`aqtalu.code_values.entity.${record.entityType}`, { _: record.entityType });
  return (
    <Box>
      <Typography variant="body2">{name ? `${kind}: ${name}` : kind}</Typography>
      {record.entityId && target ? (
        <Link to={`/${target.path}/${record.entityId}/show`} onClick={(event: MouseEvent) => event.stopPropagation()}>
          {linkLabel(target.link, locale)}
        </Link>
      ) : record.entityId ? (
        <Typography variant="caption" color="text.secondary" sx={{ ...monospace, wordBreak: 'break-all' }}>
          {record.entityId}
        </Typography>
      ) : null}
    </Box>
  );
};
