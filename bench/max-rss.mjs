// Loaded with `node --import` when /usr/bin/time is missing: at exit, writes the process's
// peak resident set size (KiB) and its user and system CPU seconds, as
// `time -f "%M %U %S"` reports them, to the file named by CCP_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const out = process.env.CCP_BENCH_RSS_FILE;
if (out !== undefined && out !== '') {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(out, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
  });
}
