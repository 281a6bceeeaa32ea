#!/usr/bin/env python3
"""Counts the test cases of a meson test log (TAP subtests one by one) and prints
"N passed, N failed", the closing line CI reads. Exits non-zero when anything failed or nothing ran."""
import json
import re
import sys

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        if not line.strip():
            continue
        test = json.loads(line)
        result = test.get("result", "")
        stdout = test.get("stdout") or ""
        # meson's log does not say which tests speak TAP: a plan line ("1..N") does.
        is_tap = re.search(r"^1\.\.\d+", stdout, re.MULTILINE) is not None
        cases = re.findall(r"^(not ok|ok)\b", stdout, re.MULTILINE) if is_tap else []
        if cases:
            for case in re.finditer(r"^(not ok|ok)\b([^\n]*)", stdout, re.MULTILINE):
                if "# SKIP" in case.group(2):
                    skipped += 1
                elif case.group(1) == "ok":
                    passed += 1
                else:
                    failed += 1
            # A program that crashed after some cases still failed as a whole.
            if result not in ("OK", "EXPECTEDFAIL", "SKIP") and not any(c == "not ok" for c in cases):
                failed += 1
        elif result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1

print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed or passed == 0 else 0)
