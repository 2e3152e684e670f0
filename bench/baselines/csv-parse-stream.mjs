// The large-CSV baseline: the least a streaming reader of the file can do — csv-parse over a
// read stream, one object per record, every record consumed. Prints the record count.
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('usage: node bench/baselines/csv-parse-stream.mjs FILE\n');
  process.exit(2);
}
let records = 0;
for await (const record of createReadStream(file).pipe(parse({ columns: true }))) {
  if (record !== undefined) records++;
}
process.stdout.write(`${records}\n`);
