"""Unit tests of the signing helper (plain unittest: `python3 -m unittest discover -s lib -t .` in the module folder)."""

import unittest

from . import crew_signing

SECRET = "test-signing-secret-0123456789abcdef"
BODY = '{"events":[{"model":"product.product","ids":[7],"operation":"write"}]}'
# Computed independently: printf '%s.%s' 1700000000 "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -hex
EXPECTED = "sha256=e0b93c2d06f9869bed617f385bb13d5cb277c8ac469c4c06dd8e29c3d42fb5e2"


class SigningTest(unittest.TestCase):
    def test_matches_openssl_vector(self):
        self.assertEqual(crew_signing.signature(SECRET, 1700000000, BODY), EXPECTED)
        self.assertEqual(crew_signing.signature(SECRET, "1700000000", BODY.encode()), EXPECTED)

    def test_signed_headers_use_the_given_clock(self):
        headers = crew_signing.signed_headers(SECRET, BODY, now=1700000000.9)
        self.assertEqual(headers, {"X-Crew-Timestamp": "1700000000", "X-Crew-Signature": EXPECTED})

    def test_empty_body_signs_timestamp_and_dot(self):
        self.assertEqual(crew_signing.signature(SECRET, 5, None), crew_signing.signature(SECRET, 5, b""))
        self.assertNotEqual(crew_signing.signature(SECRET, 5, b""), crew_signing.signature(SECRET, 6, b""))

    def test_verify_accepts_fresh_and_refuses_stale_or_tampered(self):
        sig = crew_signing.signature(SECRET, 1000, BODY)
        self.assertTrue(crew_signing.verify(SECRET, "1000", BODY, sig, now=1200))
        self.assertFalse(crew_signing.verify(SECRET, "1000", BODY, sig, now=1301))
        self.assertFalse(crew_signing.verify(SECRET, "1000", BODY + " ", sig, now=1000))
        self.assertFalse(crew_signing.verify("other-secret", "1000", BODY, sig, now=1000))
        self.assertFalse(crew_signing.verify(SECRET, "not-a-number", BODY, sig, now=1000))

    def test_a_secret_is_required(self):
        with self.assertRaises(ValueError):
            crew_signing.signature("", 1, BODY)


if __name__ == "__main__":
    unittest.main()
