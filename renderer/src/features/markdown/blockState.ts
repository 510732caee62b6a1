import { createContext } from 'react';

/**
 * Whether the Markdown block being rendered is final. The growing tail of a streaming reply is not:
 * code there is shown plain and highlighted once its block is done, instead of on every frame.
 */
export const BlockComplete = createContext(true);
