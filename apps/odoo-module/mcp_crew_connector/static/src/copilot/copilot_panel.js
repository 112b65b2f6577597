/** @odoo-module */
import { Component, onMounted, useRef, useState } from '@odoo/owl';
import { _t } from '@web/core/l10n/translation';
import { registry } from '@web/core/registry';
import { useService } from '@web/core/utils/hooks';
import { followJob, formAction, jsonRpc, paragraphs, recordOnScreen, ROUTES } from './copilot_helpers';

/** The copilot in the top bar: a button that opens a chat panel talking to MCP-Crew through the module's routes. */
export class CopilotSystray extends Component {
  static template = 'mcp_crew_connector.CopilotSystray';
  static props = {};

  setup() {
    this.action = useService('action');
    this.state = useState({ open: false, loaded: false, busy: false, draft: '', messages: [], error: '' });
    this.listRef = useRef('list');
    this.paragraphs = paragraphs;
    onMounted(() => this.scroll());
  }

  async toggle() {
    this.state.open = !this.state.open;
    if (this.state.open && !this.state.loaded) {
      await this.load();
    }
  }

  async load() {
    try {
      const history = await jsonRpc(ROUTES.history);
      this.state.messages = history.messages;
      this.state.loaded = true;
      if (history.pending) {
        this.state.busy = true;
        await this.show({ status: 'pending', tracking_id: history.pending }).finally(
          () => (this.state.busy = false),
        );
      }
    } catch (error) {
      this.state.error = error.message;
    }
    this.scroll();
  }

  async send(ev) {
    ev?.preventDefault();
    const text = this.state.draft.trim();
    if (!text || this.state.busy) {
      return;
    }
    this.state.busy = true;
    this.state.error = '';
    this.state.draft = '';
    this.state.messages.push({ role: 'user', text });
    this.scroll();
    try {
      const context = recordOnScreen(this.action.currentController);
      const result = await jsonRpc(ROUTES.ask, { message: text, context });
      await this.show(result);
    } catch (error) {
      this.state.messages.push({ role: 'error', text: error.message });
    } finally {
      this.state.busy = false;
      this.scroll();
    }
  }

  async show(result) {
    if (result.status === 'done') {
      this.state.messages.push(result.message);
    } else if (result.status === 'pending') {
      this.state.messages.push({ role: 'status', text: _t('Working on it…') });
      this.scroll();
      const done = await followJob(result.tracking_id, {
        poll: (id) => jsonRpc(ROUTES.job, { tracking_id: id }),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      }).catch((error) => ({ status: 'error', message: error.message }));
      this.state.messages = this.state.messages.filter((m) => m.role !== 'status');
      if (done.status === 'pending') {
        this.state.messages.push({ role: 'status', text: _t('Still working; reopen the panel later.') });
      } else {
        await this.show(done);
      }
    } else {
      this.state.messages.push({ role: 'error', text: result.message });
    }
    this.scroll();
  }

  async reset() {
    await jsonRpc(ROUTES.reset);
    this.state.messages = [];
    this.state.error = '';
  }

  openRecord(record) {
    this.action.doAction(formAction(record));
  }

  onKeydown(ev) {
    if (ev.key === 'Enter' && !ev.shiftKey) {
      this.send(ev);
    }
  }

  scroll() {
    const list = this.listRef.el;
    if (list) {
      requestAnimationFrame(() => (list.scrollTop = list.scrollHeight));
    }
  }
}

registry
  .category('systray')
  .add('mcp_crew_connector.copilot', { Component: CopilotSystray }, { sequence: 5 });
