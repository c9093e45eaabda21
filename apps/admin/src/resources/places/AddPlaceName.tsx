import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  HttpError,
  NumberInput,
  SaveButton,
  SelectInput,
  TextInput,
  required,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { AqtaluDataProvider } from '../../providers/dataProvider';
import { type NameValues, placeLanguageChoices, placeNameBody, type PlaceRecord } from './place';
import { placeNameRules, placeYear, validatePlace } from './PlaceFields';

/** Adds a name the place was known by (a former name, another spelling), with its years where known. */
export const AddPlaceName = () => {
  const record = useRecordContext<PlaceRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<AqtaluDataProvider>();
  const { canAccess } = useCanAccess({ resource: 'places', action: 'edit' });
  const [open, setOpen] = useState(false);
  if (!record || !canAccess) return null;

  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.addPlaceName(record.id, placeNameBody(values as unknown as NameValues));
      notify('resources.places.name_added', { type: 'success' });
      setOpen(false);
      refresh();
      return undefined;
    } catch (error) {
      if (error instanceof HttpError && error.body?.errors) return error.body.errors as Record<string, string>;
      const message = error instanceof Error ? error.message : 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
      return undefined;
    }
  };

  return (
    <>
      <Button variant="outlined" size="small" onClick={() => setOpen(true)}>
        {translate('resources.places.add_name')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <Form onSubmit={submit} validate={validatePlace} defaultValues={{ language: 'ru' }}>
          <DialogTitle>{translate('resources.places.add_name')}</DialogTitle>
          <DialogContent>
            <TextInput source="name" validate={placeNameRules} fullWidth autoFocus />
            <SelectInput source="language" choices={placeLanguageChoices} validate={required()} />
            <NumberInput source="validFrom" validate={placeYear} step={1} />
            <NumberInput source="validTo" validate={placeYear} step={1} />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton alwaysEnable={false} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
