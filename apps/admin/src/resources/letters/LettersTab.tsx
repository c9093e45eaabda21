import { LetterKind, LetterLanguage, LetterStatus, type LetterResponse } from '@aqtalu/contracts';
import { List as MuiList, ListItem, ListItemText, MenuItem, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useCanAccess, useLocaleState, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { formatDate } from '../../i18n/dates';
import { IncomingLetterForm } from './IncomingLetterForm';
import { apiJson, downloadFile } from '../../providers/api';
import { useApi } from '../../providers/useApi';
import type { CaseRecord } from '../cases/CaseFields';
import { messageOf } from '../cases/TransitionsPanel';

/** The case's correspondence: outgoing letters from templates (numbered, PDF by the worker) and incoming ones. */
export const LettersTab = () => {
  const record = useRecordContext<CaseRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [kind, setKind] = useState<LetterKind>(LetterKind.ApplicantReceipt);
  const [language, setLanguage] = useState<LetterLanguage>(locale === 'kk' ? LetterLanguage.Kk : LetterLanguage.Ru);
  const [busy, setBusy] = useState(false);
  const [registering, setRegistering] = useState(false);
  const { canAccess: canWrite } = useCanAccess({ resource: 'cases', action: 'edit' });
  const { data, reload } = useApi<LetterResponse[]>(record ? `/cases/${record.id}/letters` : null);
  // the worker renders a new letter (and checks a new scan) in a moment: look again until none is pending
  const rendering = data?.some((letter) => letter.status === LetterStatus.Rendering || letter.scanChecked === false) ?? false;
  useEffect(() => {
    if (!rendering) return undefined;
    const timer = setInterval(reload, 1500);
    return () => clearInterval(timer);
  }, [rendering, reload]);
  const fail = (error: unknown) => notify(messageOf(error), { type: 'error', messageArgs: { _: messageOf(error) } });
  const act = (work: () => Promise<unknown>) => {
    setBusy(true);
    work().then(reload, fail).finally(() => setBusy(false));
  };
  if (!record) return null;
  return (
    <Stack spacing={2}>
      {canWrite ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
          <MuiTextField select size="small" label={translate('aqtalu.letters.kind_label')} value={kind} onChange={(event) => setKind(event.target.value as LetterKind)} sx={{ minWidth: 260 }}>
            {Object.values(LetterKind).map((value) => (
              <MenuItem key={value} value={value}>{translate(`aqtalu.letters.kind.${value}`)}</MenuItem>
            ))}
          </MuiTextField>
          <MuiTextField select size="small" label={translate('aqtalu.letters.language_label')} value={language} onChange={(event) => setLanguage(event.target.value as LetterLanguage)} sx={{ minWidth: 140 }}>
            {Object.values(LetterLanguage).map((value) => (
              <MenuItem key={value} value={value}>{translate(`aqtalu.letters.language.${value}`)}</MenuItem>
            ))}
          </MuiTextField>
          <Button label="aqtalu.letters.create" variant="contained" disabled={busy} onClick={() => act(() => apiJson(`/cases/${record.id}/letters`, { method: 'POST', body: { kind, language } }))} />
          <Button label="aqtalu.letters.incoming_form.open" variant="outlined" onClick={() => setRegistering((open) => !open)} aria-expanded={registering} />
        </Stack>
      ) : null}
      {canWrite && registering ? (
        <IncomingLetterForm
          caseId={String(record.id)}
          onDone={(letter) => {
            setRegistering(false);
            notify('aqtalu.letters.incoming_form.registered', { type: 'success', messageArgs: { number: letter.number } });
            reload();
          }}
        />
      ) : null}
      {!data?.length ? (
        <Typography color="text.secondary">{translate('aqtalu.letters.none')}</Typography>
      ) : (
        <MuiList dense>
          {data.map((letter) => (
            <ListItem key={letter.id} divider sx={{ flexWrap: 'wrap', gap: 1 }}>
              <ListItemText
                primary={`${letter.number} · ${letter.kind ? translate(`aqtalu.letters.kind.${letter.kind}`) : translate('aqtalu.letters.incoming')} · ${formatDate(letter.letterDate, locale)}`}
                secondary={`${translate(`aqtalu.letters.status.${letter.status}`)}${letter.subject ? ` · ${letter.subject}` : ''}${letter.sender ? ` · ${letter.sender}` : ''}${letter.senderNumber ? ` · ${translate('aqtalu.letters.sender_number', { number: letter.senderNumber })}` : ''}`}
              />
              {letter.direction === 'outgoing' ? (
                <Stack direction="row" spacing={1}>
                  <Button label="aqtalu.letters.download" disabled={!letter.hasPdf} onClick={() => downloadFile(`/letters/${letter.id}/pdf`, `${letter.number.replace(/[^\p{L}\p{N}-]/gu, '_')}.pdf`).catch(fail)} />
                  {canWrite && letter.status === LetterStatus.ToSend
                    ? [LetterStatus.Printed, LetterStatus.HandedOver].map((status) => (
                        <Button key={status} label={`aqtalu.letters.mark.${status}`} disabled={busy} onClick={() => act(() => apiJson(`/letters/${letter.id}/delivery`, { method: 'PATCH', body: { status } }))} />
                      ))
                    : null}
                </Stack>
              ) : letter.evidenceId ? (
                <Button label={letter.scanChecked ? 'aqtalu.letters.scan' : 'aqtalu.letters.scan_checking'} disabled={!letter.scanChecked} onClick={() => downloadFile(`/evidence/${letter.evidenceId}/download`, `${letter.number.replace(/[^\p{L}\p{N}-]/gu, '_')}-scan`).catch(fail)} />
              ) : null}
            </ListItem>
          ))}
        </MuiList>
      )}
    </Stack>
  );
};
