/**
 * Where the build put its copy of the shipped plan, as names of files in `dist/`: the exact
 * bytes of the YAML file it loaded and validated, and the typed Plan as JSON (without `file`,
 * which depends on the cwd). Files rather than text in the bundle: nothing to parse or keep in
 * memory at start but what a run reads.
 */
export interface EmbeddedPlan {
  yaml: string;
  json: string;
}
