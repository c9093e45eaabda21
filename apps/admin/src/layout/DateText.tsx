import { type FieldProps, useLocaleState, useRecordContext } from 'react-admin';
import { Typography } from '@mui/material';
import { formatDate, formatDateTime } from '../i18n/dates';

/** A record's date as every screen writes it (see i18n/dates): react-admin's DateField follows the browser's locale instead. */
export const DateText = ({ source, showTime = false, emptyText }: Pick<FieldProps, 'source' | 'emptyText'> & { showTime?: boolean; label?: FieldProps['label'] }) => {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const value = record?.[source] as string | null | undefined;
  const text = (showTime ? formatDateTime : formatDate)(value, locale, emptyText ?? '—');
  return (
    <Typography component="span" variant="body2">
      {text}
    </Typography>
  );
};
