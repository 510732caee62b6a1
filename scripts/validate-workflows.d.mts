/** One entry per workflow file in dir: its path and the schema errors found (none: valid). */
export function validateWorkflowDir(dir: string): { file: string; errors: string[] }[];
