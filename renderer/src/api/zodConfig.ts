import { z } from 'zod';

// The page's CSP has no 'unsafe-eval'. zod would probe for it with `new Function` (caught, but still
// reported as a CSP violation on every page); jitless skips the probe and the compiled fast path.
z.config({ jitless: true });
