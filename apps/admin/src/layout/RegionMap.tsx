import { Box, Stack, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { localName } from '../providers/useApi';
import { regionTiles, shadeIndex, shades, textColor } from './regionTiles';

export interface RegionName {
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string | null;
}

const size = 64;
const gap = 6;

/**
 * Kazakhstan's regions as a tile grid shaded by open cases. Each tile is a link for the keyboard and the
 * pointer alike, and names its region and count for a screen reader.
 */
export const RegionMap = ({
  counts,
  regions,
  onSelect,
}: {
  counts: Readonly<Record<string, number>>;
  regions: readonly RegionName[];
  onSelect?: (code: string) => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const max = Math.max(0, ...Object.values(counts));
  const columns = Math.max(...regionTiles.map((tile) => tile.col)) + 1;
  const rows = Math.max(...regionTiles.map((tile) => tile.row)) + 1;
  const nameOf = (code: string) => {
    const region = regions.find((entry) => entry.code === code);
    return region ? localName(region, locale) : code;
  };
  return (
    <Box>
      <Box
        component="svg"
        viewBox={`0 0 ${columns * (size + gap)} ${rows * (size + gap)}`}
        role="group"
        aria-label={translate('aqtalu.charts.map_title')}
        sx={{ width: '100%', maxWidth: 560, height: 'auto', display: 'block' }}
      >
        {regionTiles.map((tile) => {
          const count = counts[tile.code] ?? 0;
          const shade = shadeIndex(count, max);
          const label = translate('aqtalu.charts.map_tile', { region: nameOf(tile.code), smart_count: count });
          return (
            <g
              key={tile.code}
              transform={`translate(${tile.col * (size + gap)}, ${tile.row * (size + gap)})`}
              role={onSelect ? 'link' : 'img'}
              tabIndex={onSelect ? 0 : undefined}
              aria-label={label}
              data-testid={`region-${tile.code}`}
              data-shade={shade}
              style={{ cursor: onSelect ? 'pointer' : 'default' }}
              onClick={() => onSelect?.(tile.code)}
              onKeyDown={(event) => {
                if (onSelect && (event.key === 'Enter' || event.key === ' ')) {
                  event.preventDefault();
                  onSelect(tile.code);
                }
              }}
            >
              <title>{label}</title>
              <rect width={size} height={size} rx={6} fill={shades[shade]} stroke="#90a4ae" />
              <text x={size / 2} y={26} textAnchor="middle" fontSize={14} fontWeight={600} fill={textColor(shade)}>
                {tile.code}
              </text>
              <text x={size / 2} y={48} textAnchor="middle" fontSize={16} fill={textColor(shade)}>
                {new Intl.NumberFormat(locale).format(count)}
              </text>
            </g>
          );
        })}
      </Box>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', mt: 1 }} aria-hidden>
        <Typography variant="caption">{translate('aqtalu.charts.legend_none')}</Typography>
        {shades.map((shade) => (
          <Box key={shade} sx={{ width: 18, height: 12, bgcolor: shade, border: '1px solid #90a4ae' }} />
        ))}
        <Typography variant="caption">{translate('aqtalu.charts.legend_most', { count: max })}</Typography>
      </Stack>
    </Box>
  );
};
