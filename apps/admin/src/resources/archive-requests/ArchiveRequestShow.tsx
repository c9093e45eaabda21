import type { ArchiveRequestAction, ArchiveRequestActionOption } from '@aqtalu/contracts';
import { Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  HttpError,
  Labeled,
  ReferenceField,
  required,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { DateText } from '../../layout/DateText';
import { LabelledButton as Button } from '../../layout/LabelledButton';
import { apiJson } from '../../providers/api';
import { messageOf } from '../cases/TransitionsPanel';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { type ArchiveRequestRecord, ArchiveRequestStatusChip, OverdueChip } from './ArchiveRequestFields';

/** The actions the API offers the caller on this request now: the archive-request lifecycle decides, the screen copies no rule. */
export const offeredActions = (actions: readonly ArchiveRequestActionOption[] | undefined): ArchiveRequestActionOption[] =>
  (actions ?? []).filter((option) => option.allowed);

const ActionButton = ({ option }: { option: ArchiveRequestActionOption }) => {
  const action: ArchiveRequestAction = option.name;
  const record = useRecordContext<ArchiveRequestRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  if (!record) return null;
  const send = async (note?: string) => {
    setPending(true);
    try {
      await apiJson(`/archive-requests/${record.id}/actions/${action}`, {
        method: 'POST',
        body: { version: record.version, ...(note ? { note } : {}) },
      });
      notify(`resources.archive-requests.notifications.${action}`, { type: 'success', messageArgs: { _: label } });
      setOpen(false);
    } catch (error) {
      notify(messageOf(error), { type: 'error', multiLine: true, messageArgs: { _: messageOf(error) } });
      if (!(error instanceof HttpError && error.status === 409)) return;
    } finally {
      setPending(false);
    }
    refresh();
  };
  const label = translate(`resources.archive-requests.actions.${action}`, { _: translate(`aqtalu.case_rules.archive_request_actions.${action}`) });
  if (!option.needsNote) return <Button variant="outlined" label={label} onClick={() => send()} disabled={pending} />;
  return (
    <>
      <Button variant="outlined" label={label} onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={`${action}-title`} fullWidth maxWidth="sm">
        <Form onSubmit={(values: Record<string, unknown>) => send(String(values.note ?? '').trim())} noValidate>
          <DialogTitle id={`${action}-title`}>{label}</DialogTitle>
          <DialogContent>
            <TextInput
              source="note"
              label="resources.archive-requests.fields.answerNote"
              helperText={translate(`resources.archive-requests.helpers.${action}`, { _: '' }) || false}
              multiline
              minRows={3}
              fullWidth
              validate={required()}
              autoFocus
            />
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
            <Button type="submit" variant="contained" label={label} disabled={pending} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

const Actions = () => {
  const record = useRecordContext<ArchiveRequestRecord>();
  if (!record) return <TopToolbar />;
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', gap: 1, justifyContent: { xs: 'flex-start', sm: 'flex-end' } }}>
      {offeredActions(record.actions).map((option) => (
        <ActionButton key={option.name} option={option} />
      ))}
    </TopToolbar>
  );
};

/** The case, linked for those who may open it; a liaison, who may not, sees its number only. */
const CaseLink = () => {
  const { canAccess } = useCanAccess({ resource: 'cases', action: 'show' });
  return (
    <Labeled label="resources.archive-requests.fields.caseNumber">
      {canAccess ? <ReferenceField source="caseId" reference="cases" link="show" /> : <TextField source="caseNumber" />}
    </Labeled>
  );
};

/** The documents that answer this request; the liaison uploads the scans here. */
const RequestEvidence = () => {
  const record = useRecordContext<ArchiveRequestRecord>();
  if (!record) return null;
  return <EvidencePanel caseId={record.caseId} fixedArchiveRequestId={record.id} />;
};

export const ArchiveRequestShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <CaseLink />
      <TextField source="subjects" />
      <TextField source="archiveCode" />
      <TextField source="sought" />
      <Labeled label="resources.archive-requests.fields.status">
        <ArchiveRequestStatusChip />
      </Labeled>
      <Labeled label="resources.archive-requests.fields.sentOn">
        <DateText source="sentOn" />
      </Labeled>
      <Labeled label="resources.archive-requests.fields.dueDate">
        <OverdueChip withDate />
      </Labeled>
      <TextField source="answerNote" emptyText="—" />
      <Labeled label="resources.evidence.for_request" fullWidth>
        <RequestEvidence />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
