// Entry point of a reader thread (dist/apps/order-router/order-reader.worker.js): reads the
// batches WorkerOrderReader sends, one at a time, and answers each with its reads or why it failed.
import { parentPort, workerData } from 'node:worker_threads';
import { RouteMatcher } from '../rules/route-matcher';
import { OrderReadContext, readOrderCreated } from './order-read';
import { packReads, ReaderThreadData, ReadRequest, ReadResponse, unpackRequest } from './reader-messages';

const port = parentPort;
if (port === null) throw new Error('order-reader.worker.js runs only as a worker thread of the order-router');
const data = workerData as ReaderThreadData;
const context: OrderReadContext = { matcher: new RouteMatcher(data.rules), supplierId: data.supplierId };

port.on('message', (request: ReadRequest) => {
  let response: ReadResponse;
  try {
    response = packReads(request.id, unpackRequest(request).map((input) => readOrderCreated(input, context)));
  } catch (error) {
    // A bug, not a bad record (those are rejections): the main thread fails the batch with it.
    response = { id: request.id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(response, 'values' in response ? [response.values] : []);
});
