import { EvidenceKind } from '@aqtalu/contracts';
import { Alert, Box, Button, LinearProgress, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { type DragEvent, type FormEvent, useId, useRef, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { uploadWithProgress } from '../../providers/upload';
import { acceptedTypes, type EvidenceRecord, fileSize, isAcceptedFile, type UploadValues, uploadBody } from './evidence';

export interface ArchiveRequestChoice {
  id: string;
  label: string;
}

const languages = ['kk', 'ru', 'kk+ru', 'other'] as const;

/**
 * Drop a scan here (or choose it with the keyboard), say what it is, send it: the bar shows the bytes sent.
 * The archival reference is one field as the archive wrote it; the API parses it.
 */
export const EvidenceUpload = ({
  caseId,
  archiveRequests = [],
  fixedArchiveRequestId,
  onUploaded,
  upload = uploadWithProgress,
}: {
  caseId: string;
  archiveRequests?: ArchiveRequestChoice[];
  /** On an archive request's page the upload answers that request. */
  fixedArchiveRequestId?: string;
  onUploaded: (evidence: EvidenceRecord) => void;
  upload?: typeof uploadWithProgress;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [values, setValues] = useState<UploadValues>({ kind: '', reference: '', documentDate: '', language: '', archiveRequestId: fixedArchiveRequestId ?? '' });
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.evidence.upload.${key}`, options);

  const choose = (chosen: File | undefined) => {
    setProblem(null);
    if (!chosen) return;
    if (!isAcceptedFile(chosen)) {
      setProblem(t('wrong_type', { name: chosen.name }));
      return;
    }
    setFile(chosen);
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };

  const set = (field: keyof UploadValues) => (event: { target: { value: string } }) => setValues((previous) => ({ ...previous, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblem(t('no_file'));
      return;
    }
    if (!values.kind) {
      setProblem(t('no_kind'));
      return;
    }
    setProblem(null);
    setProgress(0);
    try {
      const evidence = await upload<EvidenceRecord>(`/cases/${caseId}/evidence`, uploadBody(file, values), ({ loaded, total }) =>
        setProgress(total > 0 ? Math.round((loaded / total) * 100) : 0),
      );
      setFile(null);
      setValues((previous) => ({ ...previous, reference: '', documentDate: '' }));
      if (input.current) input.current.value = '';
      onUploaded(evidence);
    } catch (error) {
      setProblem(error instanceof Error ? translate(error.message, { _: error.message }) : String(error));
    } finally {
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <Box component="form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`} sx={{ mb: 2 }}>
      <Typography id={`${id}-title`} variant="subtitle1" component="h3" gutterBottom>
        {t('title')}
      </Typography>
      <Paper
        variant="outlined"
        data-testid="evidence-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        sx={{
          p: 3,
          mb: 2,
          textAlign: 'center',
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: dragging ? 'primary.main' : 'divider',
          bgcolor: dragging ? 'action.hover' : undefined,
        }}
      >
        <Typography>{file ? t('chosen', { name: file.name, size: fileSize(file.size, locale) }) : t('drop_here')}</Typography>
        <Button component="label" variant="outlined" sx={{ mt: 1 }} disabled={busy}>
          {t('choose')}
          <input
            ref={input}
            type="file"
            hidden
            accept={acceptedTypes.join(',')}
            data-testid="evidence-file-input"
            onChange={(event) => choose(event.target.files?.[0])}
          />
        </Button>
      </Paper>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
        <TextField select required label={t('kind')} value={values.kind} onChange={set('kind')} sx={{ minWidth: 220 }} disabled={busy}>
          {Object.values(EvidenceKind).map((kind) => (
            <MenuItem key={kind} value={kind}>
              {translate(`resources.evidence.kind.${kind}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t('reference')}
          helperText={t('reference_hint')}
          value={values.reference}
          onChange={set('reference')}
          sx={{ flex: 1, minWidth: 260 }}
          disabled={busy}
        />
        <TextField label={t('document_date')} helperText={t('document_date_hint')} value={values.documentDate} onChange={set('documentDate')} disabled={busy} />
        <TextField select label={t('language')} value={values.language} onChange={set('language')} sx={{ minWidth: 160 }} disabled={busy}>
          <MenuItem value="">—</MenuItem>
          {languages.map((language) => (
            <MenuItem key={language} value={language}>
              {translate(`resources.evidence.language.${language.replace('+', '_')}`)}
            </MenuItem>
          ))}
        </TextField>
        {!fixedArchiveRequestId && archiveRequests.length > 0 ? (
          <TextField select label={t('archive_request')} value={values.archiveRequestId} onChange={set('archiveRequestId')} sx={{ minWidth: 220 }} disabled={busy}>
            <MenuItem value="">—</MenuItem>
            {archiveRequests.map((request) => (
              <MenuItem key={request.id} value={request.id}>
                {request.label}
              </MenuItem>
            ))}
          </TextField>
        ) : null}
      </Stack>
      {problem ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {problem}
        </Alert>
      ) : null}
      {busy ? (
        <Box sx={{ mb: 2 }}>
          <LinearProgress variant="determinate" value={progress} aria-label={t('progress')} />
          <Typography variant="caption">{t('sending', { percent: progress })}</Typography>
        </Box>
      ) : null}
      <Button type="submit" variant="contained" disabled={busy}>
        {t('send')}
      </Button>
    </Box>
  );
};
