interface Pending<T> {
  expected: number;
  answers: T[];
  finish: (complete: boolean) => void;
}

/**
 * Requests to the other nodes, answered by each as a broadcast tagged with the request's id: the
 * answers are kept as they arrive, and the request ends when `expected` answered (complete) or at
 * the deadline with those that did (incomplete), so a slow or dead node costs only its own answer.
 */
export class PeerRequests<T> {
  private readonly pending = new Map<string, Pending<T>>();

  gather(requestId: string, expected: number, timeoutMs: number): Promise<{ complete: boolean; answers: T[] }> {
    if (expected <= 0) return Promise.resolve({ complete: true, answers: [] });
    return new Promise((resolve) => {
      const answers: T[] = [];
      const timer = setTimeout(() => finish(false), timeoutMs);
      const finish = (complete: boolean) => {
        clearTimeout(timer);
        this.pending.delete(requestId);
        resolve({ complete, answers });
      };
      this.pending.set(requestId, { expected, answers, finish });
    });
  }

  /** An answer to another node's request, or a late one, is dropped. */
  answered(requestId: string, answer: T): void {
    const request = this.pending.get(requestId);
    if (!request) return;
    request.answers.push(answer);
    if (request.answers.length >= request.expected) request.finish(true);
  }
}
