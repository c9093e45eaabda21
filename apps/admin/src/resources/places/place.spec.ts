import { PlaceKind } from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import { placeNameBody, placeSearch } from './place';

describe('the gazetteer search filter', () => {
  it('asks nothing until a name is typed', () => {
    expect(placeSearch({})).toBeNull();
    expect(placeSearch({ q: '   ', regionCode: 'AKM' })).toBeNull();
  });

  it('sends the name trimmed, the region in capitals and a known kind', () => {
    expect(placeSearch({ q: ' Акмолинск ', regionCode: 'akm', kind: PlaceKind.Uezd })).toEqual({ q: 'Акмолинск', regionCode: 'AKM', kind: 'uezd' });
  });

  it('leaves out an empty region and a kind the API does not know', () => {
    expect(placeSearch({ q: 'Tselinograd', regionCode: '', kind: 'county' })).toEqual({ q: 'Tselinograd' });
  });
});

describe('a new name of a place', () => {
  it('is sent trimmed, with its years only when given', () => {
    expect(placeNameBody({ name: ' Целиноград ', language: 'ru', validFrom: 1961, validTo: null })).toEqual({ name: 'Целиноград', language: 'ru', validFrom: 1961 });
  });
});
