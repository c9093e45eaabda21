import { describe, expect, it } from 'vitest';
import { withPairedCoordinates } from './dictionary';

describe('a camp’s coordinates', () => {
  it('go together when either changes', () => {
    expect(withPairedCoordinates({ latitude: 49.7 }, { latitude: 49.7, longitude: 72.68 })).toEqual({ latitude: 49.7, longitude: 72.68 });
    expect(withPairedCoordinates({ nameRu: 'Карлаг' }, { latitude: 49.7, longitude: 72.68 })).toEqual({ nameRu: 'Карлаг' });
  });
});
