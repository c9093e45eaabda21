/**
 * Kazakhstan's 20 current units (17 regions and 3 cities of republican significance, after the 2022
 * reform) as a tile grid: one square each, placed roughly where the unit lies, west to east and north to
 * south. Equal tiles keep small units (the cities) as visible as the large ones, and need no geodata.
 */
export const regionTiles: ReadonlyArray<{ code: string; col: number; row: number }> = [
  { code: 'WKZ', col: 0, row: 0 },
  { code: 'KOS', col: 2, row: 0 },
  { code: 'NKZ', col: 3, row: 0 },
  { code: 'PAV', col: 4, row: 0 },
  { code: 'ATY', col: 0, row: 1 },
  { code: 'AKT', col: 1, row: 1 },
  { code: 'ULY', col: 2, row: 1 },
  { code: 'AKM', col: 3, row: 1 },
  { code: 'AST', col: 4, row: 1 },
  { code: 'ABA', col: 5, row: 1 },
  { code: 'EKZ', col: 6, row: 1 },
  { code: 'MAN', col: 0, row: 2 },
  { code: 'KYZ', col: 2, row: 2 },
  { code: 'KAR', col: 3, row: 2 },
  { code: 'ZHE', col: 5, row: 2 },
  { code: 'TUR', col: 2, row: 3 },
  { code: 'ZHA', col: 3, row: 3 },
  { code: 'ALM', col: 4, row: 3 },
  { code: 'SHY', col: 2, row: 4 },
  { code: 'ALA', col: 4, row: 4 },
];

/** Shades from none to the most open cases; a region with none stays the lightest. */
export const shades = ['#eef2f7', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;

/**
 * The shade of a region: 0 for no open cases, else 1–5 in proportion to the busiest region, so that any
 * region with open cases is visibly darker than one with none.
 */
export function shadeIndex(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.min(shades.length - 1, Math.ceil((count / max) * (shades.length - 1))));
}

/** Text that stays readable on its shade. */
export const textColor = (index: number) => (index >= 4 ? '#ffffff' : '#1a2027');
