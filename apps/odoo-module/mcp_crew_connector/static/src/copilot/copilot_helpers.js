/** @odoo-module */
// Pure helpers of the copilot panel: no Odoo imports, so the repository's Jest suite tests them without a browser.

/** Routes of the module's controller (the browser never talks to MCP-Crew itself). */
export const ROUTES = {
  ask: '/mcp_crew/copilot/ask',
  job: '/mcp_crew/copilot/job',
  history: '/mcp_crew/copilot/history',
  reset: '/mcp_crew/copilot/reset',
};

/**
 * One JSON-RPC call to an Odoo `type="json"` route. A plain `fetch` (rather than Odoo 18's `rpc` or Odoo 17's
 * rpc service) keeps the panel the same on both versions; the session cookie authenticates it.
 */
export async function jsonRpc(route, params = {}, fetchImpl = globalThis.fetch) {
  const response = await fetchImpl(route, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: Date.now(), params }),
  });
  if (!response.ok) {
    throw new Error(`HTTP ${response.status}`);
  }
  const body = await response.json();
  if (body.error) {
    const data = body.error.data || {};
    throw new Error(data.message || body.error.message || 'JSON-RPC error');
  }
  return body.result;
}

/** Delay before poll number `attempt` (0-based): 1 s, 1.5 s, 2.25 s … at most 5 s. */
export function pollDelay(attempt) {
  return Math.min(5000, Math.round(1000 * 1.5 ** Math.max(0, attempt)));
}

/**
 * Follows a tracked request until the controller reports it done or failed (or `maxWaitMs` passes, which
 * leaves it pending so the panel can pick it up again after a reload).
 */
export async function followJob(
  trackingId,
  { poll, sleep, maxWaitMs = 10 * 60 * 1000, now = () => Date.now() },
) {
  const started = now();
  for (let attempt = 0; ; attempt++) {
    await sleep(pollDelay(attempt));
    const result = await poll(trackingId);
    if (!result || result.status !== 'pending') {
      return result;
    }
    if (now() - started > maxWaitMs) {
      return { status: 'pending', tracking_id: trackingId };
    }
  }
}

/** The record open on screen ({model, id}) from the action service's current controller, if any. */
export function recordOnScreen(controller) {
  const props = controller && controller.props;
  if (!props || typeof props.resModel !== 'string' || !Number.isInteger(props.resId) || props.resId <= 0) {
    return null;
  }
  return { model: props.resModel, id: props.resId };
}

/** The window action that opens a touched record's form in the web client. */
export function formAction(record) {
  return {
    type: 'ir.actions.act_window',
    res_model: record.model,
    res_id: record.id,
    views: [[false, 'form']],
    target: 'current',
  };
}

/** Splits a reply into paragraphs and lines for plain-text rendering (no HTML from the server is trusted). */
export function paragraphs(text) {
  return String(text || '')
    .split(/\n{2,}/)
    .map((block) => block.split('\n'))
    .filter((lines) => lines.some((line) => line.trim() !== ''));
}
