import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import {
  ActorField,
  type AuditEntry,
  diffOf,
  EntityField,
  monospace,
  OccurredAtField,
  OutcomeField,
  resourceOfEntity,
  SentenceField,
} from './AuditFields';

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A value as the screens show it: yes/no, a role's name, a user's status; `[secret]` for what the log never keeps. */
function useFormatValue(entityType: string | null) {
  const translate = useTranslate();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined) return '—';
    if (entityType === 'user' && field === 'disabled' && typeof value === 'boolean') {
      return translate(`resources.users.status.${value ? 'disabled' : 'active'}`);
    }
    if (typeof value === 'boolean') return translate(`ra.boolean.${value}`);
    if (field === 'role' && typeof value === 'string') return translate(`aqtalu.role.${value}`, { _: value });
    if (typeof value === 'string') return value === '[secret]' ? translate('resources.audit-log.diff.secret') : value;
    return JSON.stringify(value);
  };
}

/** `diff: {before, after}` as a table: one row a field, the changed ones marked; creation and deletion show one side. */
const DiffTable = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  const format = useFormatValue(record?.entityType ?? null);
  if (!record) return null;
  const { before = null, after = null } = diffOf(record) ?? {};
  if (!before && !after) {
    return <Typography color="text.secondary">{translate('resources.audit-log.diff.none')}</Typography>;
  }
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const resource = record.entityType ? resourceOfEntity[record.entityType] : undefined;
  const label = (field: string) =>
    resource ? translate(`resources.${resource}.fields.${field}`, { _: field }) : field;

  return (
    <Table size="small" sx={{ maxWidth: 900 }} aria-label={translate('resources.audit-log.fields.diff')}>
      <TableHead>
        <TableRow>
          <TableCell component="th">{translate('resources.audit-log.diff.field')}</TableCell>
          <TableCell component="th">{translate('resources.audit-log.diff.before')}</TableCell>
          <TableCell component="th">{translate('resources.audit-log.diff.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {fields.map((field) => {
          const old = before?.[field];
          const now = after?.[field];
          const changed = !sameValue(old, now);
          return (
            <TableRow key={field} sx={changed ? { bgcolor: 'action.selected' } : undefined}>
              <TableCell component="th" scope="row" sx={{ fontWeight: changed ? 600 : undefined }}>
                {label(field)}
              </TableCell>
              <TableCell sx={changed && before ? { color: 'error.main', textDecoration: 'line-through' } : undefined}>
                {before ? format(field, old) : ''}
              </TableCell>
              <TableCell sx={changed && after ? { color: 'success.main', fontWeight: 600 } : undefined}>
                {after ? format(field, now) : ''}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

/** Whatever else the entry records (the reason of a failed sign-in, the filter of an audit read…). */
const DetailsField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<AuditEntry>();
  if (!record?.details || typeof record.details !== 'object' || Object.keys(record.details).length === 0) return <span>—</span>;
  return (
    <Box component="pre" sx={{ ...monospace, m: 0, fontSize: '0.85rem', whiteSpace: 'pre-wrap' }}>
      {JSON.stringify(record.details, null, 2)}
    </Box>
  );
};

/** The entry's link in the hash chain: SHA-256 over the entry and the hash before it. */
const HashField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box>
      <Typography sx={{ ...monospace, wordBreak: 'break-all', fontSize: '0.85rem' }}>{record.hash}</Typography>
      <Typography variant="caption" color="text.secondary">
        {translate('resources.audit-log.hash_hint')}
      </Typography>
    </Box>
  );
};

/** No edit, no delete: the log is append-only. */
export const AuditLogShow = () => (
  <Show actions={false}>
    <SimpleShowLayout>
      <TextField source="id" />
      <OccurredAtField source="occurredAt" />
      <ActorField source="actorEmail" />
      <SentenceField source="action" />
      <OutcomeField source="outcome" />
      <EntityField source="entityType" label="resources.audit-log.fields.entity" />
      <DiffTable source="diff" />
      <DetailsField source="details" />
      <TextField source="requestId" emptyText="—" />
      <TextField source="ip" emptyText="—" />
      <HashField source="hash" />
    </SimpleShowLayout>
  </Show>
);
