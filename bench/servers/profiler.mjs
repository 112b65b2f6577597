// CPU profile of the measured run only (not the start-up): the bench sends 'profile-start' after its
// warm-up; the profile is written to BENCH_CPU_PROF/<name>.cpuprofile when the server stops.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

const dir = process.env.BENCH_CPU_PROF;
let session;

export async function onProfileMessage(message, name) {
  if (!dir) return;
  if (message === 'profile-start' && !session) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  }
  if (message === 'stop' && session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
    session = undefined;
  }
}
