import { CardContent, Typography } from '@mui/material';
import { useGetResourceLabel, useListContext, useResourceContext, useTranslate } from 'react-admin';
import { LabelledButton } from './LabelledButton';

/**
 * react-admin's "nothing found" of a list, with its "clear filters" button labelled on a phone too: react-admin's
 * own turns into an icon button there, and having no icon, shows nothing.
 */
export const NoResults = () => {
  const translate = useTranslate();
  const resource = useResourceContext() ?? '';
  const { filterValues, setFilters } = useListContext();
  const getResourceLabel = useGetResourceLabel();
  const name = getResourceLabel(resource, 0);
  const filtered = filterValues && Object.keys(filterValues).length > 0;
  return (
    <CardContent>
      <Typography variant="body2">
        {filtered ? (
          <>
            {translate('ra.navigation.no_filtered_results', { resource, name })}{' '}
            <LabelledButton label="ra.navigation.clear_filters" onClick={() => setFilters({}, [])} />
          </>
        ) : (
          translate('ra.navigation.no_results', { resource, name })
        )}
      </Typography>
    </CardContent>
  );
};
