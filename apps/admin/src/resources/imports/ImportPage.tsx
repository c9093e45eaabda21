import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  LinearProgress,
  MenuItem,
  Paper,
  Stack,
  Step,
  StepLabel,
  Stepper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { type DragEvent, useEffect, useState } from 'react';
import { HttpError, Title, useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { apiJson } from '../../providers/api';
import { uploadWithProgress } from '../../providers/upload';
import { messageOf } from '../cases/TransitionsPanel';
import { useCodeText } from '../../i18n/useCodeText';
import {
  guessMapping,
  importBody,
  importFields,
  type ImportMapping,
  type ImportPreview,
  type ImportProgress,
  type ImportReport,
  isCsv,
  isXlsx,
  mappingProblem,
  percentApplied,
  previewBody,
} from './csv';

const delimiterName = (delimiter: string) => ({ ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'bar' })[delimiter] ?? 'comma';

/** How often a running import is asked how far it is. */
export const progressPollMs = 1_000;

/** The dry run's verdict: every bad row with its line and reason. */
export const DryRunReport = ({ report }: { report: ImportReport }) => {
  const translate = useTranslate();
  const { text } = useCodeText();
  const [locale] = useLocaleState();
  const number = (value: number) => new Intl.NumberFormat(locale).format(value);
  return (
    <Box data-testid="dry-run-report">
      <Alert severity={report.errors.length === 0 ? 'success' : 'error'} sx={{ mb: 1 }}>
        {translate(report.errors.length === 0 ? 'resources.imports.report.clean' : 'resources.imports.report.problems', {
          total: number(report.totalRows),
          valid: number(report.validRows),
          smart_count: report.errors.length,
        })}
      </Alert>
      {report.errors.length > 0 ? (
        <Table size="small" aria-label={translate('resources.imports.report.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.imports.report.line')}</TableCell>
              <TableCell>{translate('resources.imports.report.reason')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.errors.map((error) => (
              <TableRow key={error.line}>
                <TableCell>{error.line}</TableCell>
                <TableCell>{text(error, error.reason)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Box>
  );
};

/** A running import's progress, asked for until it is done. */
export const ImportProgressBar = ({ importId, interval = progressPollMs }: { importId: string; interval?: number }) => {
  const translate = useTranslate();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () =>
      apiJson<ImportProgress>(`/registry/imports/${importId}`)
        .then((answer) => {
          if (!current) return;
          setProgress(answer);
          if (answer.status !== 'done' && answer.status !== 'failed') timer = setTimeout(ask, interval);
        })
        .catch((error: unknown) => current && setProblem(messageOf(error)));
    void ask();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [importId, interval]);
  if (problem) return <Alert severity="warning">{translate(problem, { _: problem })}</Alert>;
  if (!progress) return <LinearProgress aria-label={translate('resources.imports.progress.label')} />;
  const percent = percentApplied(progress);
  return (
    <Box data-testid="import-progress" data-status={progress.status}>
      <LinearProgress
        variant="determinate"
        value={percent}
        color={progress.status === 'failed' ? 'error' : progress.status === 'done' ? 'success' : 'primary'}
        aria-label={translate('resources.imports.progress.label')}
      />
      <Typography sx={{ mt: 1 }}>
        {translate(`resources.imports.progress.${progress.status}`, {
          applied: progress.appliedRows,
          total: progress.totalRows,
          percent,
          created: progress.createdPersons,
          updated: progress.updatedPersons,
        })}
      </Typography>
    </Box>
  );
};

/** Upload a list (CSV), say which column holds what, check it (dry run), then import it and follow the progress. */
export const ImportPage = ({ upload = uploadWithProgress }: { upload?: typeof uploadWithProgress }) => {
  const translate = useTranslate();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview>({ format: 'csv', encoding: null, delimiter: null, header: [], rows: [] });
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [source, setSource] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const [sending, setSending] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    setProblem(null);
    setReport(null);
    setImportId(null);
    if (!isCsv(chosen) && !isXlsx(chosen)) {
      setProblem(translate('resources.imports.problems.not_csv', { name: chosen.name }));
      return;
    }
    let head: ImportPreview;
    try {
      // The API reads the header and a few rows as the import will (encoding and separator detected there).
      head = await upload<ImportPreview>('/registry/imports/preview', previewBody(chosen), () => undefined);
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 0;
      setProblem(status === 400 ? translate(messageOf(error), { _: messageOf(error) }) : translate('resources.imports.problems.unreadable', { name: chosen.name }));
      return;
    }
    if (head.header.length === 0) {
      setProblem(translate('resources.imports.problems.no_header'));
      return;
    }
    setFile(chosen);
    setPreview(head);
    setMapping(guessMapping(head.header));
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    const missing = mappingProblem(mapping, source);
    if (missing) {
      setProblem(translate(missing));
      return;
    }
    setProblem(null);
    setSending(0);
    try {
      // The file goes as it is: the API detects its encoding and separator.
      const answer = await upload<ImportReport>('/registry/imports', importBody(file, source, mapping, dryRun), ({ loaded, total }) =>
        setSending(total > 0 ? Math.round((loaded / total) * 100) : 0),
      );
      setReport(answer);
      if (!dryRun && answer.importId) setImportId(answer.importId);
    } catch (error) {
      // A real import refuses a file with bad rows and says which.
      const refused = error instanceof HttpError ? (error.body as { report?: ImportReport } | undefined)?.report : undefined;
      if (refused) setReport({ ...refused, dryRun: true });
      setProblem(translate(messageOf(error), { _: messageOf(error) }));
    } finally {
      setSending(null);
    }
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    void choose(event.dataTransfer.files[0]);
  };

  const checked = report?.dryRun === true && report.errors.length === 0;
  const step = importId ? 3 : checked ? 2 : file ? 1 : 0;
  const columnChoices = preview.header;

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('resources.imports.title')} />
      <CardContent>
        <Typography variant="h5" component="h1" gutterBottom>
          {translate('resources.imports.title')}
        </Typography>
        <Stepper activeStep={step} alternativeLabel sx={{ mb: 3, '& .MuiStepLabel-label': { overflowWrap: 'anywhere' } }}>
          {(['file', 'mapping', 'dry_run', 'import'] as const).map((name) => (
            <Step key={name}>
              <StepLabel>{translate(`resources.imports.steps.${name}`)}</StepLabel>
            </Step>
          ))}
        </Stepper>

        <Paper
          variant="outlined"
          onDragOver={(event) => event.preventDefault()}
          onDrop={onDrop}
          data-testid="import-drop-zone"
          sx={{ p: 3, mb: 2, textAlign: 'center', borderStyle: 'dashed', borderWidth: 2 }}
        >
          <Typography sx={{ overflowWrap: 'anywhere' }}>{file ? file.name : translate('resources.imports.drop_here')}</Typography>
          {file && preview.encoding && preview.delimiter ? (
            <Typography variant="body2" color="text.secondary" data-testid="import-dialect">
              {translate('resources.imports.dialect', {
                encoding: preview.encoding === 'windows-1251' ? 'Windows-1251' : preview.encoding.toUpperCase(),
                delimiter: translate(`resources.imports.delimiters.${delimiterName(preview.delimiter)}`),
              })}
            </Typography>
          ) : null}
          <Button component="label" variant="outlined" sx={{ mt: 1 }} disabled={sending !== null || Boolean(importId)}>
            {translate('resources.imports.choose')}
            <input type="file" hidden accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="import-file-input" onChange={(event) => void choose(event.target.files?.[0])} />
          </Button>
        </Paper>

        {file ? (
          <>
            <Typography variant="subtitle1" component="h2" gutterBottom>
              {translate('resources.imports.mapping_title')}
            </Typography>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
              {importFields.map((field) => (
                <TextField
                  key={field}
                  select
                  label={translate(`resources.imports.fields.${field}`)}
                  value={mapping[field] ?? ''}
                  onChange={(event) => {
                    setReport(null);
                    setMapping((previous) => ({ ...previous, [field]: event.target.value || undefined }));
                  }}
                  sx={{ minWidth: { xs: '100%', md: 200 } }}
                  disabled={Boolean(importId)}
                >
                  <MenuItem value="">{translate('resources.imports.not_in_file')}</MenuItem>
                  {columnChoices.map((column) => (
                    <MenuItem key={column} value={column}>
                      {column}
                    </MenuItem>
                  ))}
                </TextField>
              ))}
            </Stack>
            <TextField
              label={translate('resources.imports.fields.source')}
              helperText={translate('resources.imports.helpers.source')}
              value={source}
              onChange={(event) => setSource(event.target.value)}
              fullWidth
              required
              sx={{ mb: 2 }}
              disabled={Boolean(importId)}
            />
            <Box sx={{ overflowX: 'auto', mb: 2 }}>
              <Table size="small" aria-label={translate('resources.imports.preview')}>
                <TableHead>
                  <TableRow>
                    {preview.header.map((column) => (
                      <TableCell key={column}>{column}</TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {preview.rows.map((row, index) => (
                    <TableRow key={index}>
                      {preview.header.map((column, cell) => (
                        <TableCell key={column}>{row[cell] ?? ''}</TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </>
        ) : null}

        {problem ? (
          <Alert severity="error" sx={{ mb: 2 }}>
            {problem}
          </Alert>
        ) : null}
        {report ? <DryRunReport report={report} /> : null}
        {sending !== null ? <LinearProgress variant="determinate" value={sending} sx={{ my: 2 }} aria-label={translate('resources.imports.sending')} /> : null}

        {file && !importId ? (
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 2 }}>
            <Button variant="outlined" onClick={() => void send(true)} disabled={sending !== null}>
              {translate('resources.imports.actions.dry_run')}
            </Button>
            <Button variant="contained" onClick={() => void send(false)} disabled={sending !== null || !checked}>
              {translate('resources.imports.actions.run')}
            </Button>
          </Stack>
        ) : null}
        {importId ? (
          <Box sx={{ mt: 2 }}>
            <ImportProgressBar importId={importId} />
            <Typography sx={{ mt: 1 }}>
              <Link to="/duplicates">{translate('resources.imports.review_duplicates')}</Link>
            </Typography>
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
};
