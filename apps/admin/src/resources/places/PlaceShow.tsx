import { Stack, Typography } from '@mui/material';
import {
  ArrayField,
  DataTable,
  EditButton,
  Labeled,
  NumberField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useTranslate,
} from 'react-admin';
import { AddPlaceName } from './AddPlaceName';
import { placeKindChoices, placeLanguageChoices } from './place';

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'places', action: 'edit' });
  return <TopToolbar>{canAccess ? <EditButton /> : null}</TopToolbar>;
};

const NoNames = () => {
  const translate = useTranslate();
  return <Typography color="text.secondary">{translate('resources.places.no_names')}</Typography>;
};

/** A place with every name it had: administrators add one from here. */
export const PlaceShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="nameKk" />
      <TextField source="nameRu" />
      <TextField source="nameEn" />
      <SelectField source="kind" choices={placeKindChoices} />
      <TextField source="regionCode" emptyText="—" />
      <ReferenceField source="parentId" reference="places" link="show" emptyText="—">
        <TextField source="nameRu" />
      </ReferenceField>
      <Stack direction="row" spacing={4}>
        <Labeled source="validFrom">
          <NumberField source="validFrom" options={{ useGrouping: false }} emptyText="—" />
        </Labeled>
        <Labeled source="validTo">
          <NumberField source="validTo" options={{ useGrouping: false }} emptyText="—" />
        </Labeled>
        <Labeled source="latitude">
          <NumberField source="latitude" emptyText="—" />
        </Labeled>
        <Labeled source="longitude">
          <NumberField source="longitude" emptyText="—" />
        </Labeled>
      </Stack>
      <ArrayField source="names">
        <DataTable bulkActionButtons={false} empty={<NoNames />} rowClick={false}>
          <DataTable.Col source="name" label="resources.places.fields.name" />
          <DataTable.Col source="language" label="resources.places.fields.language">
            <SelectField source="language" choices={placeLanguageChoices} />
          </DataTable.Col>
          <DataTable.Col source="validFrom" label="resources.places.fields.validFrom" />
          <DataTable.Col source="validTo" label="resources.places.fields.validTo" />
        </DataTable>
      </ArrayField>
      <AddPlaceName />
    </SimpleShowLayout>
  </Show>
);
