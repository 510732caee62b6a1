import path from 'node:path';
import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walBytes } from '../../electron/core/store/checkpoint.ts';
import { ConversationStore } from '../../electron/core/store/ConversationStore.ts';
import { makeTempDir, removeTempDir } from '../support/tempDir.ts';

let dir: string;
beforeEach(() => {
  dir = makeTempDir('parley-checkpoint-');
});
afterEach(() => removeTempDir(dir));

describe('WAL checkpoints', () => {
  it('reads the WAL size from the file, as it grows (the import checkpoints by it)', () => {
    const dbPath = path.join(dir, 'parley.db');
    const store = ConversationStore.open(dbPath);
    try {
      const conversation = store.createConversation('Big');
      const before = walBytes(store.db);
      expect(before).toBe(statSync(`${dbPath}-wal`).size);
      // About 1 MB of text through the WAL, in one transaction per message.
      const text = 'word '.repeat(20_000);
      for (let i = 0; i < 10; i++) store.addUserMessage(conversation.id, { text, images: [] });
      expect(walBytes(store.db)).toBe(statSync(`${dbPath}-wal`).size);
      expect(walBytes(store.db)).toBeGreaterThan(before + 1_000_000);
    } finally {
      store.close();
    }
  });
});
