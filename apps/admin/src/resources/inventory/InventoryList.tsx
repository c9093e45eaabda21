import { DataTable, List, SelectField, SelectInput, TextInput, TopToolbar, useCanAccess } from 'react-admin';
import { readSession } from '../../providers/session';
import { useDictionaryChoices } from '../../providers/useApi';
import { DeclassificationButton } from './DeclassificationButton';
import { declassificationChoices } from './inventory';
import { InventoryImportButton } from './InventoryImport';
import { InventoryTree } from './InventoryTree';

export { declassificationChoices } from './inventory';

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'inventory', action: 'create' });
  return <TopToolbar>{canAccess ? <InventoryImportButton /> : null}</TopToolbar>;
};

/**
 * An archive's inventory: the tree of its fonds and opisi beside its files in archival order, with their
 * declassification and how many persons they mention. A liaison opens on their own archive's inventory and
 * keeps it (edit a file's declassification, import a list); others keep any archive's.
 */
export const InventoryList = () => {
  const archives = useDictionaryChoices('archives');
  const { canAccess: canEdit } = useCanAccess({ resource: 'inventory', action: 'edit' });
  const own = readSession()?.user.archiveCode ?? undefined;
  const filters = [
    <SelectInput key="archiveCode" source="archiveCode" choices={archives.choices} isLoading={archives.loading} alwaysOn />,
    <TextInput key="fond" source="fond" alwaysOn />,
    <TextInput key="opis" source="opis" alwaysOn />,
    <SelectInput key="status" source="status" choices={declassificationChoices} alwaysOn />,
    <TextInput key="q" source="q" alwaysOn resettable />,
  ];
  return (
    <List empty={false} filters={filters} filterDefaultValues={own ? { archiveCode: own } : undefined} sort={{ field: 'reference', order: 'ASC' }} perPage={25} actions={<Actions />} aside={<InventoryTree />}>
      <DataTable rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="archiveCode" disableSort />
        <DataTable.Col source="reference" />
        <DataTable.Col source="title" disableSort />
        <DataTable.Col source="years" disableSort />
        <DataTable.Col source="status">
          <SelectField source="status" choices={declassificationChoices} />
        </DataTable.Col>
        <DataTable.Col source="declassifiedOn" disableSort />
        <DataTable.Col source="mentions" disableSort />
        {canEdit ? (
          <DataTable.Col label="ra.action.edit" disableSort>
            <DeclassificationButton />
          </DataTable.Col>
        ) : null}
      </DataTable>
    </List>
  );
};
