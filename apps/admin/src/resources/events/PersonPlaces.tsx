import type { EventView, PersonEventView } from '@aqtalu/contracts';
import { Stack, Typography } from '@mui/material';
import { useQueries } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { LazyPlacesMap, type MapPlace } from '../../map';
import { apiJson } from '../../providers/api';
import { useApi } from '../../providers/useApi';
import type { PersonFact } from '../persons/person';

interface GazetteerPlace {
  id: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  latitude: number | null;
  longitude: number | null;
}

const cached = <T,>(path: string) => ({ queryKey: ['aqtalu.api', path], queryFn: () => apiJson<T>(path), staleTime: 60_000, retry: false });

/**
 * A registry person's places on the map: the birthplace, the places of their repression episodes (execution and
 * burial sites above all) and the places of the events they took part in, each marker saying why.
 * Composed from the person's facts and events and the gazetteer (where the coordinates are).
 */
export const PersonPlaces = ({ personId, birthplaceId }: { personId: string; birthplaceId: string | null }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: facts } = useApi<PersonFact[]>(`/registry/persons/${personId}/facts`);
  const { data: events } = useApi<PersonEventView[]>(`/registry/persons/${personId}/events`);
  const notes = new Map<string, string[]>();
  const note = (placeId: string, why: string) => notes.set(placeId, [...(notes.get(placeId) ?? []), why]);
  if (birthplaceId) note(birthplaceId, translate('aqtalu.screens.person.fact_kind.birthplace'));
  for (const fact of facts ?? []) {
    if (!fact.place) continue;
    note(fact.place.id, fact.episodeKind ? translate(`aqtalu.screens.person.episode_kind.${fact.episodeKind}`, { _: fact.episodeKind }) : translate(`aqtalu.screens.person.fact_kind.${fact.kind}`, { _: fact.kind }));
  }
  const placeIds = [...notes.keys()];
  const eventIds = [...new Set((events ?? []).map((event) => event.eventId))];
  const places = useQueries({ queries: placeIds.map((id) => cached<GazetteerPlace>(`/places/${id}`)) });
  const eventViews = useQueries({ queries: eventIds.map((id) => cached<EventView>(`/events/${id}`)) });
  const loading = !facts || !events || places.some((query) => query.isPending) || eventViews.some((query) => query.isPending);
  if (loading) return null;
  const eventName = (event: EventView) => (locale === 'kk' ? event.nameKk : locale === 'en' ? event.nameEn : event.nameRu) || event.nameRu || event.nameKk;
  const all: MapPlace[] = [
    ...places.flatMap((query) => (query.data ? [{ ...query.data, note: notes.get(query.data.id)?.join('; ') }] : [])),
    ...eventViews.flatMap((query) => (query.data ? query.data.places.map((place) => ({ ...place, note: eventName(query.data) })) : [])),
  ];
  if (all.length === 0) return null;
  return (
    <Stack data-testid="person-places">
      <Typography variant="h6">{translate('resources.events.map.of_person')}</Typography>
      <LazyPlacesMap places={all} label={translate('resources.events.map.of_person')} />
    </Stack>
  );
};
