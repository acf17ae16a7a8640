// A stand-in reader thread for worker-order-reader.spec.ts, speaking the same messages as
// order-reader.worker.ts: each value's text comes back as a rejection reason. A value "exit"
// makes the thread exit with code 3, "throw" answers a failure, "slow" waits 200 ms first.
const { parentPort, workerData } = require('node:worker_threads');

parentPort.on('message', ({ id, bytes, lengths }) => {
  let at = 0;
  const texts = lengths.map((length) => {
    const text = length < 0 ? null : Buffer.from(bytes, at, length).toString('utf8');
    if (length > 0) at += length;
    return text;
  });
  if (texts.includes('exit')) process.exit(3);
  if (texts.includes('throw')) return parentPort.postMessage({ id, failure: 'Error: boom in the thread' });
  const answer = () =>
    parentPort.postMessage({
      id,
      reads: texts.map((text) => ({ kind: 'rejected', rejection: { code: `FIXTURE.${workerData.supplierId}`, reason: String(text) } })),
      values: new ArrayBuffer(0),
      valueLengths: [],
    });
  if (texts.includes('slow')) setTimeout(answer, 200);
  else answer();
});
