/** The version `ccp --version` prints. */
export const VERSION = '0.1.0';
