import { EvidenceKind, type LetterResponse } from '@aqtalu/contracts';
import { Alert, Button as MuiButton, LinearProgress, Stack, TextField } from '@mui/material';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { apiJson } from '../../providers/api';
import { uploadWithProgress } from '../../providers/upload';
import { messageOf } from '../cases/TransitionsPanel';
import { acceptedTypes, type EvidenceRecord, isAcceptedFile, uploadBody } from '../evidence/evidence';

/**
 * Registers an incoming letter: its scan goes up as evidence of the case (so it is checked like every upload
 * before anyone can open it), then the letter is entered in the register, which gives it its own number.
 */
export const IncomingLetterForm = ({ caseId, onDone }: { caseId: string; onDone: (letter: LetterResponse) => void }) => {
  const translate = useTranslate();
  const input = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState({ senderNumber: '', letterDate: new Date().toISOString().slice(0, 10), sender: '', subject: '' });
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const t = (key: string, options?: Record<string, unknown>) => translate(`aqtalu.letters.incoming_form.${key}`, options);
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => setValues((previous) => ({ ...previous, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!values.senderNumber.trim() || !values.sender.trim() || !values.letterDate) {
      setProblem(t('missing'));
      return;
    }
    if (file && !isAcceptedFile(file)) {
      setProblem(translate('resources.evidence.upload.wrong_type', { name: file.name }));
      return;
    }
    setProblem(null);
    setProgress(0);
    try {
      let evidenceId: string | undefined;
      if (file) {
        const evidence = await uploadWithProgress<EvidenceRecord>(
          `/cases/${caseId}/evidence`,
          uploadBody(file, { kind: EvidenceKind.Other, documentDate: values.letterDate }),
          ({ loaded, total }) => setProgress(total > 0 ? Math.round((loaded / total) * 100) : 0),
        );
        evidenceId = evidence.id;
      }
      const letter = await apiJson<LetterResponse>(`/cases/${caseId}/incoming-letters`, {
        method: 'POST',
        body: { senderNumber: values.senderNumber.trim(), letterDate: values.letterDate, sender: values.sender.trim(), ...(values.subject.trim() ? { subject: values.subject.trim() } : {}), ...(evidenceId ? { evidenceId } : {}) },
      });
      onDone(letter);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Stack component="form" spacing={1.5} onSubmit={submit} noValidate aria-label={t('title')} sx={{ maxWidth: 560 }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
        <TextField size="small" required label={t('sender_number')} value={values.senderNumber} onChange={set('senderNumber')} slotProps={{ htmlInput: { maxLength: 100 } }} />
        <TextField size="small" required type="date" label={t('letter_date')} value={values.letterDate} onChange={set('letterDate')} slotProps={{ inputLabel: { shrink: true } }} />
      </Stack>
      <TextField size="small" required label={t('sender')} value={values.sender} onChange={set('sender')} slotProps={{ htmlInput: { maxLength: 500 } }} />
      <TextField size="small" label={t('subject')} value={values.subject} onChange={set('subject')} slotProps={{ htmlInput: { maxLength: 1000 } }} />
      <TextField
        size="small"
        type="file"
        label={t('scan')}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { accept: acceptedTypes.join(',') } }}
        inputRef={input}
        onChange={(event) => setFile((event.target as HTMLInputElement).files?.[0] ?? null)}
        helperText={t('scan_helper')}
      />
      {progress !== null ? <LinearProgress variant="determinate" value={progress} aria-label={t('uploading')} /> : null}
      {problem ? <Alert severity="error">{problem}</Alert> : null}
      <Stack direction="row" spacing={1}>
        <MuiButton type="submit" variant="contained" size="small" disabled={progress !== null}>
          {t('submit')}
        </MuiButton>
      </Stack>
    </Stack>
  );
};
