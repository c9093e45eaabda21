import { EventKind, EventRole, RelationViewKind } from '@aqtalu/contracts';

/** Choices whose labels come from resources.events.* in kk / ru / en. */
export const eventKindChoices = Object.values(EventKind).map((id) => ({ id, name: `resources.events.kind.${id}` }));
export const eventRoleChoices = Object.values(EventRole).map((id) => ({ id, name: `resources.events.role.${id}` }));
export const relationKindLabel = (kind: RelationViewKind) => `resources.events.relation.${kind}`;

/** A year filter is a number; an empty box is no filter. */
export const parseYear = (value: string) => (value === '' ? undefined : Number(value));
