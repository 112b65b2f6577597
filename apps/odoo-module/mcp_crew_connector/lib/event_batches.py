"""Turns queued change notices into the batch MCP-Crew's ``POST /odoo/{tenant}/events`` takes (no Odoo imports)."""

#: MCP-Crew accepts up to this many ids per event and this many events per call.
MAX_IDS_PER_EVENT = 1000
MAX_EVENTS_PER_CALL = 50

OPERATIONS = ("create", "write", "unlink")


def merge_events(notices):
    """``[(model, ids, operation), …]`` → ``[{"model", "ids", "operation"}, …]``: one event per (model,
    operation) with ids deduplicated in first-seen order and split at MAX_IDS_PER_EVENT. An id that was
    deleted is dropped from that model's create/write events (MCP-Crew would fail to read it back)."""
    grouped = {}
    order = []
    for model, ids, operation in notices:
        if operation not in OPERATIONS:
            raise ValueError("unknown operation %r" % (operation,))
        key = (model, operation)
        if key not in grouped:
            grouped[key] = {}
            order.append(key)
        for record_id in ids:
            grouped[key][int(record_id)] = None
    deleted = {}
    for (model, operation), ids in grouped.items():
        if operation == "unlink":
            deleted.setdefault(model, set()).update(ids)
    events = []
    for model, operation in order:
        ids = [i for i in grouped[(model, operation)] if operation == "unlink" or i not in deleted.get(model, ())]
        for start in range(0, len(ids), MAX_IDS_PER_EVENT):
            events.append({"model": model, "ids": ids[start : start + MAX_IDS_PER_EVENT], "operation": operation})
    return events


def split_calls(events):
    """Groups events into calls of at most MAX_EVENTS_PER_CALL."""
    return [events[i : i + MAX_EVENTS_PER_CALL] for i in range(0, len(events), MAX_EVENTS_PER_CALL)]
