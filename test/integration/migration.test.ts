import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../shared/contract/app.ts';
import type { SearchResult } from '../../shared/contract/conversations.ts';
import type { ConversationSummary } from '../../shared/domain.ts';
import type { Result } from '../../shared/errors.ts';
import { SearchService } from '../../electron/core/search/SearchService.ts';
import { createServices, type Services } from '../../electron/core/services.ts';
import { createConfBackend } from '../../electron/core/settings/confBackend.ts';
import { ConversationStore } from '../../electron/core/store/ConversationStore.ts';
import { MIGRATIONS, latestVersion } from '../../electron/core/store/migrations.ts';
import { openDatabase } from '../../electron/core/store/openDatabase.ts';
import { TrashService } from '../../electron/core/store/trash.ts';

let dir: string;
let dbPath: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-migrate-'));
  dbPath = path.join(dir, 'parley.db');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A database as the first release wrote it (schema 1), with a reply cut off mid-stream. */
function seedVersion1(): void {
  const { db } = openDatabase(dbPath, MIGRATIONS.filter((m) => m.version === 1));
  db.exec(`
    INSERT INTO conversations VALUES ('c1', 'Volcanoes', 1000, 3000), ('c2', 'Tides', 1500, 4000);
    INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at) VALUES
      ('m1', 'c1', 1, 'user', 'Why do volcanoes erupt?', 'complete', 1000),
      ('m2', 'c1', 2, 'assistant', 'Magma rises because it is lighter than rock.', 'complete', 2000),
      ('m3', 'c2', 1, 'user', 'What causes tides?', 'complete', 3000),
      ('m4', 'c2', 2, 'assistant', '', 'streaming', 4000);
    INSERT INTO message_chunks (message_id, text) VALUES ('m4', 'The moon pulls '), ('m4', 'the oceans.');
    -- A gap in the rowids, so that keeping them (as num) is tested rather than assumed.
    DELETE FROM messages WHERE id = 'm3';
    INSERT INTO messages (id, conversation_id, seq, role, content, status, created_at) VALUES
      ('m3', 'c2', 1, 'user', 'What causes tides?', 'complete', 3000);
  `);
  db.close();
}

function peek<T>(file: string, fn: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function openServices(): Promise<Services> {
  return createServices({
    mode: 'browser',
    dataDir: dir,
    version: '0.0.0-test',
    env: {},
    settingsBackend: createConfBackend,
    keychain: () => Promise.reject(new Error('no keychain in this test')),
    events: { emit: () => undefined },
  });
}

async function call<T>(services: Services, channel: string, input?: unknown): Promise<T> {
  const result: Result<unknown> = await services.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('upgrading a schema-1 database', () => {
  it('keeps every message and in-flight chunk, backs up first, and indexes finished text for search', () => {
    seedVersion1();
    const rowids = peek(dbPath, (db) => db.prepare('SELECT id, rowid AS n FROM messages ORDER BY id').all());
    const store = ConversationStore.open(dbPath);
    try {
      expect(store.notices).toEqual([]);
      expect(peek(`${dbPath}.bak-v1`, (db) => db.prepare('PRAGMA user_version').get()?.['user_version'])).toBe(1);
      expect(peek(dbPath, (db) => db.prepare('SELECT id, num AS n FROM messages ORDER BY id').all())).toEqual(rowids);
      expect(peek(dbPath, (db) => db.prepare('PRAGMA user_version').get()?.['user_version'])).toBe(latestVersion(MIGRATIONS));

      expect(store.getConversation('c1')!.messages.map((m) => [m.id, m.content, m.status])).toEqual([
        ['m1', 'Why do volcanoes erupt?', 'complete'],
        ['m2', 'Magma rises because it is lighter than rock.', 'complete'],
      ]);
      expect(store.getMessage('m4')).toMatchObject({ status: 'streaming', content: 'The moon pulls the oceans.' });

      const search = new SearchService(store.db);
      expect(search.search('magma').map((r: SearchResult) => r.messageId)).toEqual(['m2']);
      expect(search.search('tides').map((r) => r.messageId)).toEqual(['m3']);
      expect(search.search('moon')).toEqual([]);
      expect(store.recoverInterrupted()).toBe(1);
      expect(search.search('moon').map((r) => r.messageId)).toEqual(['m4']);

      // Foreign keys still hold after the table rebuild: purging takes the messages along.
      new TrashService(store.db, { emit: () => undefined }).purge('c1');
      expect(peek(dbPath, (db) => db.prepare("SELECT count(*) AS n FROM messages WHERE conversation_id = 'c1'").get()?.['n'])).toBe(0);
      expect(search.search('magma')).toEqual([]);
    } finally {
      store.close();
    }
    peek(dbPath, (db) => {
      expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      expect(db.prepare('PRAGMA integrity_check').get()?.['integrity_check']).toBe('ok');
    });
  });
});

describe('starting Parley on a damaged or un-upgradable database', () => {
  it('starts fresh after a failed upgrade, keeps the old file untouched and names it in app:info', async () => {
    seedVersion1();
    // Something in this file the upgrade trips over (here a table in the way of the search index).
    const db = new DatabaseSync(dbPath);
    db.exec('CREATE TABLE message_search (x)');
    db.close();

    const services = await openServices();
    try {
      const info = await call<AppInfo>(services, 'app:info');
      const notice = info.notices.find((n) => n.level === 'error');
      expect(notice?.message).toContain('could not upgrade the conversation database');
      const moved = fs.readdirSync(dir).filter((name) => /^parley\.db\.unmigrated-[\dTZ-]+$/.test(name));
      expect(moved).toHaveLength(1);
      const movedPath = path.join(dir, moved[0]!);
      expect(notice!.message).toContain(movedPath);
      peek(movedPath, (old) => {
        expect(old.prepare('PRAGMA user_version').get()?.['user_version']).toBe(1);
        expect(old.prepare('SELECT title FROM conversations ORDER BY id').all().map((r) => r['title'])).toEqual(['Volcanoes', 'Tides']);
        expect(old.prepare('SELECT count(*) AS n FROM message_chunks').get()?.['n']).toBe(2);
      });

      expect(await call<ConversationSummary[]>(services, 'conversations:list')).toEqual([]);
      await call(services, 'conversations:create', { title: 'Life goes on' });
    } finally {
      await services.close();
    }
    const again = await openServices();
    try {
      expect((await call<AppInfo>(again, 'app:info')).notices).toEqual([]);
      expect((await call<ConversationSummary[]>(again, 'conversations:list')).map((c) => c.title)).toEqual(['Life goes on']);
    } finally {
      await again.close();
    }
  });

  it('moves a corrupt database aside, starts fresh and says where it went in app:info', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 256));
    fs.writeFileSync(dbPath, garbage);
    const services = await openServices();
    try {
      const info = await call<AppInfo>(services, 'app:info');
      expect(info.notices).toHaveLength(1);
      expect(info.notices[0]!.level).toBe('warning');
      const moved = fs.readdirSync(dir).filter((name) => /^parley\.db\.corrupt-[\dTZ-]+$/.test(name));
      expect(moved).toHaveLength(1);
      expect(info.notices[0]!.message).toContain(path.join(dir, moved[0]!));
      expect(fs.readFileSync(path.join(dir, moved[0]!))).toEqual(garbage);
      expect(await call<ConversationSummary[]>(services, 'conversations:list')).toEqual([]);
    } finally {
      await services.close();
    }
  });
});
