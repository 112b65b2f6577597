/** The error a promise rejects with, typed as the project's HTTP-mapped errors; fails when it resolves. */
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<Error & { code: string; status: number; details: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code: string; status: number; details: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}
