// A reasoning model's thinking, kept with its reply (shown folded, exported, never sent back), and how
// long it thought. Both empty for every reply saved before.
export const SCHEMA_V6_REASONING = `
ALTER TABLE messages ADD COLUMN reasoning TEXT;
ALTER TABLE messages ADD COLUMN reasoning_ms INTEGER;
`;
