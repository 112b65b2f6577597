"""Unit tests of event batching (plain unittest)."""

import unittest

from . import event_batches


class MergeEventsTest(unittest.TestCase):
    def test_groups_by_model_and_operation_and_dedupes_in_order(self):
        events = event_batches.merge_events(
            [("product.template", [3, 1], "write"), ("product.product", [9], "write"), ("product.template", [1, 4], "write")]
        )
        self.assertEqual(
            events,
            [
                {"model": "product.template", "ids": [3, 1, 4], "operation": "write"},
                {"model": "product.product", "ids": [9], "operation": "write"},
            ],
        )

    def test_deleted_ids_leave_create_and_write_events(self):
        events = event_batches.merge_events(
            [("product.product", [1, 2], "create"), ("product.product", [2, 3], "write"), ("product.product", [2], "unlink")]
        )
        self.assertEqual(
            events,
            [
                {"model": "product.product", "ids": [1], "operation": "create"},
                {"model": "product.product", "ids": [3], "operation": "write"},
                {"model": "product.product", "ids": [2], "operation": "unlink"},
            ],
        )

    def test_splits_large_id_lists(self):
        events = event_batches.merge_events([("product.product", range(1, 2502), "write")])
        self.assertEqual([len(e["ids"]) for e in events], [1000, 1000, 501])
        self.assertEqual(events[2]["ids"][-1], 2501)

    def test_unknown_operation_is_refused(self):
        with self.assertRaises(ValueError):
            event_batches.merge_events([("product.product", [1], "archive")])

    def test_split_calls(self):
        calls = event_batches.split_calls([{"n": i} for i in range(120)])
        self.assertEqual([len(c) for c in calls], [50, 50, 20])


if __name__ == "__main__":
    unittest.main()
