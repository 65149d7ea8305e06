// The floor the scorer is measured against: a bare node process that reads an NDJSON file in large chunks,
// splits it into lines and JSON.parses each one, and does nothing else.
import { open } from 'node:fs/promises';

const handle = await open(process.argv[2], 'r');
let carry = '';
let parsed = 0;
for (;;) {
  const chunk = Buffer.allocUnsafe(1 << 20);
  const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
  if (bytesRead === 0) break;
  const last = chunk.lastIndexOf(0x0a, bytesRead - 1);
  if (last < 0) {
    carry += chunk.toString('utf8', 0, bytesRead);
    continue;
  }
  const text = carry + chunk.toString('utf8', 0, last);
  carry = chunk.toString('utf8', last + 1, bytesRead);
  for (const line of text.split('\n'))
    if (line !== '') {
      JSON.parse(line);
      parsed++;
    }
}
if (carry !== '') {
  JSON.parse(carry);
  parsed++;
}
await handle.close();
process.stderr.write(`${parsed} lines parsed\n`);
