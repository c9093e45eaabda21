import DownloadIcon from '@mui/icons-material/Download';
import { Button, Menu, MenuItem } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { CreateButton, FilterButton, TopToolbar, useCanAccess, useFilterContext, useListContext, useNotify, useResourceContext, useResourceDefinition, useTranslate } from 'react-admin';
import { authorizedFetch } from '../providers/authFetch';
import { readProblemDetail } from '../providers/problemDetails';

/** Saves what a GET answers as a file (the bearer token rides along: a plain link would carry none). */
export async function downloadAs(path: string, fileName: string): Promise<void> {
  const response = await authorizedFetch(path);
  if (!response.ok) throw new Error((await readProblemDetail(response)) ?? 'aqtalu.exports.failed');
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The list's filter as the API reads it: empty inputs left out, a year typed in a text box sent as a number. */
export function exportFilter(filter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filter)
      .filter(([, value]) => value !== '' && value !== null && value !== undefined)
      .map(([key, value]) => [key, (key === 'birthYear' || key === 'tolerance') && typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value]),
  );
}

/**
 * The export menu (CSV or XLSX) of `/api/exports/<path>` with the given filter and sort; `label` names what is
 * exported where one screen offers several exports.
 */
export const ExportButton = ({ path, filter, sort, label = 'aqtalu.exports.button' }: { path: string; filter: Record<string, unknown>; sort?: [string, string]; label?: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const run = (format: 'csv' | 'xlsx') => {
    setAnchor(null);
    const query = new URLSearchParams({ format, filter: JSON.stringify(exportFilter(filter)) });
    if (sort) query.set('sort', JSON.stringify(sort));
    downloadAs(`/exports/${path}?${query.toString()}`, `${path}-${new Date().toISOString().slice(0, 10)}.${format}`).catch((error: Error) =>
      notify(error.message, { type: 'error' }),
    );
  };
  return (
    <>
      <Button size="small" startIcon={<DownloadIcon />} onClick={(event) => setAnchor(event.currentTarget)} aria-haspopup="menu">
        {translate(label)}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => run('csv')}>{translate('aqtalu.exports.csv')}</MenuItem>
        <MenuItem onClick={() => run('xlsx')}>{translate('aqtalu.exports.xlsx')}</MenuItem>
      </Menu>
    </>
  );
};

/**
 * The whole list as the API streams it (`/api/exports/<path>`), with the list's current filter and sort: every
 * row the user may see, not the page on screen. `filter` adds what the list's own filter lacks (e.g. a person).
 */
export const ListExportButton = ({ path, filter, sort = true, label }: { path: string; filter?: Record<string, unknown>; sort?: boolean; label?: string }) => {
  const list = useListContext();
  return (
    <ExportButton
      path={path}
      filter={{ ...(list?.filterValues ?? {}), ...(filter ?? {}) }}
      sort={sort && list?.sort?.field ? [list.sort.field, list.sort.order] : undefined}
      label={label}
    />
  );
};

/** A list's toolbar with the streamed export instead of react-admin's page-by-page one (give the List `exporter={false}`). */
export const ExportActions = ({ path, filter, label, children }: { path: string; filter?: Record<string, unknown>; label?: string; children?: ReactNode }) => {
  const resource = useResourceContext();
  const { hasCreate } = useResourceDefinition();
  const { canAccess } = useCanAccess({ resource, action: 'create' });
  const filters = useFilterContext();
  return (
    <TopToolbar>
      {filters?.length ? <FilterButton /> : null}
      {hasCreate && canAccess ? <CreateButton /> : null}
      <ListExportButton path={path} filter={filter} label={label} />
      {children}
    </TopToolbar>
  );
};
