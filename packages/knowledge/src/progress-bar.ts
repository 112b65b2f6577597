import { Presets, SingleBar } from 'cli-progress';
import type { IngestProgress } from './ingest-folder.js';

/** A terminal progress bar fed by ingestion/sync progress events; started on the first event. */
export interface ProgressBar {
  onProgress: (progress: IngestProgress) => void;
  stop(): void;
}

/** The bar `crew ingest` shows (`label [████░░] 12/49 source`), or a no-op when disabled. */
export function progressBar(enabled: boolean, label: string): ProgressBar {
  if (!enabled) return { onProgress: () => undefined, stop: () => undefined };
  const bar = new SingleBar(
    { format: `${label} [{bar}] {value}/{total} {source}`, hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: ({ done, total, source }) => {
      if (!started) {
        bar.start(total, 0, { source: '' });
        started = true;
      }
      // A sync's total is an estimate made before reading: let the bar grow rather than overflow.
      if (total !== bar.getTotal()) bar.setTotal(total);
      bar.update(done, { source });
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}
