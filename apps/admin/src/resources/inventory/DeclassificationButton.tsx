import type { InventoryEntryView } from '@aqtalu/contracts';
import EditIcon from '@mui/icons-material/Edit';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { Button, DateInput, Form, required, SaveButton, SelectInput, TextInput, useNotify, useRecordContext, useRefresh, useTranslate, useUpdate } from 'react-admin';
import { declassificationChoices } from './inventory';

/** Changes a file's declassification (status, date), title, years and note; the API keeps a liaison to their own archive. */
export const DeclassificationButton = () => {
  const record = useRecordContext<InventoryEntryView>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [update, { isPending }] = useUpdate<InventoryEntryView>();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  const submit = (values: Record<string, unknown>) =>
    update(
      'inventory',
      { id: record.id, data: { ...(values as Partial<InventoryEntryView>), declassifiedOn: (values.declassifiedOn as string | undefined) || null, version: record.version }, previousData: record },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify('resources.inventory.saved', { type: 'success', messageArgs: { reference: record.reference } });
          setOpen(false);
          refresh();
        },
        onError: (error) => {
          const message = error instanceof Error ? error.message : 'ra.notification.http_error';
          notify(message, { type: 'error', messageArgs: { _: message } });
        },
      },
    );
  return (
    <>
      <Button label="ra.action.edit" onClick={() => setOpen(true)}>
        <EditIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby={`declassify-${record.id}`}>
        <Form onSubmit={submit} record={record}>
          <DialogTitle id={`declassify-${record.id}`}>{record.reference}</DialogTitle>
          <DialogContent>
            <SelectInput source="status" label="resources.inventory.fields.status" choices={declassificationChoices} validate={required()} />
            <DateInput source="declassifiedOn" label="resources.inventory.fields.declassifiedOn" />
            <TextInput source="title" label="resources.inventory.fields.title" fullWidth />
            <TextInput source="years" label="resources.inventory.fields.years" />
            <TextInput source="note" label="resources.inventory.fields.note" multiline fullWidth />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <SaveButton alwaysEnable disabled={isPending} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
