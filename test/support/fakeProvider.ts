// A real HTTP server that speaks the chat-completions API (JSON and SSE), for vitest and Playwright.
// Plain Node and erasable TypeScript only, so Node can run it without a build step.
// The public entry; the parts live in ./fakeProvider/.
export type { FakeCredits, FakeErrorBody, FakeProvider, FakeReply, FakeUsage, RecordedRequest } from './fakeProvider/types.ts';
export { DEFAULT_CREDITS_BODY, FAKE_MODELS } from './fakeProvider/types.ts';
export { isTitleRequest, lastUserText, splitIntoChunks } from './fakeProvider/replies.ts';
export { startFakeProvider } from './fakeProvider/server.ts';
