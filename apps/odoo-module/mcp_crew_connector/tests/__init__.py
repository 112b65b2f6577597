from . import test_controller, test_copilot_tour, test_outbox, test_settings, test_signing
