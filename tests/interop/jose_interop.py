"""Interoperability with an independent JOSE implementation (PyPI joserfc).

  jose_interop.py keygen OUT.jwk OUT.pub.jwk
      an Ed25519 key pair made by joserfc
  jose_interop.py sign KEY.jwk ISSUER_ID RECORD.json STATUS_INDEX BASE_URL
      prints a work credential (VC 2.0, compact JWS, typ vc+jwt) signed by joserfc
  jose_interop.py verify PUBLIC.jwk TOKENS.jsonl
      verifies every line with joserfc; exit 1 if any line fails. A copy of each token with one
      payload character changed must fail, or the check itself is broken.
"""
import json
import sys
import uuid

from joserfc import jws
from joserfc.errors import BadSignatureError
from joserfc.jwk import OKPKey

ALGORITHMS = ["EdDSA"]


def keygen(private_path, public_path):
    key = OKPKey.generate_key("Ed25519")
    json.dump(key.as_dict(private=True), open(private_path, "w"))
    json.dump(key.as_dict(private=False), open(public_path, "w"))


def sign(key_path, issuer_id, record_path, index, base_url):
    key = OKPKey.import_key(json.load(open(key_path)))
    record = json.load(open(record_path, encoding="utf-8"))
    status_url = f"{base_url}/status/{issuer_id}/1"
    credential = {
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://loopbrug.nl/standard/v0.1/context.jsonld"],
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiableCredential", "WorkRecordCredential"],
        "issuer": {"id": f"urn:uuid:{issuer_id}", "name": "Python Platform"},
        "validFrom": "2025-09-01T00:00:00Z",
        "credentialSchema": {"id": "https://loopbrug.nl/standard/v0.1/work-record.schema.json", "type": "JsonSchema"},
        "credentialStatus": {"id": f"{status_url}#{index}", "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
                             "statusListIndex": str(index), "statusListCredential": status_url},
        "credentialSubject": record,
    }
    header = {"alg": "EdDSA", "typ": "vc+jwt", "kid": key.thumbprint()}
    payload = json.dumps(credential, ensure_ascii=False).encode("utf-8")
    print(jws.serialize_compact(header, payload, key, algorithms=ALGORITHMS))


def verify(public_path, tokens_path):
    key = OKPKey.import_key(json.load(open(public_path)))
    failures = 0
    lines = [line.strip() for line in open(tokens_path) if line.strip()]
    for number, token in enumerate(lines, 1):
        try:
            obj = jws.deserialize_compact(token, key, algorithms=ALGORITHMS)
            assert obj.protected["typ"] == "vc+jwt", "typ is not vc+jwt"
            assert json.loads(obj.payload)["type"][0] == "VerifiableCredential"
        except Exception as error:  # report and go on to the next line
            failures += 1
            print(f"line {number}: joserfc refused it: {error!r}")
        head, body, sig = token.split(".")
        changed = head + "." + body[:5] + ("A" if body[5] != "A" else "B") + body[6:] + "." + sig
        try:
            jws.deserialize_compact(changed, key, algorithms=ALGORITHMS)
            failures += 1
            print(f"line {number}: a changed copy still verified")
        except (BadSignatureError, ValueError, Exception):
            pass
    print(f"joserfc: {len(lines) - failures} of {len(lines)} credentials verified, changed copies refused")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"keygen": keygen, "sign": lambda *a: sign(a[0], a[1], a[2], int(a[3]), a[4]), "verify": verify}[command](*args)
