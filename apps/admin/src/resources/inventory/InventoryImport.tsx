import type { InventoryImportReport } from '@aqtalu/contracts';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, HttpError, SelectInput, Form, required, useListContext, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useCodeText } from '../../i18n/useCodeText';
import { readSession } from '../../providers/session';
import { uploadWithProgress } from '../../providers/upload';
import { useDictionaryChoices } from '../../providers/useApi';
import { defaultInventoryMapping } from './inventory';

type MappingField = keyof typeof defaultInventoryMapping;
const mappingFields = Object.keys(defaultInventoryMapping) as MappingField[];

interface RowError {
  line: number;
  code?: string;
  params?: Record<string, unknown>;
  reason?: string;
}

/**
 * Imports an archive's inventory from a CSV or XLSX list with a header row (`POST /api/inventory/import`): the
 * columns named per field, the list checked whole, then every file added or updated. A liaison imports into
 * their own archive only (the API refuses another).
 */
export const InventoryImportButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { text } = useCodeText();
  const { filterValues } = useListContext();
  const archives = useDictionaryChoices('archives');
  const own = readSession()?.user.archiveCode ?? null;
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Record<MappingField, string>>({ ...defaultInventoryMapping });
  const [report, setReport] = useState<InventoryImportReport | null>(null);
  const [failure, setFailure] = useState<{ message: string; rows: RowError[] } | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (values: Record<string, unknown>) => {
    if (!file) return;
    const body = new FormData();
    body.append('archiveCode', String(values.archiveCode));
    body.append('mapping', JSON.stringify(Object.fromEntries(Object.entries(mapping).filter(([, column]) => column.trim()))));
    body.append('file', file);
    setPending(true);
    setReport(null);
    setFailure(null);
    try {
      const answer = await uploadWithProgress<InventoryImportReport>('/inventory/import', body, () => undefined);
      setReport(answer);
      notify('resources.inventory.import.done', { type: 'success', messageArgs: { created: answer.created, updated: answer.updated } });
      refresh();
    } catch (error) {
      const rows = error instanceof HttpError ? ((error.body as { report?: { errors?: RowError[] } } | undefined)?.report?.errors ?? []) : [];
      const message = error instanceof Error ? error.message : 'ra.notification.http_error';
      setFailure({ message: translate(message, { _: message }), rows });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button label="resources.inventory.import.open" onClick={() => setOpen(true)}>
        <UploadFileIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="inventory-import-title">
        <Form onSubmit={submit} defaultValues={{ archiveCode: own ?? filterValues.archiveCode ?? '' }}>
          <DialogTitle id="inventory-import-title">{translate('resources.inventory.import.title')}</DialogTitle>
          <DialogContent>
            <Stack spacing={1}>
              <SelectInput
                source="archiveCode"
                label="resources.inventory.fields.archiveCode"
                choices={own ? archives.choices.filter((choice) => choice.id === own) : archives.choices}
                isLoading={archives.loading}
                validate={required()}
                disabled={own !== null}
              />
              <MuiButton variant="outlined" component="label">
                {file ? file.name : translate('resources.inventory.import.choose_file')}
                <input hidden type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
              </MuiButton>
              <Typography variant="body2" color="text.secondary">{translate('resources.inventory.import.mapping_hint')}</Typography>
              {mappingFields.map((field) => (
                <TextField
                  key={field}
                  size="small"
                  label={translate(`resources.inventory.fields.${field}`)}
                  value={mapping[field]}
                  required={field === 'fond' || field === 'opis' || field === 'delo'}
                  onChange={(event) => setMapping({ ...mapping, [field]: event.target.value })}
                />
              ))}
              {report ? (
                <Alert severity="success">{translate('resources.inventory.import.done', { created: report.created, updated: report.updated })}</Alert>
              ) : null}
              {failure ? (
                <Alert severity="error">
                  {failure.message}
                  {failure.rows.length ? (
                    <List dense>
                      {failure.rows.slice(0, 20).map((row) => (
                        <ListItem key={`${row.line}-${row.code ?? ''}`} disableGutters>
                          {text(row, row.reason ?? String(row.line))}
                        </ListItem>
                      ))}
                    </List>
                  ) : null}
                </Alert>
              ) : null}
            </Stack>
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.close')}</MuiButton>
            <MuiButton type="submit" variant="contained" disabled={!file || pending}>
              {translate('resources.inventory.import.submit')}
            </MuiButton>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
