import { ApplicantKind, EventKind, type CaseResponse, type EventParticipantView, type EventView } from '@aqtalu/contracts';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, Form, minLength, required, SaveButton, SelectInput, TextInput, useListContext, useNotify, useRedirect, useTranslate } from 'react-admin';
import { apiJson } from '../../providers/api';
import { readSession } from '../../providers/session';
import { useDictionaryChoices } from '../../providers/useApi';
import { applicantKindChoices } from '../cases/CaseFields';

/** The victim category a group case of an event of this kind most often belongs to (the person may choose another). */
const categoryOf: Partial<Record<EventKind, string>> = {
  [EventKind.Uprising]: 'uprising',
  [EventKind.DeportationEchelon]: 'deported',
  [EventKind.ConfiscationCampaign]: 'dekulakized',
};

interface GroupCaseValues {
  regionCode: string;
  categoryCode: string;
  summary?: string;
  applicant: { kind: ApplicantKind; name: string };
}

/**
 * A bulk action of an event's people: one group case whose subjects are the selected persons, all added in one
 * request (`POST /api/group-cases` with their person ids); then the new case opens.
 */
export const MakeGroupCaseButton = ({ event, participants }: { event?: EventView; participants: readonly EventParticipantView[] }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { selectedIds, onUnselectItems } = useListContext();
  const regions = useDictionaryChoices('regions');
  const categories = useDictionaryChoices('victim-categories');
  const [open, setOpen] = useState(false);
  const personIds = [...new Set(participants.filter((p) => selectedIds.includes(p.id)).map((p) => p.personId))];
  const user = readSession()?.user;
  const defaults: GroupCaseValues = {
    regionCode: user?.regionCode ?? event?.places?.find((place) => place.regionCode)?.regionCode ?? '',
    categoryCode: (event && categoryOf[event.kind]) ?? 'counter_revolutionary',
    summary: event ? [event.nameKk || event.nameRu, event.date?.text].filter(Boolean).join(', ') : '',
    applicant: { kind: ApplicantKind.WorkingGroup, name: user?.displayName ?? '' },
  };

  const submit = async (values: Record<string, unknown>) => {
    const form = values as unknown as GroupCaseValues;
    try {
      const created = await apiJson<CaseResponse>('/group-cases', {
        method: 'POST',
        body: { regionCode: form.regionCode, categoryCode: form.categoryCode, summary: form.summary ?? '', applicant: form.applicant, personIds },
      });
      notify('resources.events.group.created', { type: 'success', messageArgs: { number: created.number, smart_count: personIds.length } });
      setOpen(false);
      onUnselectItems();
      redirect('show', 'cases', created.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    }
  };

  return (
    <>
      <Button label="resources.events.group.make" onClick={() => setOpen(true)} disabled={personIds.length === 0}>
        <GroupAddIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="make-group-case-title">
        <Form onSubmit={submit} defaultValues={defaults}>
          <DialogTitle id="make-group-case-title">{translate('resources.events.group.make')}</DialogTitle>
          <DialogContent>
            <Typography variant="body2" sx={{ mb: 2 }}>
              {translate('resources.events.group.subjects', { smart_count: personIds.length })}
            </Typography>
            <SelectInput source="regionCode" label="resources.cases.fields.regionCode" choices={regions.choices} isLoading={regions.loading} validate={required()} />
            <SelectInput source="categoryCode" label="resources.cases.fields.categoryCode" choices={categories.choices} isLoading={categories.loading} validate={required()} />
            <SelectInput source="applicant.kind" label="resources.cases.fields.applicant.kind" choices={applicantKindChoices} validate={required()} />
            <TextInput source="applicant.name" label="resources.cases.fields.applicant.name" validate={[required(), minLength(2)]} fullWidth />
            <TextInput source="summary" label="resources.cases.fields.summary" multiline minRows={2} fullWidth />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <SaveButton label="resources.events.group.create" alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
