import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));

/** `npm ci` in the image needs every workspace's package.json; the Dockerfile lists them by hand. */
describe('the Dockerfile', () => {
  it('copies the package.json of every workspace', () => {
    const dockerfile = readFileSync(`${root}Dockerfile`, 'utf8');
    const workspaces = ['apps', 'libs', 'tools'].flatMap((folder) =>
      readdirSync(`${root}${folder}`, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(`${root}${folder}/${entry.name}/package.json`))
        .map((entry) => `${folder}/${entry.name}/package.json`),
    );
    const missing = workspaces.filter((manifest) => !dockerfile.includes(`COPY ${manifest} `));
    expect(missing, 'add a COPY line for each to the Dockerfile').toEqual([]);
  });
});
