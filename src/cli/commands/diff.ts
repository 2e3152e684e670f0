import type { CliContext } from '../context.js';
import { UsageError } from '../../model/errors.js';

export async function runDiff(_ctx: CliContext, ..._args: unknown[]): Promise<number> {
  throw new UsageError('diff is not implemented yet');
}
