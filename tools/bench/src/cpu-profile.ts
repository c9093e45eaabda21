import { Session } from 'node:inspector/promises';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Preloaded into a process under benchmark (`node --import …/cpu-profile.js main.js`, spawned with an IPC channel
 * and CPU_PROFILE_DIR set): the message `cpu-profile:start` starts the V8 CPU profiler, `cpu-profile:stop <name>`
 * writes `<dir>/<name>.cpuprofile` and answers `cpu-profile:written <path>` (open it in Chrome DevTools or
 * summarise it with `node tools/bench/dist/profile-summary.js`). Unlike --cpu-prof it needs no clean exit, and
 * it profiles exactly the load of one benchmark point. (Not a signal: Nest's shutdown hooks take SIGUSR2.)
 */
const dir = process.env.CPU_PROFILE_DIR;
if (dir && process.send) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  process.on('message', (message: unknown) => {
    if (typeof message !== 'string' || !message.startsWith('cpu-profile:')) return;
    void (async () => {
      if (message === 'cpu-profile:start') {
        await session.post('Profiler.start');
        return;
      }
      const name = message.slice('cpu-profile:stop '.length).replace(/[^a-z0-9_-]/gi, '_') || 'profile';
      const { profile } = await session.post('Profiler.stop');
      const path = join(dir, `${name}.cpuprofile`);
      await writeFile(path, JSON.stringify(profile));
      process.send!(`cpu-profile:written ${path}`);
    })();
  });
  // the channel must not keep the process alive on its own
  process.channel?.unref();
}
