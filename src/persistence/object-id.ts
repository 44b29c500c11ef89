import { randomBytes } from 'node:crypto';

const processUnique = randomBytes(5).toString('hex');
let counter = randomBytes(3).readUIntBE(0, 3);

/** A 24-hex id in MongoDB ObjectId layout (time, process, counter): sortable and store-neutral. */
export function newObjectId(): string {
  counter = (counter + 1) % 0xffffff;
  const time = Math.floor(Date.now() / 1000).toString(16).padStart(8, '0');
  return time + processUnique + counter.toString(16).padStart(6, '0');
}
