import { Alert, AlertTitle, Button } from '@mui/material';
import { useTranslate } from 'react-admin';

/** Someone else changed the record: the API's words, and a reload that shows the current version. */
export const StaleVersionAlert = ({ detail, onReload }: { detail: string; onReload: () => void }) => {
  const translate = useTranslate();
  return (
    <Alert
      severity="warning"
      role="alert"
      sx={{ mb: 2 }}
      data-testid="stale-version"
      action={
        <Button color="inherit" size="small" onClick={onReload}>
          {translate('aqtalu.conflict.reload')}
        </Button>
      }
    >
      <AlertTitle>{translate('aqtalu.conflict.title')}</AlertTitle>
      {translate(detail, { _: detail })}
      <br />
      {translate('aqtalu.conflict.reload_hint')}
    </Alert>
  );
};
