import { DeclassificationStatus } from '@aqtalu/contracts';

export const declassificationChoices = Object.values(DeclassificationStatus).map((id) => ({ id, name: `resources.inventory.status.${id}` }));

/** How many files of an archive the tree reads (100 a request) before it says it shows only part. */
export const treeScanLimit = 2_000;

export interface OpisNode {
  opis: string;
  files: number;
  declassified: number;
}

export interface FondNode {
  fond: string;
  files: number;
  opisi: OpisNode[];
}

/** Archival numbers in their natural order: 2 before 10, then 10а after 10. */
const archivalOrder = (a: string, b: string) => a.localeCompare(b, 'ru', { numeric: true, sensitivity: 'base' });

/** Files grouped as fonds → opisi, counted, each level in archival order. */
export function inventoryTree(files: ReadonlyArray<{ fond: string; opis: string; status: DeclassificationStatus | string }>): FondNode[] {
  const fonds = new Map<string, Map<string, OpisNode>>();
  for (const file of files) {
    const opisi = fonds.get(file.fond) ?? new Map<string, OpisNode>();
    fonds.set(file.fond, opisi);
    const node = opisi.get(file.opis) ?? { opis: file.opis, files: 0, declassified: 0 };
    node.files += 1;
    if (file.status === DeclassificationStatus.Declassified) node.declassified += 1;
    opisi.set(file.opis, node);
  }
  return [...fonds.entries()]
    .sort(([a], [b]) => archivalOrder(a, b))
    .map(([fond, opisi]) => {
      const nodes = [...opisi.values()].sort((a, b) => archivalOrder(a.opis, b.opis));
      return { fond, files: nodes.reduce((sum, node) => sum + node.files, 0), opisi: nodes };
    });
}

/** The columns an inventory list usually has, as the import's mapping starts out (the person changes what differs). */
export const defaultInventoryMapping = {
  fond: 'Фонд',
  opis: 'Опись',
  delo: 'Дело',
  title: 'Заголовок',
  years: 'Годы',
  status: 'Статус',
  declassifiedOn: 'Дата рассекречивания',
};
