/**
 * The shipped plan, loaded and validated once at build time: the SHA-256 of the YAML file's
 * bytes it was read from, and the typed Plan as JSON (without `file`, which depends on the cwd).
 */
export interface EmbeddedPlan {
  sha256: string;
  json: string;
}
