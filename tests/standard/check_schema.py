"""Validates the standard with an independent implementation (PyPI jsonschema, draft 2020-12,
formats asserted): the schema itself, every example in valid/ must pass and every example in
invalid/ must fail. Usage: check_schema.py DIR (docs/standard/v0.1)"""
import glob
import json
import sys

from jsonschema import Draft202012Validator

root = sys.argv[1]
schema = json.load(open(f"{root}/work-record.schema.json", encoding="utf-8"))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
context = json.load(open(f"{root}/context.jsonld", encoding="utf-8"))
assert "@context" in context, "context.jsonld has no @context"

failures = 0
valid = sorted(glob.glob(f"{root}/examples/valid/*.json"))
invalid = sorted(glob.glob(f"{root}/examples/invalid/*.json"))
assert valid and invalid, "no examples found"
for path in valid:
    errors = list(validator.iter_errors(json.load(open(path, encoding="utf-8"))))
    if errors:
        failures += 1
        print(f"FAIL: {path} should be valid: {errors[0].message}")
for path in invalid:
    if validator.is_valid(json.load(open(path, encoding="utf-8"))):
        failures += 1
        print(f"FAIL: {path} should be invalid but passes")
print(f"standard: {len(valid)} valid and {len(invalid)} invalid examples checked with jsonschema, {failures} wrong")
sys.exit(1 if failures else 0)
