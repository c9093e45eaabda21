import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import argon2 from 'argon2';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pinnedRuntime } from './runtime.js';

const sut = pinnedRuntime();

describe('the pinned runtime (Node 24 LTS from the npm registry)', () => {
  it('runs the unit tests, whatever node the machine has on its PATH', () => {
    expect(process.version.startsWith('v24.')).toBe(true);
    expect(process.version).toBe(`v${sut.version}`);
    expect(realpathSync(process.execPath)).toBe(sut.binary);
  });

  it('is the same release in engines, .nvmrc, the setup script and the Dockerfile', () => {
    expect(sut.version).toMatch(/^24\.\d+\.\d+$/);
    expect(sut.manifest.engines.node).toBe(sut.version);
    expect(sut.nvmrc).toBe(sut.version);
    expect(sut.manifest.scripts.setup).toContain(`node@${sut.version} `);
    expect(sut.dockerfile).toContain(`ARG NODE_IMAGE=node:${sut.version}-bookworm-slim`);
  });

  it('is what a child process and a worker thread started from a test run on', async () => {
    expect(execFileSync(process.execPath, ['-p', 'process.version'], { encoding: 'utf8' }).trim()).toBe(`v${sut.version}`);
    const fromThread = await new Promise<string>((resolve, reject) => {
      const worker = new Worker(`require('node:worker_threads').parentPort.postMessage(process.version)`, { eval: true });
      worker.once('message', (version: string) => void worker.terminate().then(() => resolve(version)));
      worker.once('error', reject);
    });
    expect(fromThread).toBe(`v${sut.version}`);
  });

  it('loads the native addons (N-API) the servers use', async () => {
    const hash = await argon2.hash('correct horse battery staple', { memoryCost: 1024, timeCost: 2 });
    expect(await argon2.verify(hash, 'correct horse battery staple')).toBe(true);
    const png = await sharp({ create: { width: 2, height: 3, channels: 3, background: '#336699' } }).png().toBuffer();
    expect((await sharp(png).metadata()).height).toBe(3);
  });
});
