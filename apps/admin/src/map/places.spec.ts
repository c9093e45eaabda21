import { describe, expect, it } from 'vitest';
import { placePoints, type MapPlace } from './places';

const almaty: MapPlace = { id: 'a', nameKk: 'Алматы', nameRu: 'Алма-Ата', nameEn: 'Almaty', latitude: 43.24, longitude: 76.95 };
const zhanalyk: MapPlace = { id: 'z', nameKk: 'Жаңалық жерлеу орны', nameRu: 'Место захоронения Жаналык', nameEn: 'Zhanalyk burial site', latitude: null, longitude: null };

describe('places on a map', () => {
  it('puts places with coordinates as points named in the screen language, and lists those without', () => {
    const sut = placePoints([almaty, zhanalyk], 'kk');
    expect(sut.points).toEqual([{ id: 'a', name: 'Алматы', note: undefined, position: [43.24, 76.95] }]);
    expect(sut.unplaced).toEqual(['Жаңалық жерлеу орны']);
  });

  it('shows a place named twice once, with both reasons', () => {
    const sut = placePoints([{ ...almaty, note: 'birthplace' }, { ...almaty, note: 'event' }, { ...almaty, note: 'event' }], 'en');
    expect(sut.points).toHaveLength(1);
    expect(sut.points[0]!.note).toBe('birthplace; event');
  });

  it('treats coordinates off the globe as unknown', () => {
    expect(placePoints([{ ...almaty, latitude: 143.24 }], 'ru')).toEqual({ points: [], unplaced: ['Алма-Ата'] });
  });
});
