"""Runs schemathesis against Loopbrug's OpenAPI file on a running server (loopback only).

Signs in as the demo issuer, makes an API token through the web form (as a platform would),
then lets schemathesis generate requests for every operation with that token.
Passes only when no request got a server error (5xx) and responses match the documented schemas.
schemathesis also "probes" the server with deliberately broken HTTP (a NUL byte in a header); the
server drops such a connection before any route sees it, which schemathesis lists as a probe
error without failing the run.

usage: fuzz_api.py BASE_URL   (the server must have the demo accounts)
"""
import http.cookiejar
import re
import subprocess
import sys
import urllib.parse
import urllib.request

base = sys.argv[1].rstrip("/")
assert base.startswith("http://127.0.0.1:"), "network tests only touch 127.0.0.1"

opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def csrf(path):
    page = opener.open(base + path).read().decode()
    return re.search(r'name="_csrf" value="([^"]+)"', page).group(1)


def post(path, fields):
    data = urllib.parse.urlencode(fields).encode()
    return opener.open(urllib.request.Request(base + path, data=data)).read().decode()


post("/inloggen", {"_csrf": csrf("/inloggen"), "email": "issuer@demo.loopbrug.nl", "password": "loopbrug-demo"})
page = post("/account/sleutels", {"_csrf": csrf("/account/sleutels"), "name": "schemathesis"})
token = re.search(r"(lbk_[A-Za-z0-9_-]+)", page).group(1)

common = [
    sys.executable, "-m", "schemathesis.cli", "run", "docs/standard/v0.1/openapi.json",
    "--base-url", base, "--checks", "not_a_server_error,response_schema_conformance,content_type_conformance",
    "--hypothesis-max-examples", sys.argv[2] if len(sys.argv) > 2 else "40", "--hypothesis-seed", "20261123",
    "--hypothesis-suppress-health-check", "all", "--no-color", "--experimental=openapi-3.1",
    # JSON Lines bodies are not something schemathesis can generate; the Swift and CLI tests send them.
    "--exclude-path", "/api/v1/credentials/batch",
]
# Only with the token: without one, schemathesis fills the bearer scheme with random bytes that
# are not valid in an HTTP header, and the server rightly drops such a request before any route
# sees it. Requests without or with a wrong token are covered by the route × visitor matrix test.
sys.exit(subprocess.run(common + ["-H", f"Authorization: Bearer {token}"]).returncode)
