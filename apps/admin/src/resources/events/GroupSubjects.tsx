import { DecisionOutcome, SubjectBulkAction, type GroupSubjectResponse } from '@aqtalu/contracts';
import LinkIcon from '@mui/icons-material/Link';
import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import RuleIcon from '@mui/icons-material/Rule';
import UndoIcon from '@mui/icons-material/Undo';
import { Alert, Box, Button as MuiButton, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import {
  AutocompleteInput,
  Button,
  Confirm,
  DataTable,
  Form,
  Link,
  ListContextProvider,
  ReferenceInput,
  required,
  SaveButton,
  SelectInput,
  TextInput,
  useCanAccess,
  useList,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { apiJson } from '../../providers/api';
import { useApi } from '../../providers/useApi';
import type { CaseRecord } from '../cases/CaseFields';
import { messageOf } from '../cases/TransitionsPanel';

const outcomeChoices = Object.values(DecisionOutcome).map((id) => ({ id, name: `resources.cases.outcome.${id}` }));

const personOption = (person: { nameKk?: string | null; nameRu?: string | null; matchedVariant?: string; birthYear?: string | null }) =>
  `${person.nameKk ?? person.nameRu ?? person.matchedVariant ?? ''}${person.birthYear ? ` (${person.birthYear})` : ''}`;

/** Sends one bulk command on the selected subjects (`POST /api/group-cases/:id/subjects/bulk`) with the case version read. */
function useBulk(after: () => void) {
  const record = useRecordContext<CaseRecord>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { selectedIds, onUnselectItems } = useListContext();
  const [pending, setPending] = useState(false);
  const run = async (action: SubjectBulkAction, extra: Record<string, unknown> = {}) => {
    if (!record) return;
    setPending(true);
    try {
      await apiJson(`/group-cases/${record.id}/subjects/bulk`, { method: 'POST', body: { version: record.version, action, subjectIds: selectedIds, ...extra } });
      notify(`resources.events.subjects.done.${action}`, { type: 'success', messageArgs: { smart_count: selectedIds.length } });
      onUnselectItems();
      after();
      refresh();
    } catch (error) {
      const message = messageOf(error);
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setPending(false);
    }
  };
  return { run, pending, count: selectedIds.length };
}

const FormDialog = ({ open, title, onClose, onSubmit, children }: { open: boolean; title: string; onClose: () => void; onSubmit: (values: Record<string, unknown>) => Promise<void>; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-label={translate(title)}>
      <Form onSubmit={onSubmit}>
        <DialogTitle>{translate(title)}</DialogTitle>
        <DialogContent>{children}</DialogContent>
        <DialogActions>
          <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
          <SaveButton label="ra.action.confirm" alwaysEnable />
        </DialogActions>
      </Form>
    </Dialog>
  );
};

const RemoveButton = () => {
  const [open, setOpen] = useState(false);
  const { run, pending, count } = useBulk(() => setOpen(false));
  return (
    <>
      <Button label="resources.events.subjects.remove" onClick={() => setOpen(true)} disabled={pending}>
        <PersonRemoveIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title="resources.events.subjects.remove"
        content="resources.events.subjects.remove_confirm"
        translateOptions={{ smart_count: count }}
        onConfirm={() => void run(SubjectBulkAction.Remove)}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

const MarkExceptionButton = () => {
  const [open, setOpen] = useState(false);
  const { run, pending } = useBulk(() => setOpen(false));
  return (
    <>
      <Button label="resources.events.subjects.mark_exception" onClick={() => setOpen(true)} disabled={pending}>
        <RuleIcon />
      </Button>
      <FormDialog open={open} title="resources.events.subjects.mark_exception" onClose={() => setOpen(false)} onSubmit={(values) => run(SubjectBulkAction.MarkException, { outcome: values.outcome, reason: values.reason })}>
        <SelectInput source="outcome" label="resources.events.subjects.exception_outcome" choices={outcomeChoices} validate={required()} />
        <TextInput source="reason" label="resources.events.subjects.exception_reason" validate={required()} multiline minRows={2} fullWidth />
      </FormDialog>
    </>
  );
};

const UnmarkExceptionButton = () => {
  const { run, pending } = useBulk(() => undefined);
  return (
    <Button label="resources.events.subjects.unmark_exception" onClick={() => void run(SubjectBulkAction.UnmarkException)} disabled={pending}>
      <UndoIcon />
    </Button>
  );
};

const LinkButton = () => {
  const [open, setOpen] = useState(false);
  const { run, pending, count } = useBulk(() => setOpen(false));
  return (
    <>
      <Button label="resources.events.subjects.link" onClick={() => setOpen(true)} disabled={pending || count !== 1}>
        <LinkIcon />
      </Button>
      <FormDialog open={open} title="resources.events.subjects.link" onClose={() => setOpen(false)} onSubmit={(values) => run(SubjectBulkAction.Link, { personId: values.personId })}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          <LinkHint />
        </Typography>
        <ReferenceInput source="personId" reference="persons">
          <AutocompleteInput label="resources.cases.fields.subjects_person" optionText={personOption} filterToQuery={(q: string) => ({ q })} validate={required()} fullWidth />
        </ReferenceInput>
      </FormDialog>
    </>
  );
};

const LinkHint = () => <>{useTranslate()('resources.events.subjects.link_hint')}</>;

const BulkButtons = () => (
  <>
    <MarkExceptionButton />
    <UnmarkExceptionButton />
    <LinkButton />
    <RemoveButton />
  </>
);

/**
 * The subjects of a group case with their exceptions for the decision; those who may edit the case select
 * subjects and remove them, set them apart with their own outcome and reason, or link one to the registry person it really is.
 */
export const GroupSubjects = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'cases', action: 'edit' });
  const { canAccess: canOpenPerson } = useCanAccess({ resource: 'persons', action: 'show' });
  const { data, error } = useApi<GroupSubjectResponse[]>(record ? `/group-cases/${record.id}/subjects` : null);
  const list = useList<GroupSubjectResponse>({ data: data ?? [], isPending: !data, perPage: 10_000, resource: `group-subjects-${record?.id ?? ''}` });
  if (error) return <Alert severity="warning">{translate(messageOf(error), { _: messageOf(error) })}</Alert>;
  if (!data) return <CircularProgress size={20} aria-label={translate('ra.page.loading')} />;
  const outcome = (key: string | null) => (key ? translate(`resources.cases.outcome.${key}`, { _: key }) : '—');
  const exceptions = data.filter((subject) => subject.exceptionOutcome).length;
  return (
    <Box data-testid="group-subjects" sx={{ overflowX: 'auto', maxWidth: '100%' }}>
      <Typography variant="body2" color="text.secondary">
        {translate('resources.events.subjects.summary', { smart_count: data.length, exceptions })}
      </Typography>
      <ListContextProvider value={list}>
        {/* room above the table for the bulk actions bar, which slides up over it */}
        {canAccess ? <Box sx={{ height: 48 }} /> : null}
        <DataTable<GroupSubjectResponse> rowClick={false} bulkActionButtons={canAccess ? <BulkButtons /> : false} size="small">
          <DataTable.Col label="resources.cases.fields.subjects_nameKk" render={(s) => (canOpenPerson ? <Link to={`/persons/${s.personId}/show`}>{s.nameKk ?? s.nameRu ?? '—'}</Link> : (s.nameKk ?? s.nameRu ?? '—'))} />
          <DataTable.Col label="resources.cases.fields.subjects_nameRu" render={(s) => s.nameRu ?? '—'} />
          <DataTable.Col label="resources.cases.fields.subjects_birthYear" render={(s) => s.birthYear ?? '—'} />
          <DataTable.Col label="resources.events.subjects.exception_outcome" render={(s) => outcome(s.exceptionOutcome)} />
          <DataTable.Col label="resources.events.subjects.exception_reason" render={(s) => s.exceptionReason ?? '—'} />
          <DataTable.Col label="resources.cases.fields.subjects_outcome" render={(s) => outcome(s.outcome)} />
        </DataTable>
      </ListContextProvider>
    </Box>
  );
};
