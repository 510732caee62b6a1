import { createHash } from 'node:crypto';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../electron/core/browserMode/server.ts';
import { SocketHub } from '../../electron/core/browserMode/socketHub.ts';
import { createServices, type Services } from '../../electron/core/services.ts';
import { createConfBackend } from '../../electron/core/settings/confBackend.ts';
import { SearchService } from '../../electron/core/search/SearchService.ts';
import { ConversationStore } from '../../electron/core/store/ConversationStore.ts';
import { readImage } from '../../electron/core/store/images.ts';
import { latestVersion, MIGRATIONS } from '../../electron/core/store/migrations.ts';
import { openDatabase } from '../../electron/core/store/openDatabase.ts';
import { TrashService } from '../../electron/core/store/trash.ts';
import type { Conversation } from '../../shared/domain.ts';
import { makeTempDir, removeTempDir } from '../support/tempDir.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const GIF = Buffer.from('474946383961010001000000002c', 'hex');
const dataUrl = (mime: string, bytes: Buffer): string => `data:${mime};base64,${bytes.toString('base64')}`;
const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

let dir: string;
beforeEach(() => {
  dir = makeTempDir('images');
});
afterEach(() => {
  removeTempDir(dir);
});

function count(dbPath: string, sql: string): number {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    return Number(db.prepare(sql).get()?.['n']);
  } finally {
    db.close();
  }
}

describe('images stored once, by hash', () => {
  it('keeps one copy of an image however many messages carry it, and references it by id', () => {
    const dbPath = path.join(dir, 'parley.db');
    const store = ConversationStore.open(dbPath);
    try {
      const a = store.createConversation('a');
      const b = store.createConversation('b');
      const first = store.addUserMessage(a.id, { text: 'look', images: [{ dataUrl: dataUrl('image/png', PNG), name: 'one.png' }] });
      store.addUserMessage(b.id, { text: 'again', images: [{ dataUrl: dataUrl('image/png', PNG), name: 'two.png' }, { dataUrl: dataUrl('image/gif', GIF) }] });
      expect(first.images).toEqual([{ id: sha(PNG), mimeType: 'image/png', bytes: PNG.length, name: 'one.png', url: `parley-image://image/${sha(PNG)}` }]);
      expect(count(dbPath, 'SELECT count(*) AS n FROM images')).toBe(2);
      // The message rows hold references, never the bytes.
      expect(count(dbPath, "SELECT count(*) AS n FROM messages WHERE images LIKE '%base64%'")).toBe(0);
      expect(Buffer.from(readImage(store.db, sha(GIF))!.data)).toEqual(GIF);
      // An image only a purged conversation used goes with it; a shared one stays.
      const trash = new TrashService(store.db, { emit: () => undefined });
      trash.purge(b.id);
      expect(count(dbPath, 'SELECT count(*) AS n FROM images')).toBe(1);
      expect(readImage(store.db, sha(PNG))).toBeDefined();
      // An edit may keep a stored image by id; an unknown id is refused before anything is written.
      const kept = store.addUserMessage(a.id, { text: 'same picture', images: [{ id: sha(PNG) }] });
      expect(kept.images[0]).toMatchObject({ id: sha(PNG), mimeType: 'image/png' });
      expect(() => store.addUserMessage(a.id, { text: 'x', images: [{ id: sha(GIF) }] })).toThrow(/no longer stored/);
    } finally {
      store.close();
    }
  });
});

describe('images in browser mode', () => {
  let services: Services;
  let server: BrowserServer;

  afterEach(async () => {
    await server?.close();
    await services?.close();
  });

  it('serves each image at a signed URL and refuses a wrong or missing signature', async () => {
    const hub = new SocketHub();
    services = await createServices({
      mode: 'browser',
      dataDir: dir,
      version: '0.0.0-test',
      env: {},
      settingsBackend: createConfBackend,
      keychain: () => Promise.reject(new Error('no keychain in this test')),
      events: hub,
    });
    server = await startBrowserServer({ services, hub, staticDir: path.join(dir, 'no-renderer'), port: 0 });
    const store = services.storeClient.api;
    const { id } = await store.createConversation('pictures');
    await store.addUserMessage(id, { text: 'here', images: [{ dataUrl: dataUrl('image/png', PNG) }] });
    const got = await services.dispatch('conversations:get', { id });
    const url = (got as { ok: true; value: Conversation }).value.messages[0]!.images[0]!.url;
    expect(url).toMatch(new RegExp(`^/images/${sha(PNG)}\\?t=[A-Za-z0-9_-]{43}$`));
    const base = `http://127.0.0.1:${server.port}`;
    const ok = await fetch(base + url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(PNG);
    expect((await fetch(`${base}/images/${sha(PNG)}`)).status).toBe(403);
    expect((await fetch(`${base}/images/${sha(PNG)}?t=${'A'.repeat(43)}`)).status).toBe(403);
    // Another image's signature does not open this one.
    expect((await fetch(`${base}/images/${sha(GIF)}?${url.split('?')[1]}`)).status).toBe(403);
  });
});

describe('the migration that moves images out (schema 5)', () => {
  it('moves data-URL images into the images table in one go, after a backup, and keeps search working', () => {
    const dbPath = path.join(dir, 'parley.db');
    const { db } = openDatabase(dbPath, MIGRATIONS.filter((m) => m.version <= 4));
    const old = JSON.stringify([{ dataUrl: dataUrl('image/png', PNG), name: 'dot.png' }, { dataUrl: 'data:image/png;base64,@@broken@@' }]);
    db.prepare("INSERT INTO conversations (id, title, created_at, updated_at, selected_root_id) VALUES ('c1', 'Pictures', 1, 2, 'm1')").run();
    db.prepare("INSERT INTO messages (id, conversation_id, seq, role, content, images, status, created_at) VALUES ('m1', 'c1', 1, 'user', 'a lighthouse at dusk', ?, 'complete', 1)").run(old);
    db.prepare("INSERT INTO messages (id, conversation_id, parent_id, seq, role, content, images, status, created_at) VALUES ('m2', 'c1', 'm1', 2, 'user', 'the same lighthouse', ?, 'complete', 2)").run(JSON.stringify([{ dataUrl: dataUrl('image/png', PNG) }]));
    db.prepare("UPDATE messages SET selected_child_id = 'm2' WHERE id = 'm1'").run();
    db.close();

    const store = ConversationStore.open(dbPath);
    try {
      const conversation = store.getConversation('c1')!;
      expect(conversation.messages.map((m) => m.images)).toEqual([
        [{ id: sha(PNG), mimeType: 'image/png', bytes: PNG.length, name: 'dot.png', url: `parley-image://image/${sha(PNG)}` }],
        [{ id: sha(PNG), mimeType: 'image/png', bytes: PNG.length, url: `parley-image://image/${sha(PNG)}` }],
      ]);
      expect(count(dbPath, 'SELECT count(*) AS n FROM images')).toBe(1);
      // Upgraded through schema 5 (this move) to the newest schema.
      expect(count(dbPath, 'SELECT user_version AS n FROM pragma_user_version')).toBe(latestVersion(MIGRATIONS));
      // The search index was rebuilt with prefix indexes and still finds everything.
      expect(new SearchService(store.db).search('lightho').map((r) => r.messageId).sort()).toEqual(['m1', 'm2']);
    } finally {
      store.close();
    }
    // The backup is the database as it was: schema 4, images inline.
    expect(count(`${dbPath}.bak-v4`, 'SELECT user_version AS n FROM pragma_user_version')).toBe(4);
    expect(count(`${dbPath}.bak-v4`, "SELECT count(*) AS n FROM messages WHERE images LIKE '%base64%'")).toBe(2);
  });
});
