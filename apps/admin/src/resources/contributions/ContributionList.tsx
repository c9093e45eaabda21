import { Alert, Box, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { contributionRejections, contributionStatuses, type ContributionRejection, type ContributionResponse } from '@aqtalu/contracts';
import { useState } from 'react';
import { Button, DataTable, DateField, List, SelectInput, useCanAccess, useNotify, useRecordContext, useRefresh, useExpanded, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { LabelledButton } from '../../layout/LabelledButton';
import { NoResults } from '../../layout/NoResults';
import { apiJson, downloadFile } from '../../providers/api';
import { messageOf } from '../cases/TransitionsPanel';
import { useCodeText } from '../../i18n/useCodeText';

const statusChoices = contributionStatuses.map((status) => ({ id: status, name: `resources.contributions.status.${status}` }));
const filters = [<SelectInput key="status" source="status" label="resources.contributions.fields.status" choices={statusChoices} alwaysOn emptyText="resources.contributions.all" />];

/** What the contributor told: the value, or the episode's date and place, and the details. */
const Told = () => {
  const record = useRecordContext<ContributionResponse>();
  if (!record) return null;
  return <>{[record.value, record.date, record.place].filter(Boolean).join(' · ')}</>;
};

const Subject = () => {
  const record = useRecordContext<ContributionResponse>();
  const translate = useTranslate();
  return record ? <>{translate(`resources.contributions.subject.${record.subject}`)}</> : null;
};

const Status = () => {
  const record = useRecordContext<ContributionResponse>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={0.5}>
      <Chip size="small" label={translate(`resources.contributions.status.${record.status}`)} color={record.status === 'pending' ? 'warning' : 'default'} />
      {record.scan.state !== 'none' ? <Chip size="small" variant="outlined" label={translate(`resources.contributions.scan.${record.scan.state}`)} /> : null}
    </Stack>
  );
};

/** The contribution in full, its scan once checked, and the moderator's decision. */
const Moderate = () => {
  const record = useRecordContext<ContributionResponse>();
  const translate = useTranslate();
  const { text } = useCodeText();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'contributions', action: 'edit' });
  const [reference, setReference] = useState('');
  const [bookTitle, setBookTitle] = useState('');
  const [bookPage, setBookPage] = useState('');
  const [reason, setReason] = useState<ContributionRejection>('unverifiable');
  const [pending, setPending] = useState(false);
  if (!record) return null;
  const act = async (path: 'acceptance' | 'rejection', body: unknown, done: string) => {
    setPending(true);
    try {
      await apiJson(`/contributions/${record.id}/${path}`, { method: 'POST', body });
      notify(done, { type: 'success' });
      refresh();
    } catch (error) {
      notify(messageOf(error), { type: 'error', multiLine: true, messageArgs: { _: messageOf(error) } });
    } finally {
      setPending(false);
    }
  };
  const source = reference.trim()
    ? { kind: 'archival', reference: reference.trim() }
    : bookTitle.trim()
      ? { kind: 'book', bookTitle: bookTitle.trim(), bookPage: Number(bookPage) }
      : undefined;
  return (
    <Box sx={{ p: 1 }} data-testid="contribution-detail">
      <Typography variant="body2">
        <strong>{translate('resources.contributions.fields.source')}:</strong> {record.source}
      </Typography>
      {record.details ? (
        <Typography variant="body2">
          <strong>{translate('resources.contributions.fields.details')}:</strong> {record.details}
        </Typography>
      ) : null}
      <Typography variant="body2">
        <strong>{translate('resources.contributions.fields.contributor')}:</strong> {record.contributorName} &lt;{record.contributorEmail}&gt;
      </Typography>
      {record.scan.state === 'passed' ? (
        <LabelledButton
          label="resources.contributions.actions.scan"
          onClick={() => void downloadFile(`/contributions/${record.id}/scan`, record.scan.name ?? 'scan').catch((error: unknown) => notify(messageOf(error), { type: 'error' }))}
        />
      ) : record.scan.state === 'quarantined' ? (
        <Alert severity="warning">{translate('resources.contributions.scan.quarantined')}{record.scan.reasonCode ? ` (${text({ code: record.scan.reasonCode, params: {} }, record.scan.reasonCode)})` : ''}</Alert>
      ) : null}
      {record.status === 'accepted' && record.factId ? (
        <Typography variant="body2" sx={{ mt: 1 }}>
          <Link to={`/persons/${record.personId}/show`}>{translate('resources.contributions.accepted_as_fact')}</Link>
        </Typography>
      ) : null}
      {record.status === 'rejected' && record.rejection ? (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {text({ code: `contribution.rejected_${record.rejection}`, params: {} }, record.rejection)}
        </Typography>
      ) : null}
      {canAccess && record.status === 'pending' ? (
        <Stack spacing={1} sx={{ mt: 2, maxWidth: 640 }}>
          <Typography variant="body2" color="text.secondary">{translate('resources.contributions.source_hint')}</Typography>
          <TextField size="small" label={translate('resources.contributions.fields.reference')} value={reference} onChange={(event) => setReference(event.target.value)} />
          <Stack direction="row" spacing={1}>
            <TextField size="small" sx={{ flex: 1 }} label={translate('resources.contributions.fields.bookTitle')} value={bookTitle} onChange={(event) => setBookTitle(event.target.value)} />
            <TextField size="small" sx={{ width: 120 }} type="number" label={translate('resources.contributions.fields.bookPage')} value={bookPage} onChange={(event) => setBookPage(event.target.value)} />
          </Stack>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            <Button label="resources.contributions.actions.accept" variant="contained" disabled={pending} onClick={() => void act('acceptance', source ? { source } : {}, 'resources.contributions.notifications.accepted')} />
            <TextField
              select
              size="small"
              sx={{ minWidth: 260 }}
              label={translate('resources.contributions.fields.reason')}
              value={reason}
              onChange={(event) => setReason(event.target.value as ContributionRejection)}
            >
              {contributionRejections.map((option) => (
                <MenuItem key={option} value={option}>
                  {text({ code: `contribution.rejected_${option}`, params: {} }, option)}
                </MenuItem>
              ))}
            </TextField>
            <Button label="resources.contributions.actions.reject" variant="outlined" disabled={pending} onClick={() => void act('rejection', { reason }, 'resources.contributions.notifications.rejected')} />
          </Stack>
        </Stack>
      ) : null}
    </Box>
  );
};

/** Opens the contribution: a real button, so the keyboard reaches it. */
const OpenButton = () => {
  const record = useRecordContext<ContributionResponse>();
  const [expanded, toggle] = useExpanded('contributions', record?.id ?? '', true);
  if (!record) return null;
  return (
    <LabelledButton
      label={expanded ? 'resources.contributions.actions.hide' : 'resources.contributions.actions.open'}
      aria-expanded={expanded}
      onClick={(event) => {
        event.stopPropagation();
        toggle();
      }}
    />
  );
};

/** The moderation queue, oldest first: what visitors told about published persons. */
export const ContributionList = () => (
  <List filters={filters} filterDefaultValues={{ status: 'pending' }} sort={{ field: 'createdAt', order: 'ASC' }} perPage={25} exporter={false}>
    <DataTable bulkActionButtons={false} expand={<Moderate />} expandSingle rowClick="expand" empty={<NoResults />}>
      <DataTable.Col source="createdAt" label="resources.contributions.fields.createdAt">
        <DateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="personName" label="resources.contributions.fields.person" disableSort />
      <DataTable.Col source="subject" label="resources.contributions.fields.subject">
        <Subject />
      </DataTable.Col>
      <DataTable.Col label="resources.contributions.fields.told" disableSort>
        <Told />
      </DataTable.Col>
      <DataTable.Col source="status" label="resources.contributions.fields.status">
        <Status />
      </DataTable.Col>
      <DataTable.Col label="resources.contributions.fields.moderate" disableSort>
        <OpenButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
