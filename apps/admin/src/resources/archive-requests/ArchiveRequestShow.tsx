import { ArchiveRequestStatus } from '@aqtalu/contracts';
import { Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  Button,
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
import { apiJson } from '../../providers/api';
import { messageOf } from '../cases/TransitionsPanel';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { type ArchiveRequestRecord, ArchiveRequestStatusChip, OverdueChip } from './ArchiveRequestFields';

type Action = 'start' | 'answer' | 'nothing-found';

/** Which of the liaison's actions apply to a request in this status (the API decides in the end). */
export function actionsFor(status: ArchiveRequestStatus): Action[] {
  if (status === ArchiveRequestStatus.Sent) return ['start', 'answer', 'nothing-found'];
  if (status === ArchiveRequestStatus.InProgress) return ['answer', 'nothing-found'];
  return [];
}

const ActionButton = ({ action }: { action: Action }) => {
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
      notify(`resources.archive-requests.notifications.${action}`, { type: 'success' });
      setOpen(false);
    } catch (error) {
      notify(messageOf(error), { type: 'error', multiLine: true, messageArgs: { _: messageOf(error) } });
      if (!(error instanceof HttpError && error.status === 409)) return;
    } finally {
      setPending(false);
    }
    refresh();
  };
  const label = `resources.archive-requests.actions.${action}`;
  if (action === 'start') return <Button label={label} onClick={() => send()} disabled={pending} />;
  return (
    <>
      <Button label={label} onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={`${action}-title`} fullWidth maxWidth="sm">
        <Form onSubmit={(values: Record<string, unknown>) => send(String(values.note ?? '').trim())} noValidate>
          <DialogTitle id={`${action}-title`}>{translate(label)}</DialogTitle>
          <DialogContent>
            <TextInput
              source="note"
              label="resources.archive-requests.fields.answerNote"
              helperText={`resources.archive-requests.helpers.${action}`}
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
  const { canAccess } = useCanAccess({ resource: 'archive-requests', action: 'answer' });
  if (!record || !canAccess) return <TopToolbar />;
  return (
    <TopToolbar>
      {actionsFor(record.status).map((action) => (
        <ActionButton key={action} action={action} />
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
      <TextField source="sentOn" />
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
