import { CrewError } from '@mcp-crew/core';

/** The one error a broken crews folder raises: the message names the file, the field and the fix. */
export function crewInvalid(file: string, problems: string[], cause?: unknown): CrewError {
  return new CrewError('CREW_INVALID', `${file}: ${problems.join('; ')}`, {
    domain: 'crews',
    category: 'user',
    details: { file, problems },
    cause,
  });
}
