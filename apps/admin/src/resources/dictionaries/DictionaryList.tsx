import type { RepressionDictionary } from '@aqtalu/contracts';
import { Typography } from '@mui/material';
import {
  CreateButton,
  DataTable,
  DateField,
  List,
  TextInput,
  TopToolbar,
  useCanAccess,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { dictionaryExtras } from './dictionary';

const filters = [<TextInput key="q" source="q" alwaysOn resettable />];

const Actions = ({ canEdit }: { canEdit: boolean }) => <TopToolbar>{canEdit ? <CreateButton /> : null}</TopToolbar>;

const ReadOnlyHint = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ px: 2, pt: 1 }}>
      {translate('aqtalu.reference.read_only')}
    </Typography>
  );
};

/** A dictionary in its three languages; administrators open an entry to change it, other roles only read. */
export const DictionaryList = () => {
  const resource = useResourceContext() as RepressionDictionary;
  const { canAccess: canEdit = false } = useCanAccess({ resource, action: 'edit' });
  const extras = dictionaryExtras[resource] ?? [];
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={50} actions={<Actions canEdit={canEdit} />}>
      {canEdit ? null : <ReadOnlyHint />}
      <DataTable rowClick={canEdit ? 'edit' : false} bulkActionButtons={false}>
        <DataTable.Col source="code" />
        <DataTable.Col source="nameKk" />
        <DataTable.Col source="nameRu" />
        <DataTable.Col source="nameEn" />
        {extras.map((field) => (
          <DataTable.Col key={field} source={field} />
        ))}
        <DataTable.Col source="updatedAt">
          <DateField source="updatedAt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
