import { WithingsError } from '../../../../common/errors';

/** Withings answered with a failure (typed by the core, secret-free message). */
export const isWithingsError = (err: unknown): boolean => err instanceof WithingsError;
