import { PinoMastraLogger } from './mastra-logger.js';

describe('PinoMastraLogger', () => {
  function recorder() {
    const lines: Array<{ level: string; obj: Record<string, unknown>; msg: string }> = [];
    const at = (level: string) => (obj: object, msg: string) =>
      void lines.push({ level, obj: obj as Record<string, unknown>, msg });
    return {
      lines,
      logger: new PinoMastraLogger({
        debug: at('debug'),
        info: at('info'),
        warn: at('warn'),
        error: at('error'),
      }),
    };
  }

  it("writes Mastra's errors as one structured line: the error's name, message and code, no stack", () => {
    const { lines, logger } = recorder();
    const error = Object.assign(new Error('503 from the provider'), { code: 'UPSTREAM' });
    logger.error('Error in agent stream', { error, runId: 'r1', provider: 'openai.chat', modelId: 'gpt-4o' });
    expect(lines).toEqual([
      {
        level: 'error',
        msg: 'Error in agent stream',
        obj: {
          component: 'mastra',
          err: { name: 'Error', message: '503 from the provider', code: 'UPSTREAM' },
          runId: 'r1',
          provider: 'openai.chat',
          modelId: 'gpt-4o',
        },
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain('\\n    at ');
  });

  it('keeps the stack for debug lines only, and lists plain arguments', () => {
    const { lines, logger } = recorder();
    logger.debug('step', new Error('boom'));
    logger.warn('retrying', 2, 'times');
    expect(lines[0]?.obj['err']).toMatchObject({
      message: 'boom',
      stack: expect.stringContaining('Error: boom'),
    });
    expect(lines[1]).toEqual({
      level: 'warn',
      msg: 'retrying',
      obj: { component: 'mastra', args: [2, 'times'] },
    });
  });
});
