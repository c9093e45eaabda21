import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

interface Manifest {
  engines: { node: string };
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
}

/** The Node.js release the project runs on: the exact `node` devDependency (a Node build from the npm registry). */
export function pinnedRuntime(): {
  version: string;
  manifest: Manifest;
  nvmrc: string;
  dockerfile: string;
  /** The real path of the pinned binary that `npm ci` puts behind node_modules/.bin/node. */
  binary: string;
} {
  const manifest = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as Manifest;
  return {
    version: manifest.devDependencies.node!,
    manifest,
    nvmrc: readFileSync(`${root}.nvmrc`, 'utf8').trim(),
    dockerfile: readFileSync(`${root}Dockerfile`, 'utf8'),
    binary: realpathSync(`${root}node_modules/.bin/node`),
  };
}
