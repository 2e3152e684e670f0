import type { CliContext } from '../context.js';
import type { CommonOptions } from '../options.js';
import { UsageError } from '../../model/errors.js';

export async function runTargets(_ctx: CliContext, ..._args: unknown[]): Promise<number> {
  throw new UsageError('targets is not implemented yet');
}
export type _Unused = CommonOptions;
