import type { InventoryEntryView } from '@aqtalu/contracts';
import { Card, CardContent, CircularProgress, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Fragment } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useListContext, useTranslate } from 'react-admin';
import { inventoryTree, treeScanLimit } from './inventory';

/**
 * The archive's inventory as fonds → opisi with their number of files; a click filters the files beside it.
 * Read from the archive's first files in archival order (up to treeScanLimit); filters narrow it further.
 */
export const InventoryTree = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const { filterValues, setFilters, displayedFilters } = useListContext<InventoryEntryView>();
  const archiveCode = typeof filterValues.archiveCode === 'string' && filterValues.archiveCode ? filterValues.archiveCode : null;
  const { data, isPending } = useQuery({
    queryKey: ['aqtalu.inventory-tree', archiveCode],
    enabled: archiveCode !== null,
    queryFn: async () => {
      const rows: InventoryEntryView[] = [];
      let total = 0;
      for (let page = 1; rows.length < treeScanLimit; page += 1) {
        const answer = await dataProvider.getList<InventoryEntryView>('inventory', {
          pagination: { page, perPage: 100 },
          sort: { field: 'reference', order: 'ASC' },
          filter: { archiveCode },
        });
        rows.push(...answer.data);
        total = answer.total ?? rows.length;
        if (answer.data.length < 100 || rows.length >= total) break;
      }
      return { tree: inventoryTree(rows), scanned: rows.length, total };
    },
  });
  const choose = (fond?: string, opis?: string) => {
    const { fond: _fond, opis: _opis, ...rest } = filterValues as Record<string, unknown>;
    setFilters({ ...rest, ...(fond ? { fond } : {}), ...(opis ? { opis } : {}) }, displayedFilters);
  };
  return (
    // Beside the files on a wider screen, below them on a phone (the list lays them out as a column there).
    <Card
      variant="outlined"
      sx={{ order: { xs: 0, sm: -1 }, mr: { xs: 0, sm: 2 }, mt: { xs: 2, sm: 8 }, width: { xs: 'auto', sm: 200 }, flexShrink: 0, alignSelf: { xs: 'stretch', sm: 'flex-start' }, overflowWrap: 'anywhere' }}
      data-testid="inventory-tree"
    >
      <CardContent>
        <Typography variant="subtitle2">{translate('resources.inventory.tree.title')}</Typography>
        {!archiveCode ? <Typography variant="body2" color="text.secondary">{translate('resources.inventory.tree.choose_archive')}</Typography> : null}
        {archiveCode && isPending ? <CircularProgress size={20} aria-label={translate('ra.page.loading')} /> : null}
        {data ? (
          // Each entry a list item of its own (a button straight in a list is no list item to assistive technology).
          <>
            <List dense disablePadding aria-label={translate('resources.inventory.tree.title')}>
              <ListItem disablePadding>
                <ListItemButton selected={!filterValues.fond} onClick={() => choose()}>
                  <ListItemText primary={translate('resources.inventory.tree.all', { smart_count: data.total })} />
                </ListItemButton>
              </ListItem>
              {data.tree.map((fond) => (
                <Fragment key={fond.fond}>
                  <ListItem disablePadding>
                    <ListItemButton selected={filterValues.fond === fond.fond && !filterValues.opis} onClick={() => choose(fond.fond)}>
                      <ListItemText primary={translate('resources.inventory.tree.fond', { fond: fond.fond, smart_count: fond.files })} />
                    </ListItemButton>
                  </ListItem>
                  {fond.opisi.map((opis) => (
                    <ListItem key={opis.opis} disablePadding>
                      <ListItemButton sx={{ pl: 4 }} selected={filterValues.fond === fond.fond && filterValues.opis === opis.opis} onClick={() => choose(fond.fond, opis.opis)}>
                        <ListItemText
                          primary={translate('resources.inventory.tree.opis', { opis: opis.opis, smart_count: opis.files })}
                          secondary={translate('resources.inventory.tree.declassified', { count: opis.declassified, smart_count: opis.files })}
                        />
                      </ListItemButton>
                    </ListItem>
                  ))}
                </Fragment>
              ))}
            </List>
            {data.scanned < data.total ? (
              <Typography variant="caption" color="text.secondary">{translate('resources.inventory.tree.partial', { scanned: data.scanned, total: data.total })}</Typography>
            ) : null}
          </>
        ) : null}
      </CardContent>
    </Card>
  );
};
