import { describeMongoUri } from './mongo-connection';
import { containsRegex, historyFind, insertResults } from './mongo-queries';

describe('Mongo queries', () => {
  it('pages history backwards from the newest, or from `before`', () => {
    expect(historyFind('r', { limit: 50 })).toEqual({ filter: { roomId: 'r' }, sort: { seq: -1 }, limit: 51, ascending: false });
    expect(historyFind('r', { before: 10, limit: 5 })).toEqual({ filter: { roomId: 'r', seq: { $lt: 10 } }, sort: { seq: -1 }, limit: 6, ascending: false });
  });

  it('pages history forwards from `after`, within `before` when both are given', () => {
    expect(historyFind('r', { after: 3, limit: 5 })).toEqual({ filter: { roomId: 'r', seq: { $gt: 3 } }, sort: { seq: 1 }, limit: 6, ascending: true });
    expect(historyFind('r', { after: 3, before: 9, limit: 2 }).filter).toEqual({ roomId: 'r', seq: { $gt: 3, $lt: 9 } });
  });

  it('searches text literally and without case', () => {
    const re = containsRegex('a.b*(c)');
    expect(re.test('xxA.B*(C)yy')).toBe(true);
    expect(re.test('axbbbc')).toBe(false);
  });

  it('names the MongoDB hosts without credentials', () => {
    expect(describeMongoUri('mongodb://bob:s3cret@db1:27017,db2:27017/chat?replicaSet=rs0')).toBe('mongodb://db1:27017,db2:27017');
    expect(describeMongoUri('mongodb+srv://cluster0.example.net/chat')).toBe('mongodb+srv://cluster0.example.net');
    expect(describeMongoUri('nonsense')).toBe('an invalid MongoDB URI');
  });

  it('reads what an unordered insertMany did to each document from a per-document error, in the driver\'s and mongoose\'s shapes', () => {
    class WriteError {
      constructor(readonly err: { index: number; code: number }) {}
      get code() { return this.err.code; }
    }
    const doc = { _id: 'a' };
    const invalid = Object.assign(new Error('body: required'), { name: 'ValidationError' });
    const writeErrors = [new WriteError({ index: 1, code: 11000 }), { ...new WriteError({ index: 2, code: 11000 }) }, { err: { code: 121 }, index: 4 }];
    const thrown = { writeErrors, validationErrors: [invalid], results: [doc, writeErrors[0], writeErrors[1], invalid, writeErrors[2]] };
    expect(thrown.results[2]).not.toHaveProperty('code');
    expect(insertResults(thrown, 5)).toEqual(['inserted', 'duplicate', 'duplicate', 'invalid', 'invalid']);
  });

  it('treats every other error as transient (null: retry the batch), even though mongoose fills results for it', () => {
    const docs = [{ _id: 'a' }, { _id: 'b' }];
    expect(insertResults(Object.assign(new Error('connection reset'), { results: docs }), 2)).toBeNull();
    expect(insertResults({ writeErrors: [{ err: { code: 10107 }, index: 1 }], results: [docs[0], { err: { code: 10107 }, index: 1 }] }, 2)).toBeNull();
    expect(insertResults({ writeErrors: [{ err: { code: 11000 }, index: 1 }], writeConcernError: { code: 64 }, results: [docs[0], { err: { code: 11000 } }] }, 2)).toBeNull();
    expect(insertResults(new Error('network'), 5)).toBeNull();
  });
});
