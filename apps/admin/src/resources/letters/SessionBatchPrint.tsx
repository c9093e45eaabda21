import { PrintBatchStatus, type SessionPrintBatchResponse } from '@aqtalu/contracts';
import PrintIcon from '@mui/icons-material/Print';
import { CircularProgress, Stack } from '@mui/material';
import { useEffect, useState } from 'react';
import { useCanAccess, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { LabelledButton as Button } from '../../layout/LabelledButton';
import { apiJson, downloadFile } from '../../providers/api';
import { useApi } from '../../providers/useApi';
import { messageOf } from '../cases/TransitionsPanel';

/**
 * Batch printing of a commission session: the secretary asks for every certificate and decision letter as one
 * PDF (the worker merges them), the commission's readers download the latest one once it is ready.
 */
export const SessionBatchPrint = () => {
  const record = useRecordContext<{ id: string; number: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess: canPrint } = useCanAccess({ resource: 'commission-sessions', action: 'edit' });
  const [busy, setBusy] = useState(false);
  // 404 letter.batch_none: none asked for yet
  const { data: batch, reload } = useApi<SessionPrintBatchResponse>(record ? `/commission/sessions/${record.id}/batch-print` : null);
  const rendering = batch?.status === PrintBatchStatus.Rendering;
  useEffect(() => {
    if (!rendering) return undefined;
    const timer = setInterval(reload, 1500);
    return () => clearInterval(timer);
  }, [rendering, reload]);
  if (!record) return null;
  const fail = (error: unknown) => notify(messageOf(error), { type: 'error', multiLine: true, messageArgs: { _: messageOf(error) } });
  const ask = () => {
    setBusy(true);
    apiJson(`/commission/sessions/${record.id}/batch-print`, { method: 'POST', body: {} })
      .then(() => {
        notify('aqtalu.letters.batch.asked', { type: 'info' });
        reload();
      }, fail)
      .finally(() => setBusy(false));
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {canPrint ? <Button label="aqtalu.letters.batch.print" startIcon={<PrintIcon />} disabled={busy || rendering} onClick={ask} /> : null}
      {rendering ? <CircularProgress size={18} aria-label={translate('aqtalu.letters.batch.rendering')} /> : null}
      {batch?.status === PrintBatchStatus.Ready ? (
        <Button
          label={translate('aqtalu.letters.batch.download', { smart_count: batch.documents ?? 0 })}
          onClick={() => downloadFile(`/commission/sessions/${record.id}/batch-print.pdf`, `session-${record.number}-print.pdf`).catch(fail)}
        />
      ) : null}
    </Stack>
  );
};
