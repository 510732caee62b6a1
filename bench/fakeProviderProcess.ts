// The fake provider in its own process, so the benchmark's write counters see only Parley's disk writes.
import { startFakeProvider } from '../test/support/fakeProvider.ts';

const fake = await startFakeProvider();
const chunk = 'x'.repeat(255) + '\n';
const chunks = Array.from({ length: Number(process.argv[2] ?? 400) }, () => chunk);
for (let i = 0; i < 20; i++) fake.enqueue({ kind: 'stream', chunks, delayMs: 1 });
process.stdout.write(`${fake.baseUrl}\n`);
process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
