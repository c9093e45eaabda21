import * as contracts from '@aqtalu/contracts';
import { entityNames } from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { kk } from './kk';
import { ru } from './ru';

type Tree = { [key: string]: Tree | string | undefined };

/** Every string enum of contracts (case states, checks, roles, …), by name, and the closed list of entities. */
const enums: Array<[string, string[]]> = [
  ...Object.entries(contracts)
    .filter(([, value]) => typeof value === 'object' && value !== null && !Array.isArray(value))
    .map(([name, value]) => [name, Object.values(value as object)] as [string, unknown[]])
    .filter(([, values]) => values.length > 1 && values.every((value) => typeof value === 'string'))
    .map(([name, values]) => [name, values as string[]] as [string, string[]])
    .filter(([name]) => /^[A-Z]/.test(name) && name !== 'Permission'),
  ['EntityName', [...entityNames]],
];

/** Every object of messages whose keys are all values of one enum: a label map of that enum. */
function labelMaps(tree: Tree, path = ''): Array<{ path: string; keys: string[] }> {
  const keys = Object.keys(tree);
  const own = keys.length > 1 && keys.every((key) => typeof tree[key] === 'string') ? [{ path, keys }] : [];
  return [
    ...own,
    ...Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' && value !== null ? labelMaps(value, path ? `${path}.${key}` : key) : [])),
  ];
}

const at = (tree: Tree, path: string): Tree => path.split('.').reduce<Tree>((node, key) => node[key] as Tree, tree);

describe('label maps of the back office', () => {
  it.each([
    ['en', en],
    ['ru', ru],
    ['kk', kk],
  ])('cover their enum of contracts completely in %s', (_locale, messages) => {
    const tree = { aqtalu: messages.aqtalu, resources: messages.resources } as unknown as Tree;
    const missing: string[] = [];
    let checked = 0;
    for (const map of labelMaps(tree)) {
      for (const [name, values] of enums) {
        if (!map.keys.every((key) => values.includes(key))) continue;
        checked += 1;
        const absent = values.filter((value) => !map.keys.includes(value));
        if (absent.length) missing.push(`${map.path} (${name}) lacks ${absent.join(', ')}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(10);
  });

  it.each([
    ['resources.evidence.check', contracts.EvidenceCheckName],
    ['resources.evidence.check_state', contracts.EvidenceCheckState],
    ['resources.evidence.verification', contracts.EvidenceVerification],
    ['resources.evidence.kind', contracts.EvidenceKind],
    ['resources.cases.status', contracts.CaseStatus],
    ['resources.cases.outcome', contracts.DecisionOutcome],
    ['resources.cases.transitions.names', contracts.CaseTransition],
    ['resources.archive-requests.status', contracts.ArchiveRequestStatus],
    ['resources.places.kind', contracts.PlaceKind],
    ['resources.places.language', contracts.PlaceNameLanguage],
    ['resources.events.kind', contracts.EventKind],
    ['resources.events.role', contracts.EventRole],
    ['resources.events.relation', contracts.RelationViewKind],
    ['resources.inventory.status', contracts.DeclassificationStatus],
    ['aqtalu.role', contracts.Role],
    ['aqtalu.case_rules.actions', contracts.CaseAction],
    ['aqtalu.case_rules.archive_request_actions', contracts.ArchiveRequestAction],
  ])('labels every value of %s in kk, ru and en', (path, values) => {
    for (const messages of [en, ru, kk]) {
      const map = at({ aqtalu: messages.aqtalu, resources: messages.resources } as unknown as Tree, path);
      expect(Object.values(values).filter((value) => typeof map?.[value] !== 'string'), path).toEqual([]);
    }
  });
});
