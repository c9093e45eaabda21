import { DataTable, FilterButton, List, SelectField, SelectInput, SimpleList, TextInput, TopToolbar, useCanAccess, useTranslate } from 'react-admin';
import { NoResults } from '../../layout/NoResults';
import { useIsSmall } from '../../layout/useIsSmall';
import type { InventoryEntryView } from '@aqtalu/contracts';
import { readSession } from '../../providers/session';
import { useDictionaryChoices } from '../../providers/useApi';
import { DeclassificationButton } from './DeclassificationButton';
import { declassificationChoices } from './inventory';
import { InventoryImportButton } from './InventoryImport';
import { InventoryTree } from './InventoryTree';

export { declassificationChoices } from './inventory';

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'inventory', action: 'create' });
  // The filter button offers the filters a phone keeps out of the toolbar (none on a wider screen: all stand there).
  return (
    <TopToolbar>
      <FilterButton />
      {canAccess ? <InventoryImportButton /> : null}
    </TopToolbar>
  );
};

/**
 * An archive's inventory: the tree of its fonds and opisi beside its files in archival order, with their
 * declassification and how many persons they mention. A liaison opens on their own archive's inventory and
 * keeps it (edit a file's declassification, import a list); others keep any archive's.
 */
export const InventoryList = () => {
  const small = useIsSmall();
  const translate = useTranslate();
  const archives = useDictionaryChoices('archives');
  const { canAccess: canEdit } = useCanAccess({ resource: 'inventory', action: 'edit' });
  const own = readSession()?.user.archiveCode ?? undefined;
  // On a phone the archive and the search stand in the toolbar; fond, opis and status come from its filter button
  // (the tree below the list chooses a fond or an opis too).
  const filters = [
    <SelectInput key="archiveCode" source="archiveCode" choices={archives.choices} isLoading={archives.loading} alwaysOn />,
    <TextInput key="fond" source="fond" alwaysOn={!small} />,
    <TextInput key="opis" source="opis" alwaysOn={!small} />,
    <SelectInput key="status" source="status" choices={declassificationChoices} alwaysOn={!small} />,
    <TextInput key="q" source="q" alwaysOn resettable />,
  ];
  return (
    <List
      empty={false}
      filters={filters}
      filterDefaultValues={own ? { archiveCode: own } : undefined}
      sort={{ field: 'reference', order: 'ASC' }}
      perPage={25}
      actions={<Actions />}
      aside={<InventoryTree />}
      // On a phone the tree of fonds stands below the files, not beside them.
      sx={{ flexDirection: { xs: 'column', sm: 'row' } }}
    >
      {small ? (
        <SimpleList<InventoryEntryView>
          empty={<NoResults />}
          linkType={false}
          primaryText={(record) => record.reference}
          secondaryText={(record) => [record.title, record.years].filter(Boolean).join(' · ')}
          tertiaryText={(record) =>
            [
              translate(`resources.inventory.status.${record.status}`, { _: record.status }),
              record.declassifiedOn,
              `${translate('resources.inventory.fields.mentions')}: ${record.mentions}`,
            ]
              .filter(Boolean)
              .join(' · ')
          }
          rightIcon={() => (canEdit ? <DeclassificationButton /> : null)}
        />
      ) : (
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
      )}
    </List>
  );
};
