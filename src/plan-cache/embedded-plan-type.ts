/**
 * The shipped plan, loaded and validated once at build time: the exact text of the YAML file it
 * was read from, and the typed Plan as JSON (without `file`, which depends on the cwd).
 */
export interface EmbeddedPlan {
  yaml: string;
  json: string;
}
