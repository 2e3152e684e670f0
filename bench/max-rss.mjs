// Loaded with `node --import` when /usr/bin/time is missing: at exit, writes the process's
// peak resident set size (KiB, as `time -f %M` reports it) to the file named by
// CCP_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const out = process.env.CCP_BENCH_RSS_FILE;
if (out !== undefined && out !== '') {
  process.on('exit', () => {
    writeFileSync(out, `${process.resourceUsage().maxRSS}\n`);
  });
}
