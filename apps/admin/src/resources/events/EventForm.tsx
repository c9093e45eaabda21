import { AutocompleteArrayInput, Create, Edit, ReferenceArrayInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { eventKindChoices } from './event';

const atLeastOneName = (values: Record<string, unknown>): Record<string, string> =>
  String(values.nameKk ?? '').trim() || String(values.nameRu ?? '').trim() ? {} : { nameKk: 'resources.events.name_required' };

/** The fields of an event; places are chosen from the gazetteer by any of their names. */
const EventFields = () => (
  <>
    <SelectInput source="kind" choices={eventKindChoices} validate={required()} />
    <TextInput source="nameKk" fullWidth />
    <TextInput source="nameRu" fullWidth />
    <TextInput source="nameEn" fullWidth />
    <TextInput source="date" helperText="resources.events.date_help" />
    <ReferenceArrayInput source="placeIds" reference="places">
      <AutocompleteArrayInput optionText="nameRu" filterToQuery={(q: string) => ({ q })} fullWidth />
    </ReferenceArrayInput>
    <TextInput source="description" multiline minRows={3} fullWidth />
  </>
);

export const EventCreate = () => (
  <Create redirect="show">
    <SimpleForm validate={atLeastOneName}>
      <EventFields />
    </SimpleForm>
  </Create>
);

/** The stored date is edited in its own wording; places are the event's as ids. */
const toForm = (record: { date?: { text: string } | null; places?: Array<{ id: string }> }) => ({
  ...record,
  date: record.date?.text ?? '',
  placeIds: (record.places ?? []).map((place) => place.id),
});

export const EventEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" queryOptions={{ select: (data: Record<string, unknown>) => toForm(data) as never }}>
    <SimpleForm validate={atLeastOneName}>
      <EventFields />
    </SimpleForm>
  </Edit>
);
