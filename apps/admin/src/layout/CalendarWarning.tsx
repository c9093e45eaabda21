import { Alert } from '@mui/material';
import { Link, useCanAccess, useTranslate } from 'react-admin';
import { useCodeText } from '../i18n/useCodeText';
import { useApi } from '../providers/useApi';

interface Coverage {
  coveredUntil: string | null;
  warning: { code: string; params: Record<string, unknown> } | null;
}

/** The dashboard's warning when the holiday calendar ends within six months (the API says so as a code). */
export const CalendarWarning = () => {
  const translate = useTranslate();
  const { text } = useCodeText();
  const { canAccess } = useCanAccess({ resource: 'holidays', action: 'list' });
  const { data } = useApi<Coverage>(canAccess ? '/calendar/coverage' : null, { staleTime: 60 * 60_000 });
  if (!data?.warning) return null;
  return (
    <Alert severity="warning" sx={{ mb: 2 }} data-testid="calendar-warning">
      {text(data.warning, data.warning.code)}{' '}
      <Link to="/holidays">{translate('aqtalu.calendar.warning_link')}</Link>
    </Alert>
  );
};
