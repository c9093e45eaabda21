import { type CaseSearchHit, CaseSearchSource } from '@aqtalu/contracts';
import { Alert, Box, Card, CardContent, Chip, List, ListItem, ListItemText, MenuItem, Skeleton, TextField, Typography } from '@mui/material';
import { Fragment, useDeferredValue, useState } from 'react';
import { Link, Title, useTranslate } from 'react-admin';
import { useApi } from '../../providers/useApi';
import { linkOfHit, snippetParts } from './searchHit';

/** A snippet with its matched words in bold (the API marks them with control characters; no HTML is taken from it). */
const Snippet = ({ text }: { text: string }) => (
  <>
    {snippetParts(text).map((part, index) => (
      <Fragment key={index}>{part.match ? <mark>{part.text}</mark> : part.text}</Fragment>
    ))}
  </>
);

/** Full-text search across the cases the user may see: documents and their OCR, summaries, conclusions, facts' notes. */
export const SearchPage = () => {
  const translate = useTranslate();
  const [q, setQ] = useState('');
  const [source, setSource] = useState('');
  const query = useDeferredValue(q.trim());
  const filter = JSON.stringify({ q: query, ...(source ? { source } : {}) });
  const { data, error, loading } = useApi<CaseSearchHit[]>(query.length >= 2 ? `/search?filter=${encodeURIComponent(filter)}&range=${encodeURIComponent('[0,49]')}` : null);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('resources.search.name', { smart_count: 2 })} />
      <Card variant="outlined">
        <CardContent sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <TextField
            value={q}
            onChange={(event) => setQ(event.target.value)}
            placeholder={translate('aqtalu.search.placeholder')}
            size="small"
            sx={{ flex: 1, minWidth: 280 }}
            slotProps={{ htmlInput: { 'aria-label': translate('resources.search.name', { smart_count: 1 }), maxLength: 200 } }}
            autoFocus
          />
          <TextField
            select
            size="small"
            value={source}
            onChange={(event) => setSource(event.target.value)}
            sx={{ minWidth: 200 }}
            slotProps={{ select: { SelectDisplayProps: { 'aria-label': translate('aqtalu.search.source_label') } } }}
          >
            <MenuItem value="">{translate('aqtalu.search.any_source')}</MenuItem>
            {Object.values(CaseSearchSource).map((value) => (
              <MenuItem key={value} value={value}>
                {translate(`aqtalu.search.source.${value}`)}
              </MenuItem>
            ))}
          </TextField>
        </CardContent>
        <CardContent>
          {query.length < 2 ? <Typography color="text.secondary">{translate('aqtalu.search.hint')}</Typography> : null}
          {error ? <Alert severity="warning">{error.message}</Alert> : null}
          {loading ? <Skeleton variant="rectangular" height={80} /> : null}
          {data && query.length >= 2 && data.length === 0 ? <Typography color="text.secondary">{translate('aqtalu.search.empty')}</Typography> : null}
          <List dense>
            {(query.length >= 2 ? (data ?? []) : []).map((hit) => (
              <ListItem key={hit.id} alignItems="flex-start" divider data-testid="search-hit">
                <ListItemText
                  primary={
                    <>
                      <Link to={linkOfHit(hit)}>
                        {translate('aqtalu.search.case')} {hit.caseNumber}
                        {hit.title ? ` · ${hit.title}` : ''}
                      </Link>{' '}
                      <Chip size="small" label={translate(`aqtalu.search.source.${hit.source}`)} />
                    </>
                  }
                  secondary={<Snippet text={hit.snippet} />}
                />
              </ListItem>
            ))}
          </List>
        </CardContent>
      </Card>
    </Box>
  );
};
