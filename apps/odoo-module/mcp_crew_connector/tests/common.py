from ..lib.recording_server import RecordingServer

SECRET = "test-signing-secret-0123456789abcdef"
API_KEY = "test-api-key-0123456789abcdef-do-not-leak"


class CrewStandInMixin:
    """Starts a recording MCP-Crew stand-in on loopback for the test class and points the settings at it."""

    @classmethod
    def start_crew(cls):
        cls.crew = RecordingServer().start()
        cls.addClassCleanup(cls.crew.stop)

    def configure(self, signing_secret=None, api_key=None, url=None, events=True):
        params = self.env["ir.config_parameter"].sudo()
        values = {
            "base_url": url or self.crew.url,
            "tenant_id": "demo",
            "api_key": api_key or "",
            "signing_secret": signing_secret or "",
            "events_enabled": "True" if events else "False",
            "connect_timeout": "2",
            "copilot_timeout": "5",
            "events_timeout": "5",
        }
        for key, value in values.items():
            params.set_param("mcp_crew_connector.%s" % key, value or False)

    def setUp(self):
        super().setUp()
        self.crew.requests.clear()
        self.crew._script.clear()
        self.crew.default(200, {})
