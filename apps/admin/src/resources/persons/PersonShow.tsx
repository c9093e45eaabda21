import { Alert, Box, Chip, Dialog, DialogActions, DialogContent, DialogTitle, List as MuiList, ListItem, ListItemText, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useState } from 'react';
import {
  Form,
  Labeled,
  minLength,
  required,
  SelectInput,
  Show,
  SimpleShowLayout,
  TextField,
  TextInput,
  TopToolbar,
  useCanAccess,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { LabelledButton } from '../../layout/LabelledButton';
import { apiJson } from '../../providers/api';
import { messageOf } from '../cases/TransitionsPanel';
import { formatDate } from '../../i18n/dates';
import { type PersonRecord, scripts, sourcesOf } from './person';
import { PersonCases, PersonFacts } from './PersonFacts';
import { PersonEvents } from '../events/PersonEvents';
import { PersonRelations } from '../events/PersonRelations';
import { PersonPlaces } from '../events/PersonPlaces';
import { useCodeText } from '../../i18n/useCodeText';

export const scriptChoices = scripts.map((script) => ({ id: script, name: `resources.persons.script.${script}` }));

/** Every spelling of the person, with the script and the source it was recorded from. */
export const VariantsTable = ({ person }: { person: PersonRecord }) => {
  const translate = useTranslate();
  const { stored } = useCodeText();
  const [locale] = useLocaleState();
  return (
    <Box sx={{ overflowX: 'auto', maxWidth: '100%', contain: 'inline-size' }}>
      <Table size="small" data-testid="variants">
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.persons.fields.fullName')}</TableCell>
            <TableCell>{translate('resources.persons.fields.script')}</TableCell>
            <TableCell>{translate('resources.persons.fields.source')}</TableCell>
            <TableCell>{translate('resources.persons.fields.createdAt')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(person.variants ?? []).map((variant) => (
            <TableRow key={variant.id}>
              <TableCell>{variant.fullName}</TableCell>
              <TableCell>{translate(`resources.persons.script.${variant.script}`, { _: variant.script })}</TableCell>
              <TableCell>{variant.source ? stored(variant.source) : '—'}</TableCell>
              <TableCell>{formatDate(variant.createdAt, locale)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

// Opened from the search, the hit stands in until the person arrives: it has no spellings yet.
const Variants = () => {
  const record = useRecordContext<PersonRecord>();
  return record?.variants ? <VariantsTable person={record} /> : null;
};

const Sources = () => {
  const record = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  const { stored } = useCodeText();
  if (!record?.variants) return null;
  const sources = sourcesOf(record.variants);
  if (sources.length === 0) return <>{translate('resources.persons.no_sources')}</>;
  return (
    <MuiList dense disablePadding>
      {sources.map((source) => (
        <ListItem key={source} disableGutters>
          <ListItemText primary={stored(source)} />
        </ListItem>
      ))}
    </MuiList>
  );
};

const MergedNotice = () => {
  const record = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  if (!record?.mergedIntoId) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }}>
      {translate('resources.persons.merged_into')} <Link to={`/persons/${record.mergedIntoId}/show`}>{translate('resources.persons.open_survivor')}</Link>
    </Alert>
  );
};

const AddVariantButton = () => {
  const record = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  if (!record) return null;
  const submit = async (values: Record<string, unknown>) => {
    setPending(true);
    try {
      const text = (value: unknown) => String(value ?? '').trim();
      await apiJson(`/registry/persons/${record.id}/variants`, {
        method: 'POST',
        body: {
          fullName: text(values.fullName),
          ...(values.script ? { script: values.script } : {}),
          ...(text(values.source) ? { source: text(values.source) } : {}),
        },
      });
      notify('resources.persons.notifications.variant_added', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (error) {
      notify(messageOf(error), { type: 'error', multiLine: true, messageArgs: { _: messageOf(error) } });
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <LabelledButton label="resources.persons.actions.add_variant" onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="add-variant-title" fullWidth maxWidth="sm">
        <Form onSubmit={submit} noValidate>
          <DialogTitle id="add-variant-title">{translate('resources.persons.actions.add_variant')}</DialogTitle>
          <DialogContent>
            <TextInput source="fullName" label="resources.persons.fields.fullName" validate={[required(), minLength(2)]} fullWidth autoFocus />
            <SelectInput source="script" label="resources.persons.fields.script" choices={scriptChoices} helperText="resources.persons.helpers.script" />
            <TextInput source="source" label="resources.persons.fields.source" helperText="resources.persons.helpers.source" fullWidth />
          </DialogContent>
          <DialogActions>
            <LabelledButton label="ra.action.cancel" onClick={() => setOpen(false)} />
            <LabelledButton type="submit" variant="contained" label="ra.action.save" disabled={pending} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'persons', action: 'edit' });
  return <TopToolbar>{canAccess ? <AddVariantButton /> : null}</TopToolbar>;
};

const Rehabilitated = () => {
  const record = useRecordContext<PersonRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  return record.rehabilitatedOn ? (
    <Chip color="success" size="small" data-testid="rehabilitated-on" label={translate('resources.persons.rehabilitated_on', { date: formatDate(record.rehabilitatedOn, locale) })} />
  ) : (
    <>—</>
  );
};

// Opened from the search, the hit stands in until the person arrives: facts and cases wait for it.
const FactsAndCases = () => {
  const record = useRecordContext<PersonRecord>();
  if (!record?.variants) return null;
  return (
    <>
      <PersonFacts personId={record.id} />
      <PersonEvents personId={record.id} />
      <PersonPlaces personId={record.id} birthplaceId={(record as PersonRecord & { birthplacePlaceId?: string | null }).birthplacePlaceId ?? null} />
      <PersonRelations personId={record.id} />
      <Labeled label="aqtalu.screens.person.cases" fullWidth>
        <PersonCases personId={record.id} />
      </Labeled>
    </>
  );
};

/** A person of the registry: the names, every spelling with its source, and where each comes from. */
export const PersonShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <MergedNotice />
      <TextField source="nameKk" label="resources.persons.fields.nameKk" emptyText="—" />
      <TextField source="nameRu" label="resources.persons.fields.nameRu" emptyText="—" />
      <TextField source="birthYear" label="resources.persons.fields.birthYear" emptyText="—" />
      <TextField source="birthplace" label="resources.persons.fields.birthplace" emptyText="—" />
      <Labeled label="resources.persons.fields.rehabilitatedOn">
        <Rehabilitated />
      </Labeled>
      <Labeled label="resources.persons.fields.variants" fullWidth>
        <Variants />
      </Labeled>
      <Labeled label="resources.persons.fields.sources" fullWidth>
        <Sources />
      </Labeled>
      <FactsAndCases />
    </SimpleShowLayout>
  </Show>
);
