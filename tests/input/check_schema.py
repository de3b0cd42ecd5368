#!/usr/bin/env python3
"""Validates documents against engine/input/document.schema.json (draft-07).

    check_schema.py SCHEMA --good FILE... --bad FILE...

Prints one line per file; exits 0 only when the schema itself is valid, every
--good file conforms and every --bad file is refused.
"""
import json
import sys

import jsonschema


def main(argv):
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    expect_valid, failures = True, 0
    for arg in argv[2:]:
        if arg in ("--good", "--bad"):
            expect_valid = arg == "--good"
            continue
        with open(arg, encoding="utf-8-sig") as f:
            errors = list(validator.iter_errors(json.load(f)))
        if expect_valid and errors:
            failures += 1
            print(f"FAIL {arg}: refused: {errors[0].message} at /{'/'.join(map(str, errors[0].absolute_path))}")
        elif not expect_valid and not errors:
            failures += 1
            print(f"FAIL {arg}: accepted, but the engine refuses it")
        else:
            print(f"ok   {arg}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
