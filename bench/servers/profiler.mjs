// CPU profile of the measured run only (not the start-up): the bench sends 'profile-start' after its
// warm-up; the profile is written to BENCH_CPU_PROF/<name>.cpuprofile when the server stops.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

const dir = process.env.BENCH_CPU_PROF;
let session;

let cpuAtStart;

export async function onProfileMessage(message, name) {
  // The server's own CPU time over the measured run, reported back before it stops: CPU per ack does not
  // depend on how busy the neighbours keep the cores, unlike the rate.
  if (message === 'profile-start') cpuAtStart = process.cpuUsage();
  if (message === 'measure-end' && cpuAtStart) {
    const { user, system } = process.cpuUsage(cpuAtStart);
    process.send({ cpuMicros: user + system });
  }
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
