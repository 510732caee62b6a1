/** The parts of a dedicated worker's global scope Parley's workers use (the page's tsconfig has DOM
 *  types, not WebWorker ones, and the two cannot be loaded together). */
export interface WorkerScope<In, Out> {
  onmessage: ((event: MessageEvent<In>) => void) | null;
  postMessage(message: Out): void;
}

export function workerScope<In, Out>(): WorkerScope<In, Out> {
  return globalThis as unknown as WorkerScope<In, Out>;
}
