import { z } from 'zod';

const phrases = z.array(z.string().min(1)).min(1);
// Tool names as the model sees them (MCP-Odoo's `odoo_*`, `search_knowledge`, `handoff_to_human`).
const toolName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a tool name such as odoo_create_quotation');

const toolCall = z.strictObject({ call: toolName, args: z.record(z.string(), z.unknown()).default({}) });

/**
 * One answer of the scripted model within a turn: a tool call (`call` with `args`), several at once
 * (`calls`, as a model's parallel tool calls), or the reply text (`say`). `after` / `failed` make it wait
 * for a tool's result in this turn (successful / refused or failed). Strings may cite `{{customer.id}}`,
 * `{{quotation.name}}` (the facts in the prompt) and `{{<tool>.<path>}}` (that tool's latest result, this
 * turn's or an earlier one's, e.g. `{{odoo_create_quotation.name}}`); `|pesos` writes a number the
 * Colombian way ($286.195), `|json` a whole value as JSON.
 */
const step = z
  .strictObject({
    after: toolName.optional(),
    failed: toolName.optional(),
    call: toolName.optional(),
    args: z.record(z.string(), z.unknown()).default({}),
    calls: z.array(toolCall).min(1).optional(),
    say: z.string().min(1).optional(),
  })
  .refine(
    (s) => [s.call, s.calls, s.say].filter((x) => x !== undefined).length === 1,
    'a step has one of `call`, `calls` or `say`',
  );
export type ModelScriptStep = z.infer<typeof step>;

/** How the model answers the turns whose latest customer message contains one of `when` (none: any turn). */
const rule = z.strictObject({
  when: phrases.optional(),
  /** The specialist the selector's structured call picks on these turns (default: the script's). */
  specialist: z.string().min(1).optional(),
  steps: z.array(step).min(1),
});
export type ModelScriptRule = z.infer<typeof rule>;

/**
 * A scenario's scripted OpenAI-compatible model: `crew eval` starts a local stand-in answering with it, so
 * the model path (Mastra's tool loop, the guards, the figures check) runs without a hosted model. The
 * first rule matching the turn answers; within it, the first step that applies: a `call` step until that
 * tool was called this turn (`calls`: until all of them were), then the next, then `say`.
 */
export const modelScriptSchema = z.strictObject({
  /** The specialist the selector picks when no rule says (default: sales, or the first one offered). */
  specialist: z.string().min(1).optional(),
  rules: z.array(rule).min(1),
});
export type ModelScript = z.infer<typeof modelScriptSchema>;
