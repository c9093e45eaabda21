import { Role } from '@aqtalu/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderAs } from '../testing/render';
import { RegionMap } from './RegionMap';
import { regionTiles, shadeIndex } from './regionTiles';

const regions = [
  { code: 'ALM', nameKk: 'Алматы облысы', nameRu: 'Алматинская область', nameEn: 'Almaty Region' },
  { code: 'ZHA', nameKk: 'Жамбыл облысы', nameRu: 'Жамбылская область', nameEn: 'Zhambyl Region' },
];

describe('the map of open cases', () => {
  it('has one tile for each of the 20 current units, none on the same square', () => {
    expect(regionTiles).toHaveLength(20);
    expect(new Set(regionTiles.map((tile) => tile.code)).size).toBe(20);
    expect(new Set(regionTiles.map((tile) => `${tile.col},${tile.row}`)).size).toBe(20);
    for (const code of ['ABA', 'ZHE', 'ULY', 'AST', 'ALA', 'SHY']) expect(regionTiles.map((tile) => tile.code)).toContain(code);
  });

  it('shades by open cases relative to the busiest region, any open case darker than none', () => {
    expect(shadeIndex(0, 40)).toBe(0);
    expect(shadeIndex(1, 40)).toBe(1);
    expect(shadeIndex(20, 40)).toBe(3);
    expect(shadeIndex(40, 40)).toBe(5);
    expect(shadeIndex(3, 0)).toBe(0);
  });

  it('draws the shades, names each region with its count and opens a region by click or keyboard', () => {
    const onSelect = vi.fn();
    renderAs(Role.Secretary, <RegionMap counts={{ ALM: 12, ZHA: 3 }} regions={regions} onSelect={onSelect} />);
    const almaty = screen.getByTestId('region-ALM');
    expect(almaty.dataset.shade).toBe('5');
    expect(screen.getByTestId('region-ZHA').dataset.shade).toBe('2');
    expect(screen.getByTestId('region-KAR').dataset.shade).toBe('0');
    expect(screen.getByRole('link', { name: 'Almaty Region: 12 open cases' })).toBe(almaty);
    expect(screen.getByRole('link', { name: 'KAR: 0 open cases' })).toBeTruthy();

    fireEvent.click(almaty);
    fireEvent.keyDown(screen.getByTestId('region-ZHA'), { key: 'Enter' });
    expect(onSelect.mock.calls).toEqual([['ALM'], ['ZHA']]);
  });
});
