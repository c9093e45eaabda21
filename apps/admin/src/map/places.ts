/** A place to show on a map: a gazetteer place, named in the three languages, with coordinates where known. */
export interface MapPlace {
  id: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  latitude: number | null;
  longitude: number | null;
  /** What the place is to the record ("birthplace", an event's name …), shown under the name. */
  note?: string;
}

export interface PlacedPoint {
  id: string;
  name: string;
  note?: string;
  position: [number, number];
}

/** Kazakhstan's extent (south-west, north-east), the map's view when it has nothing else to frame. */
export const kazakhstanBounds: [[number, number], [number, number]] = [
  [40.5, 46.4],
  [55.5, 87.4],
];

const nameIn = (place: MapPlace, locale: string) => (locale === 'kk' ? place.nameKk : locale === 'en' ? place.nameEn : place.nameRu) || place.nameRu || place.nameKk;

const valid = (latitude: number | null, longitude: number | null): latitude is number =>
  typeof latitude === 'number' && typeof longitude === 'number' && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;

/**
 * The places with coordinates as points (each place once, notes of repeats joined), and the names of those
 * without, which the map lists below itself rather than dropping.
 */
export function placePoints(places: readonly MapPlace[], locale: string): { points: PlacedPoint[]; unplaced: string[] } {
  const points = new Map<string, PlacedPoint>();
  const unplaced = new Map<string, string>();
  for (const place of places) {
    const name = nameIn(place, locale);
    if (!valid(place.latitude, place.longitude)) {
      unplaced.set(place.id, name);
      continue;
    }
    const known = points.get(place.id);
    if (known) {
      if (place.note && !known.note?.split('; ').includes(place.note)) known.note = known.note ? `${known.note}; ${place.note}` : place.note;
      continue;
    }
    points.set(place.id, { id: place.id, name, note: place.note, position: [place.latitude, place.longitude as number] });
  }
  return { points: [...points.values()], unplaced: [...unplaced.values()] };
}
