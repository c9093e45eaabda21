import { readFile } from 'node:fs/promises';

/**
 * `node tools/bench/dist/profile-summary.js <file.cpuprofile> [rows]`: where a CPU profile's time went, by
 * package (or our own project), by function (self time) and by frame including callees — enough to name the
 * top costs of a request without opening DevTools.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function bucketOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  if (url.startsWith('node:')) return url;
  const ours = /\/((?:apps|libs|tools)\/[^/]+)\//.exec(url);
  return ours ? ours[1]! : url;
}

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node tools/bench/dist/profile-summary.js <file.cpuprofile> [rows]\n');
  process.exit(2);
}
const rows = Number(rowsArg ?? 25);
const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<number, number>();
profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
// the profiler's own start and stop calls are not the process's work
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const isProfiler = (id: number) => {
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) if (byId.get(at)!.callFrame.url === 'node:inspector') return true;
  return false;
};
for (const id of [...self.keys()]) if (isProfiler(id)) self.delete(id);
const total = [...self.values()].reduce((sum, value) => sum + value, 0);
const idle = [...self.entries()].filter(([id]) => byId.get(id)!.callFrame.functionName === '(idle)').reduce((sum, [, value]) => sum + value, 0);
const busy = total - idle;

const label = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${bucketOf(node.callFrame.url, node.callFrame.functionName)}${node.callFrame.url && !node.callFrame.url.includes('node_modules') && !node.callFrame.url.startsWith('node:') ? `:${node.callFrame.lineNumber + 1}` : ''}`;
const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);

const byBucket = new Map<string, number>();
const bySelf = new Map<string, number>();
for (const [id, time] of self) {
  const node = byId.get(id)!;
  if (node.callFrame.functionName === '(idle)') continue;
  add(byBucket, bucketOf(node.callFrame.url, node.callFrame.functionName), time);
  add(bySelf, label(node), time);
}
// inclusive time per frame label, each label counted once per stack (recursion is not double-counted)
const inclusive = new Map<string, number>();
const parents = parentOf;
for (const [id, time] of self) {
  if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
    const key = label(byId.get(at)!);
    if (seen.has(key)) continue;
    seen.add(key);
    add(inclusive, key, time);
  }
}

const pct = (value: number) => `${((value / busy) * 100).toFixed(1).padStart(5)} %`;
const top = (map: Map<string, number>, n: number) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
const out: string[] = [];
out.push(`${file}: ${(total / 1e6).toFixed(1)} s sampled, busy ${(busy / 1e6).toFixed(1)} s (${((busy / total) * 100).toFixed(0)} %)`);
out.push('', 'self time by package / project:');
for (const [key, value] of top(byBucket, rows)) out.push(`  ${pct(value)}  ${key}`);
out.push('', 'self time by function:');
for (const [key, value] of top(bySelf, rows)) out.push(`  ${pct(value)}  ${key}`);
out.push('', 'time including callees:');
for (const [key, value] of top(inclusive, rows * 2)) if (!key.startsWith('(root)')) out.push(`  ${pct(value)}  ${key}`);
process.stdout.write(`${out.join('\n')}\n`);
